using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// The same repository gives the same verdict and the same SARIF locations whichever folder the tool runs
/// from: the config file is looked for from each input up to the repository root (the folder with .git).
/// </summary>
public class RepositoryLookupTests
{
    /// <summary>repo/.git, repo/schemanorm.json (fail on errors only) and repo/db/schema.sql with two warnings; and a folder outside it.</summary>
    private static (CliRunner.Scratch dir, string repo, string elsewhere) Layout()
    {
        var dir = new CliRunner.Scratch();
        dir.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        dir.Write("repo/schemanorm.json", """{ "failOn": "error" }""");
        dir.Write("repo/db/schema.sql", TestScripts.EmpProj);
        dir.Write("elsewhere/notes.txt", "");
        return (dir, Path.Combine(dir.Root, "repo"), Path.Combine(dir.Root, "elsewhere"));
    }

    [Fact]
    public void The_config_above_the_inputs_is_used_from_any_folder()
    {
        var (dir, repo, elsewhere) = Layout();
        using var _ = dir;
        Assert.Equal(0, BuiltCli.Run(repo, "analyze", "db").ExitCode);
        Assert.Equal(0, BuiltCli.Run(Path.Combine(repo, "db"), "analyze", "schema.sql").ExitCode);
        var outside = BuiltCli.Run(elsewhere, "analyze", Path.Combine(repo, "db"), "-v");
        Assert.True(outside.ExitCode == 0, outside.Stdout + outside.Stderr);
        Assert.Contains("repo/schemanorm.json:1:1: info: this config file is used (the nearest above the input ../repo/db)", outside.Stderr);
    }

    [Fact]
    public void A_config_above_the_repository_root_is_not_taken_from_the_inputs()
    {
        var (dir, repo, _) = Layout();
        using var _ = dir;
        using var unrelated = new CliRunner.Scratch();
        File.Delete(Path.Combine(repo, "schemanorm.json"));
        dir.Write("schemanorm.json", """{ "failOn": "error" }"""); // above repo/, outside the repository
        Assert.Equal(1, BuiltCli.Run(unrelated.Root, "analyze", Path.Combine(repo, "db")).ExitCode);
    }

    [Fact]
    public void Inputs_under_different_config_files_need_config()
    {
        var (dir, repo, elsewhere) = Layout();
        using var _ = dir;
        dir.Write("other/.git/HEAD", "ref: refs/heads/main\n");
        dir.Write("other/schemanorm.json", """{ "failOn": "note" }""");
        dir.Write("other/schema.sql", TestScripts.Clean);
        var r = BuiltCli.Run(elsewhere, "analyze", Path.Combine(repo, "db"), Path.Combine(dir.Root, "other"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("different config files", r.Stderr);
        Assert.Equal(0, BuiltCli.Run(elsewhere, "analyze", Path.Combine(repo, "db"), Path.Combine(dir.Root, "other"), "--config", Path.Combine(repo, "schemanorm.json")).ExitCode);
    }

    [Fact]
    public void Verbose_says_which_baseline_is_compared_with()
    {
        var (dir, repo, elsewhere) = Layout();
        using var _ = dir;
        Assert.Equal(0, BuiltCli.Run(repo, "analyze", "db", "--write-baseline", "baseline.json").ExitCode);
        dir.Write("repo/schemanorm.json", """{ "baseline": "baseline.json" }""");
        var r = BuiltCli.Run(elsewhere, "analyze", Path.Combine(repo, "db"), "-v");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr); // both warnings are in the baseline
        Assert.Contains("../repo/baseline.json:1:1: info: findings are compared with this baseline (named in ../repo/schemanorm.json)", r.Stderr);
    }

    [Fact]
    public void Sarif_locations_are_relative_to_the_repository_root_wherever_the_tool_runs()
    {
        var (dir, repo, elsewhere) = Layout();
        using var _ = dir;
        foreach (var (folder, input) in new[] { (repo, "db"), (Path.Combine(repo, "db"), "schema.sql"), (elsewhere, Path.Combine(repo, "db")) })
        {
            var r = BuiltCli.Run(folder, "analyze", input, "--format", "sarif");
            Assert.True(r.ExitCode == 0, r.Stderr);
            var run = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("runs")[0];
            Assert.Equal(new Uri(repo + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("db/schema.sql", location.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
        }
    }
}
