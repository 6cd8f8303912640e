using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Folders given as input: links followed only inside the tree, each file once, and an empty folder an error.</summary>
public class FolderInputTests
{
    [Fact]
    public void A_folder_link_back_up_the_tree_is_a_warning_and_is_not_followed()
    {
        using var folder = new ScriptFolder();
        folder.Write("db/t.sql", "CREATE TABLE T (Id int);");
        var loop = Path.Combine(folder.Path, "db", "again");
        Directory.CreateSymbolicLink(loop, folder.Path);

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        result.NoErrors();
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(new SourceLocation(loop, 1, 1), warning.Location);
        Assert.Contains("loop", warning.Message);
        Assert.Single(result.Model.Tables);
    }

    [Fact]
    public void A_file_reached_twice_through_links_is_read_once()
    {
        using var folder = new ScriptFolder();
        folder.Write("real/t.sql", "CREATE TABLE T (Id int);");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), Path.Combine(folder.Path, "real"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "t-again.sql"), Path.Combine(folder.Path, "real", "t.sql"));

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        result.NoErrors();
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Model.Tables);
    }

    [Fact]
    public void Links_out_of_the_folder_are_not_followed()
    {
        using var folder = new ScriptFolder();
        using var outside = new ScriptFolder();
        outside.Write("secret.csv", "Token\nabc123\n");
        folder.Write("t.sql", "CREATE TABLE T (Id int);");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "leak.csv"), Path.Combine(outside.Path, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "elsewhere"), outside.Path);

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        result.NoErrors();
        Assert.Equal(["elsewhere", "leak.csv"],
            result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => Path.GetFileName(d.Location!.File)));
        Assert.Null(result.Model.Find("secret"));
        Assert.Null(result.Model.Find("leak"));
    }

    [Fact]
    public void A_fifo_in_a_folder_is_a_warning_and_is_never_opened()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.sql", "CREATE TABLE T (Id int);");
        var fifo = Path.Combine(folder.Path, "u.sql");
        if (!SpecialFiles.TryMakeFifo(fifo)) return;

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        result.NoErrors();
        Assert.Equal(new SourceLocation(fifo, 1, 1), Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).Location);
        Assert.Single(result.Model.Tables);
    }

    [Fact]
    public void A_data_file_the_user_names_is_read_wherever_it_is()
    {
        using var folder = new ScriptFolder();
        using var elsewhere = new ScriptFolder();
        var script = folder.Write("t.sql", "CREATE TABLE T (Id int);");
        var rows = elsewhere.Write("rows.csv", "Id\n1\n2\n");

        var result = Ingestor.Ingest([script], new IngestOptions { DataMappings = new Dictionary<string, string> { ["T"] = rows } });

        result.NoErrors();
        Assert.Equal(2, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_folder_with_nothing_to_read_is_an_error()
    {
        using var folder = new ScriptFolder();
        folder.Write("notes.txt", "hello");

        var result = Ingestor.Ingest([folder.Path], new IngestOptions());

        Assert.Equal(new SourceLocation(folder.Path, 1, 1), result.SingleError().Location);
    }

    [Fact]
    public void A_folder_whose_files_the_config_leaves_all_out_is_an_error()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.sql", "CREATE TABLE T (Id int);");

        var result = Ingestor.Ingest([folder.Path], new IngestOptions { IncludeFile = _ => false });

        Assert.Contains("leave out all 1", result.SingleError().Message);
    }
}
