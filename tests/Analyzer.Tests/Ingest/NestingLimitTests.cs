using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Scripts nested past any depth end in a located error naming the limit, or are read; never a stack overflow.</summary>
public class NestingLimitTests
{
    private const string Table = "CREATE TABLE T (Id int PRIMARY KEY);\nGO\n";

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public void Twelve_thousand_nested_parentheses_are_an_error_at_the_level_past_the_limit()
    {
        var result = ScriptFolder.Ingest(Table + "SELECT " + Repeat("(", 12_000) + "1" + Repeat(")", 12_000) + ";\n");
        var error = result.SingleError();
        Assert.Contains("nesting deeper than 1,000 levels", error.Message);
        Assert.Equal((3, 8 + 1_000), (error.Location!.Line, error.Location.Column));
        Assert.NotNull(result.Model.Find("T")); // the batches before it are read
    }

    [Fact]
    public void Eight_thousand_nested_begin_end_blocks_are_an_error()
    {
        var result = ScriptFolder.Ingest(Table + Repeat("BEGIN\n", 8_000) + "SELECT 1;\n" + Repeat("END\n", 8_000));
        var error = result.SingleError();
        Assert.Contains("nesting deeper than 1,000 levels", error.Message);
        Assert.Equal((3 + 1_000, 1), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Twenty_thousand_chained_ifs_are_read()
    {
        // Each ELSE IF nests the rest of the chain one level deeper in the tree.
        var result = ScriptFolder.Ingest(Table + Repeat("IF 1 = 1 SELECT 1; ELSE ", 20_000) +
                                         "CREATE TABLE U (Id int);\n");
        result.NoErrors();
        Assert.NotNull(result.Model.Find("T"));
    }

    [Fact]
    public void More_conditionals_than_the_limit_in_one_batch_are_an_error()
    {
        var result = ScriptFolder.Ingest(Table + Repeat("IF 1 = 1 SELECT 1; ELSE ", 25_001) + "SELECT 2;\n");
        Assert.Contains("more than 50,000 IF, ELSE and WHILE", result.SingleError().Message);
    }

    [Fact]
    public void A_hundred_thousand_term_sum_is_an_error()
    {
        var result = ScriptFolder.Ingest(Table + "SELECT " + string.Join("+", Enumerable.Repeat("Id", 100_000)) + " FROM T;\n");
        var error = result.SingleError();
        Assert.Contains("more than 10,000 operators", error.Message);
        Assert.Equal((3, 8 + 10_000 * 3 + 2), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Deep_but_allowed_nesting_is_read_exactly()
    {
        // 999 levels of parentheses around a computed column, 9,999 operators in it.
        var expression = Repeat("(", 999) + string.Join("+", Enumerable.Repeat("Id", 10_000)) + Repeat(")", 999);
        var result = ScriptFolder.Ingest($"CREATE TABLE T (Id int PRIMARY KEY, Total AS {expression});\n");
        result.NoErrors();
        Assert.NotNull(result.Table("T").FindColumn("Total")!.ComputedExpression);
    }

    [Fact]
    public void Many_statements_each_within_the_limits_add_up_to_nothing()
    {
        // Sequential statements, commas and semicolons end an expression: only one expression's operators count.
        var statements = Repeat("INSERT INTO T (Id) SELECT 1 + 2 + 3 WHERE 1 = 1 AND 2 = 2;\n", 5_000);
        var union = "INSERT INTO T (Id) " + string.Join(" UNION ALL ", Enumerable.Range(0, 20_000).Select(i => $"SELECT {i}")) + ";\n";
        var transactions = Repeat("BEGIN TRANSACTION; UPDATE T SET Id = Id + 1; COMMIT;\n", 2_000);
        ScriptFolder.Ingest(Table + statements + "GO\n" + union + "GO\n" + transactions).NoErrors();
    }

    [Fact]
    public void Limits_hold_through_the_fast_insert_reader_fallback()
    {
        // The fast reader stops at the SELECT; ScriptDom gets the rest and must be guarded there too.
        var result = ScriptFolder.Ingest(Table + "INSERT INTO T (Id) VALUES (1);\nSELECT " + Repeat("(", 5_000) + "1" + Repeat(")", 5_000) + ";\n");
        Assert.Contains("nesting deeper than 1,000 levels", result.SingleError().Message);
        Assert.Equal(1, result.Table("T").Data!.RowCount);
    }
}
