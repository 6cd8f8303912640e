using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Bad input becomes diagnostics with locations, never an exception, and reading goes on.</summary>
public class BadInputTests
{
    [Fact]
    public void A_syntax_error_names_file_line_column_and_the_parser_message_and_costs_one_batch()
    {
        using var folder = new ScriptFolder();
        var path = folder.Write("bad.sql", """
            CREATE TABLE A (Id int);
            GO
            CREATE TABLE B (Id int);
            CREATE TABLE C (Id int,, Name varchar(10));
            GO
            CREATE TABLE D (Id int);
            """);
        var result = Ingestor.Ingest([path], new IngestOptions());
        var error = result.SingleError();
        Assert.Equal(new Model.SourceLocation(path, 4, 24), error.Location);
        Assert.Contains("Incorrect syntax near ','", error.Message);
        Assert.Equal($"{path}:4:24: error: {error.Message}", error.ToString());
        Assert.Equal(["A", "D"], result.Model.Tables.Select(t => t.Name.Name));
    }

    [Fact]
    public void Every_bad_batch_is_reported()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE (;\nGO\nCREATE TABLE T (Id int);\nGO\nSELECT FROM WHERE 1;\nGO\nINSERT T VALUES (1,;\n");
        Assert.Equal([1, 5, 7], result.Errors().Select(e => e.Location!.Line));
        Assert.NotNull(result.Model.Find("T"));
    }

    [Fact]
    public void Empty_binary_and_non_utf8_files_are_errors()
    {
        using var folder = new ScriptFolder();
        var empty = folder.Write("empty.sql", "");
        var binary = folder.WriteBytes("binary.sql", [0x4D, 0x5A, 0x90, 0x00, 0x03]);
        var latin1 = folder.WriteBytes("latin1.sql", Encoding.Latin1.GetBytes("CREATE TABLE T (Id int);\n-- café\n"));
        var good = folder.Write("good.sql", "CREATE TABLE G (Id int);");
        var result = Ingestor.Ingest([empty, binary, latin1, good], new IngestOptions());
        Assert.Collection(result.Errors(),
            e => Assert.Equal((empty, "the file is empty"), (e.Location!.File, e.Message)),
            e => Assert.Equal((binary, true), (e.Location!.File, e.Message.Contains("not a text file"))),
            e => Assert.Equal((latin1, 2, true), (e.Location!.File, e.Location.Line, e.Message.Contains("not valid utf-8"))));
        Assert.NotNull(result.Model.Find("G"));

        // Naming the encoding makes the Latin-1 file readable.
        var named = Ingestor.Ingest([latin1], new IngestOptions { Encoding = Encoding.Latin1 });
        named.NoErrors();
    }

    [Fact]
    public void Missing_paths_and_unsupported_files_are_errors()
    {
        using var folder = new ScriptFolder();
        var missing = Path.Combine(folder.Path, "nowhere.sql");
        var other = folder.Write("notes.txt", "hello");
        var result = Ingestor.Ingest([missing, other], new IngestOptions());
        Assert.Equal([missing, other], result.Errors().Select(e => e.Location!.File));
        Assert.Empty(result.Model.Tables);
    }

    [Fact]
    public void No_input_at_all_is_an_error() =>
        Assert.True(Ingestor.Ingest([], new IngestOptions()).HasErrors);

    [Fact]
    public void Truncated_scripts_never_throw()
    {
        // Cut a real script at many places: each cut leaves some statement half-written.
        var text = File.ReadAllText(Path.Combine(TestPaths.RealSchemas, "pubs", "instpubs.sql"));
        using var folder = new ScriptFolder();
        for (int cut = 997; cut < text.Length; cut += text.Length / 23)
        {
            var path = folder.Write($"cut{cut}.sql", text[..cut]);
            var result = Ingestor.Ingest([path], new IngestOptions());
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("internal error"));
        }
    }

    [Fact]
    public void Diagnostics_are_ordered_by_file_line_and_column()
    {
        using var folder = new ScriptFolder();
        var a = folder.Write("a.sql", "CREATE TABLE A (Id int);\nGO\nSELECT FROM WHERE 2;\nGO\nSELECT FROM WHERE 1;");
        var b = folder.Write("b.sql", "SELECT FROM WHERE 3;");
        var result = Ingestor.Ingest([b, a], new IngestOptions());
        Assert.Equal([(b, 1), (a, 3), (a, 5)], result.Errors().Select(e => (e.Location!.File, e.Location.Line)));
    }
}
