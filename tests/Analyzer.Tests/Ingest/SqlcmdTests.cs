using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>The SQLCMD pre-pass: variables, includes, GO batches, and locations in the original files.</summary>
public class SqlcmdTests
{
    [Fact]
    public void Setvar_values_are_substituted_in_names_and_strings()
    {
        var result = ScriptFolder.Ingest("""
            :setvar Schema "Sales"
             :setvar Table Orders
            :on error exit
            CREATE TABLE [$(Schema)].$(Table) (Id int PRIMARY KEY, Note varchar(20) DEFAULT '$(Table)!');
            """);
        result.NoErrors();
        var orders = result.Table("Sales.Orders");
        Assert.Equal("'Orders!'", orders.FindColumn("Note")!.DefaultExpression);
    }

    [Fact]
    public void Command_line_variables_win_over_setvar()
    {
        var options = new IngestOptions { Variables = new Dictionary<string, string> { ["table"] = "Customers" } };
        var result = ScriptFolder.Ingest(":setvar Table Orders\nCREATE TABLE $(Table) (Id int);", options);
        result.NoErrors();
        Assert.Equal("Customers", Assert.Single(result.Model.Tables).Name.Name);
    }

    [Fact]
    public void An_undefined_variable_is_an_error_at_its_place()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE T (Id int);\nGO\nCREATE TABLE  $(Missing)X (Id int);\n-- $(InAComment) is not substituted");
        var error = result.Errors().First(e => e.Message.Contains("$(Missing)"));
        Assert.Equal((3, 15), (error.Location!.Line, error.Location.Column));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("InAComment"));
        Assert.NotNull(result.Model.Find("T"));
    }

    [Fact]
    public void Locations_after_a_substitution_point_into_the_original_line()
    {
        // The syntax error (the second comma) comes after a value longer than its $(...) reference.
        var result = ScriptFolder.Ingest(":setvar Long \"AVeryLongTableNameIndeed\"\nCREATE TABLE $(Long) (a int,, b int);");
        var error = result.SingleError();
        Assert.Equal(2, error.Location!.Line);
        Assert.Equal("CREATE TABLE $(Long) (a int,".Length + 1, error.Location.Column);
    }

    [Fact]
    public void Included_files_keep_their_own_locations()
    {
        using var folder = new ScriptFolder();
        folder.Write("tables/customer.sql", "-- customer\n\nCREATE TABLE Customer (Id int PRIMARY KEY);\n");
        folder.Write("tables/orders.sql", ":r ./lines.sql\nCREATE TABLE Orders (Id int PRIMARY KEY);");
        folder.Write("tables/lines.sql", "CREATE TABLE Lines (Id int);");
        var main = folder.Write("main.sql", """
            :setvar Folder tables
            :r $(Folder)/customer.sql
            GO
            :r "$(Folder)/orders.sql"
            GO
            CREATE TABLE Main (Id int, Bad int,, c int);
            """);
        var result = Ingestor.Ingest([main], new IngestOptions());
        var customer = result.Table("Customer");
        Assert.EndsWith(Path.Combine("tables", "customer.sql"), customer.Location.File);
        Assert.Equal(3, customer.Location.Line);
        Assert.EndsWith(Path.Combine("tables", "lines.sql"), result.Table("Lines").Location.File);
        var orders = result.Table("Orders");
        Assert.EndsWith(Path.Combine("tables", "orders.sql"), orders.Location.File);
        Assert.Equal(2, orders.Location.Line);
        // Lines after the includes keep their own numbers.
        var error = result.SingleError();
        Assert.Equal(main, error.Location!.File);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void An_include_cycle_is_an_error_naming_the_chain()
    {
        using var folder = new ScriptFolder();
        var a = folder.Write("a.sql", "CREATE TABLE A (Id int);\n:r b.sql");
        folder.Write("b.sql", "CREATE TABLE B (Id int);\n\n:r a.sql");
        var result = Ingestor.Ingest([a], new IngestOptions());
        var error = result.SingleError();
        Assert.Contains("a.sql -> b.sql -> a.sql", error.Message);
        Assert.EndsWith("b.sql", error.Location!.File);
        Assert.Equal(3, error.Location.Line);
        Assert.NotNull(result.Model.Find("A"));
        Assert.NotNull(result.Model.Find("B"));
    }

    [Fact]
    public void A_missing_include_is_an_error()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE A (Id int);\n:r nowhere.sql\n");
        var error = result.SingleError();
        Assert.Equal(2, error.Location!.Line);
        Assert.Contains("nowhere.sql", error.Message);
    }

    [Theory]
    [InlineData("GO", true, 1)]
    [InlineData("  go  ", true, 1)]
    [InlineData("GO 3", true, 3)]
    [InlineData("GO -- next batch", true, 1)]
    [InlineData("GO 2 -- twice", true, 2)]
    [InlineData("GOTO Label", false, 1)]
    [InlineData("GO;", false, 1)]
    [InlineData("SELECT 1 GO", false, 1)]
    public void Go_lines(string line, bool isGo, int repeat)
    {
        Assert.Equal(isGo, SqlcmdPreprocessor.IsGoLine(line, out int count));
        if (isGo) Assert.Equal(repeat, count);
    }

    [Fact]
    public void Go_inside_strings_and_block_comments_does_not_split()
    {
        var prepared = SqlcmdPreprocessor.Prepare("x.sql", """
            CREATE TABLE A (Note varchar(20) DEFAULT 'one
            GO
            two');
            /* a comment
            GO
            /* nested */
            GO
            */
            GO
            CREATE TABLE B (Id int);
            """, null, null, new DiagnosticBag());
        Assert.Equal(2, prepared.Batches.Count);
        Assert.StartsWith("CREATE TABLE B", prepared.Text.AsSpan(prepared.Batches[1].Start, prepared.Batches[1].Length).TrimStart().ToString());
    }

    [Fact]
    public void Go_with_a_count_repeats_the_batch_rows()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE T (Id int IDENTITY, V int);\nGO\nINSERT T (V) VALUES (7);\nGO 3\n");
        result.NoErrors();
        Assert.Equal(new string?[] { "1", "2", "3" }, result.Table("T").Column("Id"));
    }
}
