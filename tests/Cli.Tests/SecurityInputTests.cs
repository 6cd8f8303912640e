using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// What the built command reads when the inputs come from someone else: a script cannot make it read a
/// file outside the input's tree (so no secret reaches a report), a special file, or pass CI on a folder
/// that holds nothing to check.
/// </summary>
public class SecurityInputTests
{
    private const string Secret = "TOKENabc123";

    /// <summary>EmpProj, whose report shows the rows that repeat each employee's name, loaded from <paramref name="dataPath"/>.</summary>
    private static string LoadScript(string dataPath) =>
        TestScripts.EmpProj + $"GO\nBULK INSERT dbo.EmpProj FROM '{dataPath}';\n";

    /// <summary>The line of a script that starts with <paramref name="start"/>.</summary>
    private static int LineOf(string script, string start) => script.Split('\n').ToList().FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

    private static string Rows() => $"111\t1\t1.0\t{Secret}\tP1\tX\n111\t2\t2.0\t{Secret}\tP2\tY\n222\t1\t3.0\tBob\tP1\tX\n";

    [Fact]
    public void A_bulk_insert_outside_the_tree_is_not_read_into_the_report_unless_allowed()
    {
        using var dir = new CliRunner.Scratch();
        using var outside = new CliRunner.Scratch();
        var data = outside.Write("secret.tsv.txt", Rows());
        var script = LoadScript(data);
        dir.Write("load.sql", script);

        var refused = BuiltCli.Run(dir.Root, "analyze", "load.sql", "--format", "markdown");
        Assert.Equal(1, refused.ExitCode); // the declared dependencies still fail the run
        Assert.DoesNotContain(Secret, refused.Stdout + refused.Stderr);
        Assert.Contains($"load.sql:{LineOf(script, "BULK")}:1: warning: the data file of BULK INSERT into dbo.EmpProj", refused.Stderr);

        // The same file, allowed: its rows are the report's witnesses.
        var allowed = BuiltCli.Run(dir.Root, "analyze", "load.sql", "--format", "markdown", "--allow-read", outside.Root);
        Assert.Contains(Secret, allowed.Stdout);
        Assert.DoesNotContain("warning", allowed.Stderr);
    }

    [Fact]
    public void The_config_file_can_allow_a_folder_relative_to_itself()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("data/rows.txt", Rows());
        dir.Write("db/load.sql", LoadScript("../data/rows.txt"));
        dir.Write("schemanorm.json", """{ "allowRead": ["data"] }""");

        var settings = Settings(dir.Root, "db");
        Assert.Equal([Path.Combine(dir.Root, "data")], settings.Ingest.AllowRead);
        var r = BuiltCli.Run(dir.Root, "analyze", "db", "--format", "markdown");
        Assert.Contains(Secret, r.Stdout);

        dir.Write("schemanorm.json", "{\n  \"allowRead\": [\"nowhere\"]\n}");
        var bad = BuiltCli.Run(dir.Root, "analyze", "db");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("schemanorm.json:2:17: error: allowRead: no such folder 'nowhere'", bad.Stderr);
    }

    [Fact]
    public void Special_files_are_warnings_in_scripts_and_errors_as_inputs()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new CliRunner.Scratch();
        var script = LoadScript("/proc/self/environ") + ":r /dev/zero\n";
        dir.Write("load.sql", script);

        var r = BuiltCli.Run(dir.Root, "analyze", "load.sql", "--allow-read", "/");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"load.sql:{LineOf(script, "BULK")}:1: warning:", r.Stderr);
        Assert.Contains($"load.sql:{LineOf(script, ":r")}:1: warning: :r include '/dev/zero' is not read", r.Stderr);
        Assert.DoesNotContain("PATH=", r.Stdout + r.Stderr);

        var fifo = Path.Combine(dir.Root, "pipe.sql");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var input = BuiltCli.Run(dir.Root, "analyze", "pipe.sql");
        Assert.Equal(2, input.ExitCode);
        Assert.Contains("pipe.sql:1:1: error: this input is not read: it is a FIFO", input.Stderr);
    }

    [Fact]
    public void Inputs_that_match_no_file_exit_two()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("empty/readme.txt", "nothing here");
        var empty = BuiltCli.Run(dir.Root, "analyze", "empty");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("error: the folder", empty.Stderr);

        dir.Write("db/schema.sql", TestScripts.Clean);
        dir.Write("schemanorm.json", """{ "files": { "include": ["migrations/**"] } }""");
        var unmatched = BuiltCli.Run(dir.Root, "analyze", "db");
        Assert.Equal(2, unmatched.ExitCode);
        Assert.Contains("leave out all 1", unmatched.Stderr);
    }

    [Fact]
    public void Allow_read_names_an_existing_folder()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--allow-read", "nowhere");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--allow-read: no such folder 'nowhere'", r.Stderr);
    }

    private static RunSettings Settings(string directory, params string[] argv)
    {
        var command = new AnalyzeCommand();
        var args = ArgumentParser.Parse(argv, command.Options);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = directory };
        return RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis));
    }
}
