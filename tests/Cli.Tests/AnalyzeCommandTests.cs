using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

public class AnalyzeCommandTests
{
    private const string EmpProj = """
        CREATE TABLE dbo.EmpProj (
            Ssn       char(9)      NOT NULL,
            Pnumber   int          NOT NULL,
            Hours     decimal(5,1) NULL,
            -- schemanorm: fd Ssn -> Ename
            Ename     nvarchar(60) NOT NULL,
            -- schemanorm: fd Pnumber -> Pname, Plocation
            Pname     nvarchar(60) NOT NULL,
            Plocation nvarchar(60) NOT NULL,
            CONSTRAINT PK_EmpProj PRIMARY KEY (Ssn, Pnumber)
        );
        """;

    [Fact]
    public void Json_report_has_the_contract_fields()
    {
        using var dir = new CliRunner.Scratch();
        var script = dir.Write("schema.sql", EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.Equal(1, r.ExitCode);

        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("schemanorm", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("BCNF", root.GetProperty("target").GetString());
        var table = root.GetProperty("tables").EnumerateArray().Single();
        Assert.Equal("dbo", table.GetProperty("schema").GetString());
        Assert.Equal("EmpProj", table.GetProperty("name").GetString());
        Assert.Equal(["Ssn", "Pnumber", "Hours", "Ename", "Pname", "Plocation"], Strings(table.GetProperty("columns")));
        Assert.Equal(["Ssn", "Pnumber"], Strings(table.GetProperty("primaryKey")));
        Assert.Equal(["Ssn", "Pnumber"], Strings(table.GetProperty("candidateKeys")[0]));
        Assert.Equal(0, table.GetProperty("sampleRows").GetInt32());
        Assert.Equal("1NF", table.GetProperty("normalForm").GetString());

        var deps = table.GetProperty("dependencies").EnumerateArray().ToList();
        Assert.Contains(deps, d => d.GetProperty("kind").GetString() == "fd" && d.GetProperty("source").GetString() == "declared"
            && Strings(d.GetProperty("lhs")).SequenceEqual(["Ssn"]) && Strings(d.GetProperty("rhs")).SequenceEqual(["Ename"]));
        Assert.Contains(deps, d => d.GetProperty("source").GetString() == "key");

        var findings = table.GetProperty("findings").EnumerateArray().ToList();
        var sn2001 = findings.Where(f => f.GetProperty("ruleId").GetString() == "SN2001").ToList();
        Assert.Equal(2, sn2001.Count);
        foreach (var f in sn2001)
        {
            Assert.Equal("2NF", f.GetProperty("normalForm").GetString());
            Assert.Equal("warning", f.GetProperty("severity").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
            Assert.Equal("fd", f.GetProperty("dependency").GetProperty("kind").GetString());
            var loc = f.GetProperty("location");
            Assert.Equal("schema.sql", loc.GetProperty("file").GetString());
            Assert.True(loc.GetProperty("line").GetInt32() is 5 or 7);
            Assert.True(loc.GetProperty("column").GetInt32() >= 1);
        }
    }

    [Theory]
    [InlineData("warning", 1)]
    [InlineData("error", 0)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Exit_status_follows_fail_on(string failOn, int expected)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--fail-on", failOn);
        Assert.Equal(expected, r.ExitCode);
    }

    [Fact]
    public void A_clean_schema_exits_zero()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY, Name nvarchar(20) NOT NULL);");
        var r = CliRunner.RunIn(dir.Root, "analyze", "ok.sql");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("No findings.", r.Stdout);
    }

    [Fact]
    public void A_syntax_error_names_file_line_and_column_and_exits_two_without_a_report()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("bad.sql", "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY);\nGO\nCREATE TABLE dbo.U (Id int NOT NULL,, Name int);\n");
        var r = CliRunner.RunIn(dir.Root, "analyze", "bad.sql", "--format", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Matches(@"bad\.sql:3:\d+: error: ", r.Stderr);
        Assert.Contains("no report written", r.Stderr);
    }

    [Fact]
    public void An_annotation_naming_an_unknown_column_is_an_error()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("s.sql", "-- schemanorm: fd Id -> Nope\nCREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY, Name int);");
        var r = CliRunner.RunIn(dir.Root, "analyze", "s.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"s\.sql:1:\d+: error: .*Nope", r.Stderr);
    }

    [Theory]
    [InlineData("analyze", "--format", "xml", "x.sql")]
    [InlineData("analyze", "--target", "6NF", "x.sql")]
    [InlineData("analyze", "--fail-on", "sometimes", "x.sql")]
    [InlineData("analyze", "--bogus", "x.sql")]
    [InlineData("analyze")]
    [InlineData("frobnicate")]
    public void Bad_command_lines_exit_two_with_one_line(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_file_exits_two()
    {
        var r = CliRunner.Run("analyze", "no/such/file.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file.sql", r.Stderr);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json", "-o", "out/report.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Root, "out", "report.json")));
        Assert.Equal("EmpProj", doc.RootElement.GetProperty("tables")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Help_and_version_exit_zero()
    {
        Assert.Equal(0, CliRunner.Run("--help").ExitCode);
        Assert.Equal(0, CliRunner.Run("analyze", "--help").ExitCode);
        Assert.Matches(@"^schemanorm \d+\.\d+\.\d+", CliRunner.Run("--version").Stdout);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
