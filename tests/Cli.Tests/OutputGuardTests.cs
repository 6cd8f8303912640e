namespace SchemaNorm.Cli.Tests;

/// <summary>An output never replaces an input, whatever path names it, and is written whole.</summary>
public class OutputGuardTests
{
    private const string Schema = "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY, Name nvarchar(20) NULL);\nINSERT INTO dbo.T VALUES (1, N'a'), (2, N'b');\n";

    private static void AssertRefused(CliRunner.Result r, CliRunner.Scratch dir)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is an input of this run", r.Stderr);
        Assert.Equal(Schema, File.ReadAllText(Path.Combine(dir.Root, "schema.sql")));
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp"));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("discover")]
    [InlineData("migrate")]
    public void Output_equal_to_the_input_file_is_refused(string command)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        AssertRefused(CliRunner.RunIn(dir.Root, command, "schema.sql", "-o", "schema.sql"), dir);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("discover")]
    public void An_output_to_a_device_is_written_into_it_not_moved_over_it(string command)
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        var r = CliRunner.RunIn(dir.Root, command, "schema.sql", "-o", "/dev/null");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        Assert.Equal(SchemaNorm.Analyzer.Ingest.FileKind.CharacterDevice, SchemaNorm.Analyzer.Ingest.FileType.Of("/dev/null"));
    }

    [Fact]
    public async Task An_output_to_a_fifo_reaches_its_reader()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        var fifo = Path.Combine(dir.Root, "report.pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json", "-o", fifo);
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        var text = await reader.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains("\"tables\"", text);
        Assert.Equal(SchemaNorm.Analyzer.Ingest.FileKind.Fifo, SchemaNorm.Analyzer.Ingest.FileType.Of(fifo));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_migration_to_a_fifo_writes_one_script_there_and_no_rollback_beside_it(bool rollback)
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", """
            -- schemanorm: fd CourseCode -> CourseTitle
            CREATE TABLE dbo.Enroll (StudentId int NOT NULL, CourseCode char(4) NOT NULL, CourseTitle varchar(40) NOT NULL,
              PRIMARY KEY (StudentId, CourseCode));
            """);
        var fifo = Path.Combine(dir.Root, "migration.pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        string[] args = ["migrate", "schema.sql", "--no-discovery", "-o", fifo, .. (rollback ? new[] { "--rollback" } : [])];
        var r = CliRunner.RunIn(dir.Root, args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var text = await reader.WaitAsync(TimeSpan.FromMinutes(1));
        var forward = CliRunner.RunIn(dir.Root, "migrate", "schema.sql", "--no-discovery");
        var back = CliRunner.RunIn(dir.Root, "migrate", "schema.sql", "--no-discovery", "--rollback");
        Assert.Equal(rollback ? back.Stdout : forward.Stdout, text);
        Assert.NotEqual(forward.Stdout, back.Stdout);
        Assert.Equal(["schema.sql"], Directory.GetFiles(dir.Root).Select(Path.GetFileName).Where(n => n != "migration.pipe"));
        if (!rollback) Assert.Contains("no rollback was written beside it", r.Stderr);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("migrate")]
    [InlineData("decompose", "--table", "dbo.T")]
    public void The_output_is_checked_before_any_work_on_the_schema(string command, params string[] more)
    {
        // The config's rejected dependency names an unknown column: an error found once the analysis runs.
        // A refused output must stop the run before that, not after the work is done.
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        dir.Write("schemanorm.json", """{ "dependencies": [ { "table": "dbo.T", "fd": "Id -> Nmae", "decision": "reject" } ] }""");
        var r = CliRunner.RunIn(dir.Root, [command, "schema.sql", "-o", "schema.sql", .. more]);
        AssertRefused(r, dir);
        Assert.DoesNotContain("Nmae", r.Stderr);
    }

    [Fact]
    public void Decompose_output_equal_to_the_input_file_is_refused()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        AssertRefused(CliRunner.RunIn(dir.Root, "decompose", "schema.sql", "--table", "dbo.T", "-o", "schema.sql"), dir);
    }

    [Fact]
    public void An_output_reaching_the_input_through_a_symbolic_link_or_a_folder_is_refused()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/schema.sql", Schema);
        File.Copy(Path.Combine(dir.Root, "db/schema.sql"), Path.Combine(dir.Root, "schema.sql"));
        File.CreateSymbolicLink(Path.Combine(dir.Root, "link.sql"), Path.Combine(dir.Root, "schema.sql"));
        AssertRefused(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "-o", "link.sql"), dir);
        // A file found in a folder given as input.
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "-o", "./db/../db/schema.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(Schema, File.ReadAllText(Path.Combine(dir.Root, "db/schema.sql")));
    }

    [Fact]
    public void An_output_that_is_a_hard_link_to_the_input_is_refused_on_linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        var link = System.Diagnostics.Process.Start("ln", [Path.Combine(dir.Root, "schema.sql"), Path.Combine(dir.Root, "hard.sql")])!;
        link.WaitForExit();
        Assert.Equal(0, link.ExitCode);
        AssertRefused(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "-o", "hard.sql"), dir);
    }

    [Fact]
    public void Write_baseline_over_the_script_is_refused_but_over_the_baseline_read_is_allowed()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        AssertRefused(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "schema.sql"), dir);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "b.json").ExitCode);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "b.json", "--write-baseline", "b.json");
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void The_rollback_beside_a_migration_may_not_be_an_input_either()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        dir.Write("m.rollback.sql", "CREATE TABLE dbo.U (Id int NOT NULL PRIMARY KEY);\n");
        var r = CliRunner.RunIn(dir.Root, "migrate", "schema.sql", "m.rollback.sql", "-o", "m.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.False(File.Exists(Path.Combine(dir.Root, "m.sql")));
    }

    [Fact]
    public void A_new_output_is_written_whole_with_no_temporary_file_left()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Schema);
        dir.Write("report.txt", "old");
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "-o", "report.txt");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("dbo.T", File.ReadAllText(Path.Combine(dir.Root, "report.txt")));
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp"));
    }
}
