using System.Text.RegularExpressions;

namespace SchemaNorm.Cli.Tests;

/// <summary>The command line as typed: help by topic, suggestions for a slip, one line per finding on request.</summary>
public class CommandLineTests
{
    [Fact]
    public void Help_with_a_command_shows_that_commands_options()
    {
        using var dir = new CliRunner.Scratch();
        var r = BuiltCli.Run(dir.Root, "help", "analyze");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(BuiltCli.Run(dir.Root, "analyze", "--help").Stdout, r.Stdout);
        Assert.StartsWith("Usage: schemanorm analyze", r.Stdout);

        var unknown = BuiltCli.Run(dir.Root, "help", "analyse");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown command 'analyse'; did you mean 'analyze'?", unknown.Stderr);
    }

    [Fact]
    public void A_mistyped_command_or_option_gets_a_suggestion()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Clean);
        var command = BuiltCli.Run(dir.Root, "anlyze", "schema.sql");
        Assert.Equal(2, command.ExitCode);
        Assert.Contains("unknown command 'anlyze'; did you mean 'analyze'?", command.Stderr);

        var option = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--fial-on", "none");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("unknown option '--fial-on'; did you mean '--fail-on'?", option.Stderr);

        // Nothing near: no guess.
        var far = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--frobnicate");
        Assert.Equal(2, far.ExitCode);
        Assert.DoesNotContain("did you mean", far.Stderr);

        var british = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--colour", "never");
        Assert.Equal(2, british.ExitCode);
        Assert.Contains("unknown option '--colour'; did you mean '--color'?", british.Stderr);
    }

    [Fact]
    public void Compact_format_writes_one_line_per_finding()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/schema.sql", TestScripts.EmpProj + "-- schemanorm-disable-file SN1001\n" + TestScripts.Heap);
        var r = BuiltCli.Run(dir.Root, "analyze", "db", "--format", "compact");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length); // the two SN2001 warnings; the suppressed SN1001 is left out
        Assert.All(lines, l => Assert.Matches(@"^db/schema\.sql:\d+:\d+: warning SN2001 \S.*$", l));
        Assert.StartsWith("db/schema.sql:5:", lines[0]);
    }
}
