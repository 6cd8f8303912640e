using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// The built command, run as a process as CI runs it: the exit status is 0, 1 or 2 as CONTRACT.md says,
/// whatever the --format, and the report is in the format asked for.
/// </summary>
public class BuiltCliExitStatusTests
{
    public static TheoryData<string> Formats() => new("text", "json", "sarif", "markdown", "github");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Findings_against_the_fail_on_threshold(string format)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("warnings.sql", TestScripts.EmpProj);
        dir.Write("notes.sql", TestScripts.NoteOnly);
        dir.Write("clean.sql", TestScripts.Clean);

        var r = Run(dir, "warnings.sql", "--format", format);
        Assert.True(r.ExitCode == 1, r.Stderr);
        AssertFormat(format, r.Stdout);
        Assert.Equal(0, Run(dir, "warnings.sql", "--format", format, "--fail-on", "error").ExitCode);
        Assert.Equal(1, Run(dir, "warnings.sql", "--format", format, "--fail-on", "note").ExitCode);
        Assert.Equal(0, Run(dir, "warnings.sql", "--format", format, "--fail-on", "none").ExitCode);

        Assert.Equal(0, Run(dir, "notes.sql", "--format", format).ExitCode);
        Assert.Equal(1, Run(dir, "notes.sql", "--format", format, "--fail-on", "note").ExitCode);

        var clean = Run(dir, "clean.sql", "--format", format, "--fail-on", "note");
        Assert.Equal(0, clean.ExitCode);
        AssertFormat(format, clean.Stdout);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Input_and_usage_errors_exit_two_without_a_report(string format)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("bad.sql", TestScripts.SyntaxError);
        dir.Write("ok.sql", TestScripts.Clean);

        var syntax = Run(dir, "bad.sql", "--format", format);
        Assert.Equal(2, syntax.ExitCode);
        Assert.Equal("", syntax.Stdout);
        Assert.Matches(@"bad\.sql:1:\d+: error: ", syntax.Stderr);

        Assert.Equal(2, Run(dir, "missing.sql", "--format", format).ExitCode);
        Assert.Equal(2, Run(dir, "ok.sql", "--format", format, "--fail-on", "sometimes").ExitCode);
        Assert.Equal(2, Run(dir, "ok.sql", "--format", format, "--baseline", "no-such-baseline.json").ExitCode);

        dir.Write("schemanorm.json", """{ "failOn": "always" }""");
        var config = Run(dir, "ok.sql", "--format", format);
        Assert.Equal(2, config.ExitCode);
        Assert.StartsWith("schemanorm.json:1:13: error: ", config.Stderr);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Suppressed_and_baselined_findings_do_not_fail(string format)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("suppressed.sql", "-- schemanorm-disable-file reviewed\n" + TestScripts.EmpProj);
        Assert.Equal(0, Run(dir, "suppressed.sql", "--format", format, "--fail-on", "note").ExitCode);

        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Equal(0, Run(dir, "schema.sql", "--write-baseline", "baseline.json", "--format", format).ExitCode);
        Assert.Equal(0, Run(dir, "schema.sql", "--baseline", "baseline.json", "--format", format).ExitCode);
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap);
        Assert.Equal(1, Run(dir, "schema.sql", "--baseline", "baseline.json", "--format", format).ExitCode);
    }

    [Fact]
    public void Config_rule_levels_decide_what_fails()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        dir.Write("schemanorm.json", """{ "failOn": "error", "rules": { "SN2001": "error" } }""");
        Assert.Equal(1, Run(dir, "schema.sql", "--format", "sarif").ExitCode);
        dir.Write("schemanorm.json", """{ "failOn": "error" }""");
        Assert.Equal(0, Run(dir, "schema.sql", "--format", "sarif").ExitCode);
    }

    private static CliRunner.Result Run(CliRunner.Scratch dir, params string[] args) =>
        BuiltCli.Run(dir.Root, ["analyze", .. args]);

    private static void AssertFormat(string format, string stdout)
    {
        switch (format)
        {
            case "json":
                Assert.Equal("schemanorm", JsonDocument.Parse(stdout).RootElement.GetProperty("tool").GetProperty("name").GetString());
                break;
            case "sarif":
                Assert.Empty(SarifSchema.Errors(stdout));
                break;
            case "markdown":
                Assert.StartsWith("## SchemaNorm report\n", stdout);
                break;
            case "github":
                Assert.All(stdout.TrimEnd('\n').Split('\n').SkipLast(1), line => Assert.StartsWith("::", line));
                break;
            default:
                Assert.Matches(@"\d+ tables?, \d+ below BCNF", stdout);
                break;
        }
    }
}
