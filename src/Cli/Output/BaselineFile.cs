using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>One finding recorded in a baseline: its fingerprint, and what a reviewer needs to recognise it.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Table, IReadOnlyList<string> Columns, string? File);

/// <summary>
/// The baseline file (<c>--write-baseline</c>, <c>--baseline</c>): today's findings by fingerprint, so that
/// a CI job fails only on new ones. Small, sorted, and free of line numbers and messages, so that it
/// changes in a diff only when findings come or go. File paths are relative to the baseline's folder.
/// </summary>
public static class BaselineFile
{
    public const int FormatVersion = 1;

    /// <summary>Writes the reported (not suppressed) findings; returns how many.</summary>
    public static int Write(string path, SchemaAnalysis analysis, IReadOnlyDictionary<Finding, string> fingerprints)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var entries = analysis.Tables
            .SelectMany(t => t.Findings.Select(f => new BaselineEntry(
                fingerprints[f], f.RuleId, f.Table.ToString(),
                FindingFingerprint.IsAboutWholeTable(f.RuleId) ? [] : f.Columns.Names(t.ColumnNames), RelativeTo(folder, f.Location.File))))
            .OrderBy(e => e.Table, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
        var text = JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartArray("findings");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("ruleId", e.RuleId);
                w.WriteString("table", e.Table);
                w.WriteStringArray("columns", e.Columns);
                if (e.File is not null) w.WriteString("file", e.File);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the baseline '{path}': {e.Message}");
        }
        return entries.Count;
    }

    /// <summary>The entries of a baseline file, with file paths made full.</summary>
    /// <exception cref="UsageException">The file is missing or is not a SchemaNorm baseline.</exception>
    public static IReadOnlyList<BaselineEntry> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e is FileNotFoundException or DirectoryNotFoundException
                ? $"no baseline file '{path}' (create it with --write-baseline)"
                : $"cannot read the baseline '{path}': {e.Message}");
        }
        var folder = Path.GetDirectoryName(path) ?? ".";
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new FormatException("expected an object with \"version\" and \"findings\"");
            if (version.GetInt32() != FormatVersion)
                throw new FormatException($"baseline format {version.GetInt32()} is not known to this version of SchemaNorm (it writes {FormatVersion})");
            var entries = new List<BaselineEntry>();
            foreach (var f in findings.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("fingerprint", out var fp) || fp.ValueKind != JsonValueKind.String)
                    throw new FormatException("each finding needs a \"fingerprint\" string");
                var ruleId = Text(f, "ruleId") ?? "";
                var table = Text(f, "table") ?? "";
                entries.Add(new BaselineEntry(
                    // Baselines written before whole-table findings lost their columns still match them.
                    FindingFingerprint.IsAboutWholeTable(ruleId) && table.Length > 0 ? FindingFingerprint.OfWholeTable(ruleId, table) : fp.GetString()!,
                    ruleId,
                    table,
                    f.TryGetProperty("columns", out var cols) && cols.ValueKind == JsonValueKind.Array
                        ? cols.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList()
                        : [],
                    Text(f, "file") is { } file ? Path.GetFullPath(file, folder) : null));
            }
            return entries;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new UsageException($"'{path}' is not a SchemaNorm baseline: {e.Message}");
        }
    }

    /// <summary>Relative to the baseline's folder (also with ".."), so the file means the same in every checkout.</summary>
    private static string RelativeTo(string folder, string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(folder, file).Replace('\\', '/') : file.Replace('\\', '/');

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
