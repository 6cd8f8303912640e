using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

public class DiscoverCommandTests
{
    private static JsonElement Table(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables")[0];
    }

    /// <summary>The FDs of the JSON report as the expected files write them: [i,j]->r with column indexes.</summary>
    private static SortedSet<string> FdLines(JsonElement table)
    {
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var fd in table.GetProperty("fds").EnumerateArray())
        {
            var lhs = fd.GetProperty("lhs").EnumerateArray().Select(c => columns.IndexOf(c.GetString()!)).Order();
            lines.Add($"[{string.Join(",", lhs)}]->{columns.IndexOf(fd.GetProperty("rhs").GetString()!)}");
        }
        return lines;
    }

    private static SortedSet<string> Expected(string file, bool nullsDistinct = false) =>
        new(File.ReadAllLines(Path.Combine(TestPaths.Datasets, "expected", nullsDistinct ? "nulls-distinct" : "", file + ".fds.txt"))
            .Where(l => l.Length > 0), StringComparer.Ordinal);

    [Theory]
    [InlineData("iris.csv", false)]
    [InlineData("bridges.csv", false)]
    [InlineData("WDC_satellites.csv", true)]
    [InlineData("TestFD.csv", true)]
    public void Json_lists_exactly_the_expected_minimal_fds(string file, bool header)
    {
        var args = new List<string> { "discover", Path.Combine(TestPaths.Datasets, file), "--format", "json" };
        if (!header) args.Add("--no-header");
        var table = Table(CliRunner.Run([.. args]));
        Assert.Equal(Expected(Path.GetFileNameWithoutExtension(file)), FdLines(table));
        Assert.Equal("equal", table.GetProperty("nulls").GetString());
        Assert.Equal(0.0, table.GetProperty("maxError").GetDouble());
        Assert.Equal(JsonValueKind.Null, table.GetProperty("schema").ValueKind);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), table.GetProperty("name").GetString());
        Assert.True(table.GetProperty("rows").GetInt32() > 0);
    }

    [Fact]
    public void Nulls_distinct_gives_the_null_distinct_list()
    {
        var table = Table(CliRunner.Run("discover", Path.Combine(TestPaths.Datasets, "CIPublicHighway700.csv"), "--format", "json", "--nulls", "distinct"));
        Assert.Equal("distinct", table.GetProperty("nulls").GetString());
        Assert.Equal(Expected("CIPublicHighway700", nullsDistinct: true), FdLines(table));
    }

    [Fact]
    public void Max_lhs_bounds_the_search_and_says_so()
    {
        var table = Table(CliRunner.Run("discover", Path.Combine(TestPaths.Datasets, "bridges.csv"), "--no-header", "--format", "json", "--max-lhs", "1"));
        Assert.All(table.GetProperty("fds").EnumerateArray(), fd => Assert.True(fd.GetProperty("lhs").GetArrayLength() <= 1));
        Assert.Contains(table.GetProperty("limits").EnumerateArray(), l => l.GetString()!.Contains("max-lhs"));
        var all = Expected("bridges").Where(l => l.Count(c => c == ',') == 0).ToHashSet();
        Assert.Equal(all.Order(StringComparer.Ordinal), FdLines(table));
    }

    [Fact]
    public void Approximate_fds_carry_their_error()
    {
        var table = Table(CliRunner.Run("discover", Path.Combine(TestPaths.Datasets, "iris.csv"), "--no-header", "--format", "json", "--max-error", "0.05"));
        var errors = table.GetProperty("fds").EnumerateArray().Select(f => f.GetProperty("error").GetDouble()).ToList();
        Assert.Contains(errors, e => e > 0);
        Assert.All(errors, e => Assert.InRange(e, 0, 0.05));
    }

    [Fact]
    public void Mvds_are_found_in_insert_data()
    {
        var table = Table(CliRunner.Run("discover", Path.Combine(TestPaths.SampleSchemas, "6-multivalued-dependency", "schema.sql"), "--format", "json"));
        var mvd = Assert.Single(table.GetProperty("mvds").EnumerateArray());
        Assert.Equal(["Course"], mvd.GetProperty("lhs").EnumerateArray().Select(x => x.GetString()));
        Assert.Empty(table.GetProperty("jds").EnumerateArray());
    }

    [Fact]
    public void Fds_only_lists_the_same_fds_and_says_what_it_left_out()
    {
        var path = Path.Combine(TestPaths.SampleSchemas, "6-multivalued-dependency", "schema.sql");
        var full = Table(CliRunner.Run("discover", path, "--format", "json"));
        var table = Table(CliRunner.Run("discover", path, "--format", "json", "--fds-only"));
        Assert.Equal(FdLines(full), FdLines(table));
        Assert.NotEmpty(full.GetProperty("mvds").EnumerateArray());
        Assert.Empty(table.GetProperty("mvds").EnumerateArray());
        Assert.NotEmpty(full.GetProperty("uniqueColumnCombinations").EnumerateArray());
        Assert.Empty(table.GetProperty("uniqueColumnCombinations").EnumerateArray());
        Assert.Contains(table.GetProperty("limits").EnumerateArray(), l => l.GetString()!.Contains("--fds-only"));
    }

    [Fact]
    public void Threads_give_the_same_fds()
    {
        var path = Path.Combine(TestPaths.Datasets, "abalone.csv");
        var table = Table(CliRunner.Run("discover", path, "--no-header", "--format", "json", "--fds-only", "--threads", "2"));
        Assert.Equal(Expected("abalone"), FdLines(table));
        Assert.Equal(2, CliRunner.Run("discover", path, "--no-header", "--threads", "0").ExitCode);
    }

    [Fact]
    public void Text_output_groups_fds_by_left_side()
    {
        var r = CliRunner.Run("discover", Path.Combine(TestPaths.Datasets, "iris.csv"), "--no-header");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("column1, column2, column3 -> column5", r.Stdout);
        Assert.Contains("functional dependencies (4)", r.Stdout);
    }

    [Fact]
    public void A_table_without_rows_or_an_unknown_table_exits_two()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("s.sql", "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY);");
        Assert.Equal(2, CliRunner.RunIn(dir.Root, "discover", "s.sql").ExitCode);
        Assert.Equal(2, CliRunner.Run("discover", Path.Combine(TestPaths.Datasets, "iris.csv"), "--table", "nope").ExitCode);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void Max_error_outside_zero_to_one_is_a_usage_error(string value)
    {
        foreach (var command in new[] { "discover", "analyze" })
        {
            var r = CliRunner.Run(command, Path.Combine(TestPaths.Datasets, "iris.csv"), "--no-header", "--max-error", value);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"--max-error takes a number from 0 to 1, not '{value}'", r.Stderr);
            Assert.Equal("", r.Stdout);
        }
    }
}
