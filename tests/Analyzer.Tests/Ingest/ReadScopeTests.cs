using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// What a script may make the tool read: BULK INSERT data files and :r includes only inside the input's
/// own tree (or a folder the user allows), never a special file; each refusal a warning at the statement.
/// </summary>
public class ReadScopeTests
{
    private const string Table = "CREATE TABLE dbo.T (Id int, Name nvarchar(20));\nGO\n";

    private static Diagnostic SingleWarning(IngestResult result) =>
        Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);

    [Fact]
    public void A_bulk_insert_of_a_file_outside_the_tree_is_a_warning_at_the_statement_and_is_not_read()
    {
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        var secret = outside.Write("secret.txt", "1\tTOKEN=abc123\n");
        var script = folder.Write("load.sql", Table + $"BULK INSERT dbo.T FROM '{secret}';\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        var warning = SingleWarning(result);
        Assert.Equal(new SourceLocation(script, 3, 1), warning.Location);
        Assert.Contains("outside", warning.Message);
        Assert.Null(result.Table("T").Data);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("TOKEN"));
    }

    [Fact]
    public void An_include_outside_the_tree_is_not_scanned_for_the_inputs_it_includes()
    {
        // a.sql includes a file outside its tree, which includes c.sql, itself an input: the outside file is
        // refused, so c.sql must be read on its own rather than skipped as "run by an include".
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        var c = folder.Write("c.sql", "CREATE TABLE dbo.C (Id int);\nGO\n");
        var b = outside.Write("b.sql", $":r {c}\n");
        folder.Write("a.sql", $":r {b}\n");

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        Assert.NotNull(result.Model.Find(new QualifiedName("dbo", "C")));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("outside"));
    }

    [Fact]
    public void A_relative_path_that_climbs_out_of_the_tree_is_refused()
    {
        using var folder = new ScriptFolder();
        folder.Write("secret.txt", "1\tTOKEN\n");
        var script = folder.Write("db/load.sql", Table + "BULK INSERT dbo.T FROM '../secret.txt';\n");

        var result = Ingestor.Ingest([Path.Combine(folder.Path, "db")], new IngestOptions());

        Assert.Equal(3, SingleWarning(result).Location!.Line);
        Assert.Equal(script, SingleWarning(result).Location!.File);
        Assert.Null(result.Table("T").Data);
    }

    [Fact]
    public void A_link_inside_the_tree_to_a_file_outside_it_is_refused_by_its_real_path()
    {
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        var secret = outside.Write("secret.txt", "1\tTOKEN\n");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "t.dat"), secret);
        var script = folder.Write("load.sql", Table + "BULK INSERT dbo.T FROM 't.dat';\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        Assert.Contains("outside", SingleWarning(result).Message);
        Assert.Null(result.Table("T").Data);
    }

    [Fact]
    public void A_folder_the_user_allows_is_read()
    {
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        var data = outside.Write("t.dat", "1\tAnn\n");
        var script = folder.Write("load.sql", Table + $"BULK INSERT dbo.T FROM '{data}';\n");

        var result = Ingestor.Ingest([script], new IngestOptions { AllowRead = [outside.Path] });

        result.NoErrors();
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(new string?[] { "1", "Ann" }, result.Table("T").Row(0));
    }

    [Fact]
    public void A_file_given_reads_from_its_whole_repository()
    {
        using var repo = new ScriptFolder();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("data/t.dat", "1\tAnn\n");
        var script = repo.Write("db/load.sql", Table + "BULK INSERT dbo.T FROM '../data/t.dat';\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        result.NoErrors();
        Assert.Equal(new string?[] { "1", "Ann" }, result.Table("T").Row(0));
    }

    [Theory]
    [InlineData("/proc/self/environ")]
    [InlineData("/dev/zero")]
    public void Special_files_are_never_read(string special)
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new ScriptFolder();
        var script = folder.Write("load.sql", Table + $"BULK INSERT dbo.T FROM '{special}';\n");

        var result = Ingestor.Ingest([script], new IngestOptions { AllowRead = ["/"] });

        var warning = SingleWarning(result);
        Assert.Equal(new SourceLocation(script, 3, 1), warning.Location);
        Assert.Contains("not read", warning.Message);
        Assert.Null(result.Table("T").Data);
    }

    [Fact]
    public void A_fifo_is_never_opened()
    {
        using var folder = new ScriptFolder();
        if (!SpecialFiles.TryMakeFifo(Path.Combine(folder.Path, "t.dat"))) return;
        if (!SpecialFiles.TryMakeFifo(Path.Combine(folder.Path, "inc.sql"))) return;
        var script = folder.Write("load.sql", Table + "BULK INSERT dbo.T FROM 't.dat';\n:r inc.sql\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        Assert.Equal([3, 4], result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Location!.Line));
        Assert.All(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), d => Assert.Contains("FIFO", d.Message));
    }

    [Fact]
    public void A_fifo_given_as_input_is_an_error_and_is_not_opened()
    {
        using var folder = new ScriptFolder();
        var fifo = Path.Combine(folder.Path, "schema.sql");
        if (!SpecialFiles.TryMakeFifo(fifo)) return;

        var result = Ingestor.Ingest([fifo], new IngestOptions());

        Assert.Equal(new SourceLocation(fifo, 1, 1), result.SingleError().Location);
        Assert.Contains("FIFO", result.SingleError().Message);
    }

    [Fact]
    public void An_include_outside_the_tree_or_of_a_device_is_a_warning_at_its_line()
    {
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        var other = outside.Write("other.sql", "CREATE TABLE Secret (Id int);");
        var zero = OperatingSystem.IsWindows() ? other : "/dev/zero";
        var script = folder.Write("main.sql", $"CREATE TABLE A (Id int);\n:r {other}\n  :r {zero}\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        Assert.Equal([new SourceLocation(script, 2, 1), new SourceLocation(script, 3, 3)],
            result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Location));
        Assert.Null(result.Model.Find("Secret"));
        Assert.NotNull(result.Model.Find("A"));
    }
}
