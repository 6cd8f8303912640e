using System.Text.RegularExpressions;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// The pre-commit hooks and the GitHub Action in the repository root run the command lines they contain:
/// those command lines must be ones the built tool accepts, with the outcome they promise.
/// </summary>
public class CiIntegrationFilesTests
{
    private static string RootFile(string name) => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, name));

    [Fact]
    public void Every_pre_commit_hook_runs_analyze_on_its_default_args()
    {
        var hooks = RootFile(".pre-commit-hooks.yaml");
        var entries = Regex.Matches(hooks, @"^  entry: schemanorm (?<command>.+)$\n(?:.*\n)*?^  args: \[(?<args>[^\]]*)\]", RegexOptions.Multiline);
        Assert.Equal(Regex.Matches(hooks, @"^- id: ", RegexOptions.Multiline).Count, entries.Count);
        Assert.Equal(2, entries.Count);
        foreach (Match m in entries)
        {
            string[] command = [.. m.Groups["command"].Value.Split(' '), .. m.Groups["args"].Value.Split(',').Select(a => a.Trim().Trim('"'))];
            using var dir = new CliRunner.Scratch();
            dir.Write("db/schema.sql", TestScripts.Clean);
            Assert.Equal(0, BuiltCli.Run(dir.Root, command).ExitCode);
            dir.Write("db/more.sql", TestScripts.EmpProj);
            Assert.Equal(1, BuiltCli.Run(dir.Root, command).ExitCode);
        }
    }

    [Fact]
    public void The_actions_analyze_steps_write_valid_sarif_and_annotations()
    {
        var action = RootFile("action.yml");
        var lines = Regex.Matches(action, @"^\s+(?:if .*then )?schemanorm (?<command>analyze [^;|\n]+?)(?: \|\| true; fi)?$", RegexOptions.Multiline)
            .Select(m => m.Groups["command"].Value).ToList();
        Assert.Equal(2, lines.Count);

        using var dir = new CliRunner.Scratch();
        dir.Write("db/schema.sql", TestScripts.EmpProj);
        string[] Expand(string line) => line
            .Replace("$SCHEMANORM_PATHS", "db").Replace(" $SCHEMANORM_ARGS", "").Replace("\"$SCHEMANORM_SARIF\"", "out.sarif")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var sarif = BuiltCli.Run(dir.Root, Expand(lines[0]));
        Assert.True(sarif.ExitCode == 1, sarif.Stderr);
        Assert.Empty(SarifSchema.Errors(File.ReadAllText(Path.Combine(dir.Root, "out.sarif"))));

        var github = BuiltCli.Run(dir.Root, Expand(lines[1]));
        Assert.Contains("::warning file=db/schema.sql,", github.Stdout);
    }
}
