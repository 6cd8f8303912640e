using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Real paths as the operating system resolves them, and file kinds told without opening the file.</summary>
public class RealPathTests
{
    [Fact]
    public void Dot_dot_after_a_link_climbs_from_the_links_target()
    {
        if (OperatingSystem.IsWindows()) return; // Windows applies ".." to the text first
        using var tree = new ScriptFolder();
        using var outside = new ScriptFolder();
        Directory.CreateDirectory(Path.Combine(outside.Path, "a", "b"));
        var secret = outside.Write("a/secret.txt", "1\tTOKEN\n");
        Directory.CreateSymbolicLink(Path.Combine(tree.Path, "l"), Path.Combine(outside.Path, "a", "b"));

        Assert.Equal(secret, RealPath.Of(Path.Combine(tree.Path, "l", "..", "secret.txt")));

        // Tidied as text, the path would seem to be inside the tree.
        var script = tree.Write("load.sql", "CREATE TABLE dbo.T (Id int, Name nvarchar(20));\nGO\nBULK INSERT dbo.T FROM 'l/../secret.txt';\n");
        var result = Ingestor.Ingest([script], new IngestOptions());
        Assert.Contains("outside", Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).Message);
        Assert.Null(result.Table("T").Data);
    }

    [Fact]
    public void A_link_loop_has_no_real_path()
    {
        using var folder = new ScriptFolder();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "a"), Path.Combine(folder.Path, "b"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "a"));
        Assert.Null(RealPath.Of(Path.Combine(folder.Path, "a")));
    }

    [Fact]
    public void File_kinds_are_told_from_metadata()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("t.sql", "x");
        Assert.Equal(FileKind.Regular, FileType.Of(file));
        Assert.Equal(FileKind.Directory, FileType.Of(folder.Path));
        Assert.Equal(FileKind.Missing, FileType.Of(Path.Combine(folder.Path, "nowhere")));
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(FileKind.CharacterDevice, FileType.Of("/dev/null"));
        var fifo = Path.Combine(folder.Path, "pipe");
        if (SpecialFiles.TryMakeFifo(fifo)) Assert.Equal(FileKind.Fifo, FileType.Of(fifo));
    }

    [Fact]
    public void Linux_statx_tells_the_same_kinds()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new ScriptFolder();
        var file = folder.Write("t.sql", "x");
        Assert.Equal(FileKind.Regular, FileType.FromMode(FileType.StatxMode(file)));
        Assert.Equal(FileKind.CharacterDevice, FileType.FromMode(FileType.StatxMode("/dev/null")));
        Assert.Equal(FileKind.Missing, FileType.FromMode(FileType.StatxMode(Path.Combine(folder.Path, "nowhere"))));
    }
}
