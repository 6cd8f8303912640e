using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// A CSV file that maps to no table: its rows decide whether its first line is a header, the run says
/// which was chosen, and --header / --no-header decide instead.
/// </summary>
public class CsvHeaderTests
{
    // Five measurements with a repeated row, and no header line.
    private const string Headerless = "5.1,3.5,1.4,0.2,Iris-setosa\n4.9,3.0,1.4,0.2,Iris-setosa\n4.9,3.0,1.4,0.2,Iris-setosa\n6.3,3.3,6.0,2.5,Iris-virginica\n";

    private static JsonElement OnlyTable(CliRunner.Result r)
    {
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables").EnumerateArray().Single();
    }

    private static string[] Columns(JsonElement table) => table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();

    private static string[] RuleIds(JsonElement table) =>
        table.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToArray();

    [Fact]
    public void A_headerless_file_keeps_its_first_row_and_numbers_its_columns()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("flowers.csv", Headerless);

        var table = OnlyTable(BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "--format", "json"));
        Assert.Equal(4, table.GetProperty("sampleRows").GetInt32());
        Assert.Equal(["column1", "column2", "column3", "column4", "column5"], Columns(table));
        Assert.DoesNotContain("SN1002", RuleIds(table)); // made-up names are no repeating group
        var file = table.GetProperty("csvFiles").EnumerateArray().Single();
        Assert.Equal("flowers.csv", file.GetProperty("file").GetString());
        Assert.Equal("data", file.GetProperty("firstLine").GetString());
        Assert.Equal("detected", file.GetProperty("decidedBy").GetString());
        Assert.Contains("'5.1' is one of the numbers of column 1", file.GetProperty("reason").GetString());

        var verbose = BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "-v");
        Assert.Contains("flowers.csv:1:1: info: the first line is read as data, not as a header:", verbose.Stderr);
        Assert.DoesNotContain("read as data", BuiltCli.Run(dir.Root, "analyze", "flowers.csv").Stderr);
    }

    [Fact]
    public void A_header_above_numbers_is_read_as_names()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("flowers.csv", "sepal_length,sepal_width,petal_length,petal_width,class\n" + Headerless);

        var table = OnlyTable(BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "--format", "json"));
        Assert.Equal(4, table.GetProperty("sampleRows").GetInt32());
        Assert.Equal("sepal_length", Columns(table)[0]);
        var file = table.GetProperty("csvFiles").EnumerateArray().Single();
        Assert.Equal("header", file.GetProperty("firstLine").GetString());
        Assert.Contains("the first line is read as the header", BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "-v").Stderr);
    }

    [Fact]
    public void The_options_decide_over_the_rows()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("flowers.csv", Headerless);

        var forced = OnlyTable(BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "--header", "--format", "json"));
        Assert.Equal(3, forced.GetProperty("sampleRows").GetInt32());
        Assert.Equal("5.1", Columns(forced)[0]);
        Assert.Equal("--header", forced.GetProperty("csvFiles")[0].GetProperty("decidedBy").GetString());

        var none = OnlyTable(BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "--no-header", "--format", "json"));
        Assert.Equal(4, none.GetProperty("sampleRows").GetInt32());
        Assert.Equal("column5", Columns(none)[4]);
        Assert.DoesNotContain("SN1002", RuleIds(none));
        Assert.Equal("--no-header", none.GetProperty("csvFiles")[0].GetProperty("decidedBy").GetString());

        var both = BuiltCli.Run(dir.Root, "analyze", "flowers.csv", "--header", "--no-header");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--header and --no-header", both.Stderr);
    }

    [Fact]
    public void Discover_reads_the_headerless_iris_file_whole()
    {
        var r = BuiltCli.Run(TestPaths.RepoRoot, "discover", Path.Combine(TestPaths.Datasets, "iris.csv"), "--format", "json");
        var table = OnlyTable(r);
        Assert.Equal(150, table.GetProperty("rows").GetInt32());
        Assert.Equal("column1", table.GetProperty("columns")[0].GetString());
        Assert.Equal(4, table.GetProperty("fds").GetArrayLength()); // the published count for iris
    }
}
