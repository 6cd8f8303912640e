using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>One finding recorded in a baseline: its fingerprint, and what a reviewer needs to recognise it.</summary>
internal sealed record BaselineEntry(string Fingerprint, string RuleId, string Table, IReadOnlyList<string> Columns, string? File);

/// <summary>
/// The baseline file (<c>--write-baseline</c>, <c>--baseline</c>): today's findings by fingerprint, so that
/// a CI job fails only on new ones. Small, sorted, and free of line numbers and messages, so that it
/// changes in a diff only when findings come or go. File paths are relative to the baseline's folder.
/// </summary>
internal static class BaselineFile
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
    /// <exception cref="UsageException">The file is missing or cannot be read.</exception>
    /// <exception cref="ConfigException">The file is not JSON, or not a SchemaNorm baseline: at the file:line:column that shows it.</exception>
    public static IReadOnlyList<BaselineEntry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e is FileNotFoundException or DirectoryNotFoundException
                ? $"no baseline file '{path}' (create it with --write-baseline)"
                : $"cannot read the baseline '{path}': {e.Message}");
        }
        var folder = Path.GetDirectoryName(path) ?? ".";
        var root = Locate(() => ConfigJson.Parse(path, bytes, Subject));
        var version = Property(root, "version");
        var findings = Property(root, "findings");
        if (root.Kind != ConfigNodeKind.Object || version?.Kind != ConfigNodeKind.Number || findings?.Kind != ConfigNodeKind.Array)
        {
            // At the value of the wrong kind when there is one, else at the object that lacks a key.
            var at = root.Kind == ConfigNodeKind.Object && version is { Kind: not ConfigNodeKind.Number } ? version.Location
                : root.Kind == ConfigNodeKind.Object && findings is { Kind: not ConfigNodeKind.Array } ? findings.Location
                : root.Location;
            throw Error("the file is not a SchemaNorm baseline: expected an object with a \"version\" number and a \"findings\" array", at);
        }
        if (version.Number != FormatVersion)
            throw Error($"baseline format {version.Text} is not known to this version of SchemaNorm (it writes {FormatVersion})", version.Location);
        var entries = new List<BaselineEntry>();
        foreach (var f in findings.Items)
        {
            if (f.Kind != ConfigNodeKind.Object || Property(f, "fingerprint") is not { Kind: ConfigNodeKind.String } fp)
                throw Error("each finding needs a \"fingerprint\" string", f.Location);
            var ruleId = Text(f, "ruleId") ?? "";
            var table = Text(f, "table") ?? "";
            entries.Add(new BaselineEntry(
                // Baselines written before whole-table findings lost their columns still match them.
                FindingFingerprint.IsAboutWholeTable(ruleId) && table.Length > 0 ? FindingFingerprint.OfWholeTable(ruleId, table) : fp.Text!,
                ruleId,
                table,
                Property(f, "columns") is { Kind: ConfigNodeKind.Array } cols
                    ? cols.Items.Where(c => c.Kind == ConfigNodeKind.String).Select(c => c.Text!).ToList()
                    : [],
                Text(f, "file") is { } file ? Path.GetFullPath(file, folder) : null));
        }
        return entries;
    }

    private const string Subject = "the baseline file";

    private static ConfigException Error(string message, SourceLocation at) =>
        new([new Diagnostic(DiagnosticSeverity.Error, message, at)], Subject);

    /// <summary>The JSON reader's errors say the file is not a baseline at all.</summary>
    private static ConfigNode Locate(Func<ConfigNode> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigException e) when (e.Diagnostics.Count == 1)
        {
            var d = e.Diagnostics[0];
            throw Error($"the file is not a SchemaNorm baseline: {d.Message}", d.Location!);
        }
    }

    private static ConfigNode? Property(ConfigNode node, string name) =>
        node.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    private static string? Text(ConfigNode node, string name) =>
        Property(node, name) is { Kind: ConfigNodeKind.String } v ? v.Text : null;

    /// <summary>Relative to the baseline's folder (also with ".."), so the file means the same in every checkout.</summary>
    private static string RelativeTo(string folder, string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(folder, file).Replace('\\', '/') : file.Replace('\\', '/');
}
