using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>A temporary folder of input files for one test, deleted afterwards.</summary>
internal sealed class ScriptFolder : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("schemanorm-ingest");

    public string Path => _dir.FullName;

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Writes one script and ingests it.</summary>
    public static IngestResult Ingest(string sql, IngestOptions? options = null, string name = "script.sql")
    {
        using var folder = new ScriptFolder();
        return Ingestor.Ingest([folder.Write(name, sql)], options ?? new IngestOptions());
    }
}

internal static class IngestAssertions
{
    public static Table Table(this IngestResult result, string name) =>
        result.Model.Find(name) ?? throw new Xunit.Sdk.XunitException($"no table {name}; tables: {string.Join(", ", result.Model.Tables)}");

    public static void NoErrors(this IngestResult result) =>
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

    public static IReadOnlyList<Diagnostic> Errors(this IngestResult result) =>
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static Diagnostic SingleError(this IngestResult result) =>
        Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Row r of a table's sample data, as text (null for NULL).</summary>
    public static string?[] Row(this Table table, int r) =>
        Enumerable.Range(0, table.Columns.Count).Select(c => table.Data!.Value(r, c)).ToArray();

    public static string?[] Column(this Table table, string column) =>
        Enumerable.Range(0, table.Data!.RowCount).Select(r => table.Data.Value(r, table.IndexOf(column))).ToArray();
}
