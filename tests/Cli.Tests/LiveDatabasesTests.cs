namespace SchemaNorm.Cli.Tests;

/// <summary>
/// A build without the database clients hands every run that names a live database to the executable that
/// has them, with the same arguments, and returns its output and exit status; every other run stays here.
/// </summary>
public class LiveDatabasesTests
{
    /// <summary>A stand-in for schemanorm-live: echoes its arguments, writes to standard error, exits 3.</summary>
    private static string FakeChild(CliRunner.Scratch scratch)
    {
        var path = scratch.Write("schemanorm-live", """
            #!/bin/sh
            printf 'child:'
            for a in "$@"; do printf ' [%s]' "$a"; done
            echo
            echo 'from the child' >&2
            exit 3
            """.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static CliRunner.Result Run(string child, bool inProcess, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, interactive: false)
        {
            LiveInProcess = inProcess,
            LiveChild = child,
            Variable = _ => null,
        };
        int code = CommandLine.Run(args, context);
        return new CliRunner.Result(code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--connection", "Host=db;Database=shop")]
    [InlineData("--connection=Host=db;Database=shop")]
    public void A_run_naming_a_live_database_is_the_childs_run(params string[] connection)
    {
        using var scratch = new CliRunner.Scratch();
        var child = FakeChild(scratch);

        var result = Run(child, inProcess: false, ["analyze", .. connection, "--format", "json"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"child: [analyze] {string.Join(' ', connection.Select(a => $"[{a}]"))} [--format] [json]\n", result.Stdout);
        Assert.Equal("from the child\n", result.Stderr);
    }

    [Fact]
    public void Other_runs_stay_in_this_process()
    {
        using var scratch = new CliRunner.Scratch();
        var child = FakeChild(scratch);

        var version = Run(child, inProcess: false, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("schemanorm ", version.Stdout);

        var sql = scratch.Write("connection.sql", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10));");
        var analyze = Run(child, inProcess: false, "analyze", sql, "--format", "compact");
        Assert.DoesNotContain("child", analyze.Stdout + analyze.Stderr);
        Assert.NotEqual(3, analyze.ExitCode);
    }

    [Fact]
    public void A_build_that_reads_live_databases_itself_never_runs_the_child()
    {
        using var scratch = new CliRunner.Scratch();
        var child = FakeChild(scratch);

        // Parsed here: a bad connection string is this process's usage error, not the child's output.
        var result = Run(child, inProcess: true, "analyze", "--connection", "postgres://[bad");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("child", result.Stdout + result.Stderr);
    }

    [Fact]
    public void A_missing_child_is_one_line_and_status_2()
    {
        using var scratch = new CliRunner.Scratch();
        var missing = Path.Combine(scratch.Root, "schemanorm-live");

        var result = Run(missing, inProcess: false, "analyze", "--connection", "Host=db");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"schemanorm: cannot read a live database: {missing} is missing (reinstall schemanorm)\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_child_that_cannot_start_is_one_line_and_status_2()
    {
        using var scratch = new CliRunner.Scratch();
        var notExecutable = scratch.Write("schemanorm-live", "not a program\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = Run(notExecutable, inProcess: false, "discover", "--connection", "Host=db");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"schemanorm: cannot read a live database: {notExecutable} did not start (", result.Stderr);
    }
}
