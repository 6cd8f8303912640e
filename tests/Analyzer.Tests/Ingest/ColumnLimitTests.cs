using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>SQL Server's columns-per-table limits, and wide tables read in time proportional to their width.</summary>
public class ColumnLimitTests
{
    private static string Columns(int count, int from = 0) => string.Join(", ", Enumerable.Range(from, count).Select(i => $"c{i} int"));

    [Fact]
    public void A_table_of_1024_columns_is_read_and_one_of_1025_is_an_error_at_the_column_past_the_limit()
    {
        var ok = ScriptFolder.Ingest($"CREATE TABLE T ({Columns(1_024)});\n");
        ok.NoErrors();
        Assert.Equal(1_024, ok.Table("T").Columns.Count);

        var sql = $"CREATE TABLE T ({Columns(1_025)});\nINSERT INTO T (c0) VALUES (1);\nCREATE INDEX IX ON T (c1);\n";
        var result = ScriptFolder.Ingest(sql);
        var error = result.SingleError(); // the rows and the index of the table not read are not errors again
        Assert.Equal("dbo.T has 1,025 columns, more than the 1,024 SQL Server allows in a table (30,000 in a wide table, one with a sparse column set): the table is not read", error.Message);
        Assert.Equal((1, sql.IndexOf("c1024 int", StringComparison.Ordinal) + 1), (error.Location!.Line, error.Location.Column));
        Assert.Null(result.Model.Find("T"));
    }

    [Fact]
    public void A_wide_table_with_a_sparse_column_set_may_hold_more_than_1024_columns_up_to_30000()
    {
        const string columnSet = "cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS";
        var wide = ScriptFolder.Ingest($"CREATE TABLE W (Id int PRIMARY KEY, {columnSet}, {Columns(2_000).Replace(" int", " int SPARSE")});\n");
        wide.NoErrors();
        Assert.Equal(2_002, wide.Table("W").Columns.Count);

        var tooWide = ScriptFolder.Ingest($"CREATE TABLE W (Id int PRIMARY KEY, {columnSet}, {Columns(29_999).Replace(" int", " int SPARSE")});\n");
        Assert.Contains("30,001 columns, more than the 30,000 SQL Server allows in a wide table", tooWide.SingleError().Message);
    }

    [Fact]
    public void Alter_table_add_past_the_limit_is_an_error()
    {
        var result = ScriptFolder.Ingest($"CREATE TABLE T ({Columns(1_000)});\nGO\nALTER TABLE T ADD {Columns(25, from: 1_000)};\n");
        Assert.Contains("dbo.T has 1,025 columns, more than the 1,024", result.SingleError().Message);
        Assert.Equal(1_000, result.Table("T").Columns.Count);
    }

    [Fact]
    public void A_csv_file_wider_than_a_wide_table_is_an_error_and_one_of_30000_fields_is_read()
    {
        static string Csv(int fields) =>
            string.Join(",", Enumerable.Range(0, fields).Select(i => $"c{i}")) + "\n" + string.Join(",", Enumerable.Range(0, fields).Select(i => i % 3)) + "\n";

        var wide = ScriptFolder.Ingest(Csv(30_000), name: "wide.csv");
        wide.NoErrors();
        Assert.Equal(30_000, wide.Table("wide").Columns.Count);

        var tooWide = ScriptFolder.Ingest(Csv(30_001), name: "wide.csv");
        var error = tooWide.SingleError();
        Assert.Equal("this file has 30,001 fields per row, more than the 30,000 columns SQL Server allows in a wide table: the file is not read", error.Message);
        Assert.Equal((1, 1), (error.Location!.Line, error.Location.Column));
        Assert.Null(tooWide.Model.Find("wide"));
    }

    [Fact]
    public void Column_lookup_by_name_follows_adds_drops_and_renames()
    {
        var table = new Table(new QualifiedName("dbo", "T"), new SourceLocation("t.sql", 1, 1));
        var location = new SourceLocation("t.sql", 1, 1);
        Column Add(string name)
        {
            var c = new Column(name, new SqlType("int"), location);
            table.Columns.Add(c);
            return c;
        }
        var a = Add("A");
        Add("B");
        Assert.Equal(1, table.IndexOf("[b]"));
        var c = Add("C");
        Assert.Equal(2, table.IndexOf("C"));
        table.Columns.Remove(a);
        Assert.Equal(0, table.IndexOf("B"));
        Assert.Equal(-1, table.IndexOf("A"));
        Add("A");
        Assert.Equal(2, table.IndexOf("a"));
        c.Name = "Renamed";
        Assert.Equal(-1, table.IndexOf("C"));
        Assert.Equal(1, table.IndexOf("renamed"));
        // Two columns of one name (a model built by hand): the first wins, as a scan finds it.
        Add("B");
        Assert.Equal(0, table.IndexOf("B"));
        table.Columns.RemoveAt(0);
        Assert.Equal(2, table.IndexOf("B"));
    }
}
