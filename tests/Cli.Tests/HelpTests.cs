using System.Text.RegularExpressions;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>What a command's --help offers, the command accepts.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("analyze", "schema.sql", "--fail-on", "none")]
    [InlineData("discover", "rows.csv")]
    [InlineData("decompose", "schema.sql", "--table", "EmpProj")]
    public void Every_format_the_help_lists_is_accepted(string command, params string[] input)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        dir.Write("rows.csv", "a,b\n1,2\n1,2\n3,4\n");
        var help = BuiltCli.Run(dir.Root, command, "--help");
        Assert.Equal(0, help.ExitCode);
        var line = Regex.Match(help.Stdout, @"--format FORMAT\s+output format: (?<list>[a-z, ]+?) \(default");
        Assert.True(line.Success, help.Stdout);
        var formats = Regex.Split(line.Groups["list"].Value, ", | or ");
        Assert.Contains("text", formats);
        foreach (var format in formats)
        {
            var r = BuiltCli.Run(dir.Root, [command, .. input, "--format", format]);
            Assert.True(r.ExitCode == 0, $"{command} --format {format}: {r.Stderr}");
        }
    }

    [Fact]
    public void Discover_lists_only_text_and_json()
    {
        var help = BuiltCli.Run(TestPaths.RepoRoot, "discover", "--help").Stdout;
        Assert.Contains("output format: text or json (default text)", help);
        Assert.DoesNotContain("sarif", help);
    }
}
