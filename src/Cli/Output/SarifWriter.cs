using System.Text;
using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// `analyze --format sarif`: one SARIF 2.1.0 run for code scanning (GitHub, Azure DevOps, IDE viewers).
/// The driver lists every rule with its page as help; each finding is a result at its place in a .sql
/// file, relative to %SRCROOT% (the inputs' repository root, else the current folder), with a fingerprint that survives edits around it.
/// Suppressed findings carry <c>suppressions</c>; with a baseline, results carry <c>baselineState</c>, and
/// baseline entries no longer found are listed as <c>absent</c>.
/// </summary>
internal sealed class SarifWriter(string currentDirectory, ReportFacts facts)
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";

    private readonly List<string> _artifacts = [];

    public string Write(SchemaAnalysis analysis) => JsonOutput.Write(w =>
    {
        var rules = AnalysisRules.Descriptors;
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        WriteTool(w, rules);
        // Code scanning keeps one analysis per category: the run names its own, so it replaces the previous
        // SchemaNorm run and no other tool's.
        w.WriteStartObject("automationDetails");
        w.WriteString("id", "schemanorm/");
        w.WriteEndObject();
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteEndObject();
        w.WriteEndArray();

        CollectArtifacts(analysis);
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        w.WriteString("uri", FolderUri(currentDirectory));
        w.WriteEndObject();
        w.WriteEndObject();

        if (_artifacts.Count > 0)
        {
            w.WriteStartArray("artifacts");
            foreach (var file in _artifacts)
            {
                w.WriteStartObject();
                WriteArtifactLocation(w, "location", file, withIndex: false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("results");
        foreach (var t in analysis.Tables)
        {
            foreach (var f in t.Findings) WriteResult(w, f, t, rules, suppressed: false);
            if (!facts.Settings.SarifOpenOnly)
                foreach (var f in t.Suppressed) WriteResult(w, f, t, rules, suppressed: true);
        }
        if (!facts.Settings.SarifOpenOnly)
            foreach (var e in facts.Absent) WriteAbsent(w, e, rules);
        w.WriteEndArray();

        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartObject("properties");
        w.WriteString("target", analysis.Target.Display());
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private void WriteTool(Utf8JsonWriter w, IReadOnlyList<RuleDescriptor> rules)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "SchemaNorm");
        w.WriteString("version", ToolInfo.Version);
        w.WriteString("semanticVersion", ToolInfo.Version);
        // SchemaNorm has no public site of its own: informationUri names the rule pages only where the user published them.
        if (RuleHelp.Site(facts.HelpUriBase) is { } site) w.WriteString("informationUri", site);
        w.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(w, rule);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", PascalCase(rule.Title));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Summary);
        w.WriteEndObject();
        var page = RuleHelp.Markdown(rule);
        w.WriteStartObject("help");
        // The page is the help; the plain text stays short, for viewers that show text only. It names no path:
        // the rule pages travel inside the tool, not in the repository being analysed.
        var uri = RuleHelp.Uri(facts.HelpUriBase, rule.Id);
        w.WriteString("text", $"{rule.Title} ({rule.NormalForm.Display()}): {rule.Summary}" + (uri is null ? "" : $" See {uri}."));
        if (page is not null) w.WriteString("markdown", page);
        w.WriteEndObject();
        if (uri is not null) w.WriteString("helpUri", uri);
        w.WriteStartObject("defaultConfiguration");
        if (facts.DisabledRules.Contains(rule.Id)) w.WriteBoolean("enabled", false);
        w.WriteString("level", Level(facts.RuleSeverities.TryGetValue(rule.Id, out var configured) ? configured : rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("normalForm", rule.NormalForm.Display());
        w.WriteStringArray("tags", ["normalization", rule.NormalForm.Display()]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter w, Finding f, TableAnalysis t, IReadOnlyList<RuleDescriptor> rules, bool suppressed)
    {
        var names = t.ColumnNames;
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", IndexOf(rules, f.RuleId));
        w.WriteString("level", Level(f.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", $"{f.Message} Fix: {f.Fix}");
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysicalLocation(w, f.Location);
        w.WriteStartArray("logicalLocations");
        w.WriteStartObject();
        w.WriteString("name", f.Table.Name);
        w.WriteString("fullyQualifiedName", f.Table.ToString());
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FindingFingerprint.SarifKey, facts.FingerprintOf(f));
        w.WriteEndObject();

        if (!suppressed && facts.StateOf(f) is { } state) w.WriteString("baselineState", state.Display());
        if (suppressed && f.SuppressedBy is { } by)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", by.InSource ? "inSource" : "external");
            w.WriteString("status", "accepted");
            if (by.Reason is { Length: > 0 } reason) w.WriteString("justification", reason);
            if (by.Source is { } source)
            {
                w.WriteStartObject("location");
                WritePhysicalLocation(w, source);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("normalForm", f.Violates.Display());
        w.WriteString("table", f.Table.ToString());
        w.WriteStringArray("columns", f.Columns.Names(names));
        if (f.Dependency is { } d) w.WriteString("dependency", d.Format(names));
        w.WriteString("fix", f.Fix);
        if (!f.Established) w.WriteBoolean("established", false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A baseline entry no finding matches any more: reported once as absent, at the file it was in.</summary>
    private void WriteAbsent(Utf8JsonWriter w, BaselineEntry e, IReadOnlyList<RuleDescriptor> rules)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", e.RuleId);
        if (IndexOf(rules, e.RuleId) is var index and >= 0) w.WriteNumber("ruleIndex", index);
        w.WriteString("kind", "pass");
        w.WriteString("level", "none");
        w.WriteStartObject("message");
        w.WriteString("text", $"No longer found: {e.RuleId} on {e.Table}{(e.Columns.Count > 0 ? $" ({string.Join(", ", e.Columns)})" : "")}, recorded in the baseline.");
        w.WriteEndObject();
        if (e.File is { } file)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            WriteArtifactLocation(w, "artifactLocation", file, withIndex: true);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("partialFingerprints");
        w.WriteString(FindingFingerprint.SarifKey, e.Fingerprint);
        w.WriteEndObject();
        w.WriteString("baselineState", BaselineState.Absent.Display());
        w.WriteStartObject("properties");
        w.WriteString("table", e.Table);
        w.WriteStringArray("columns", e.Columns);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WritePhysicalLocation(Utf8JsonWriter w, SourceLocation location)
    {
        w.WriteStartObject("physicalLocation");
        WriteArtifactLocation(w, "artifactLocation", location.File, withIndex: true);
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, location.Line));
        w.WriteNumber("startColumn", Math.Max(1, location.Column));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A file inside the current folder is a relative URI against %SRCROOT%; one outside it, an absolute file URI.</summary>
    private void WriteArtifactLocation(Utf8JsonWriter w, string property, string file, bool withIndex)
    {
        var shown = ArtifactPath(file);
        w.WriteStartObject(property);
        if (DatabaseObjectUri(file) is { } objectUri)
            w.WriteString("uri", objectUri);
        else if (Path.IsPathRooted(shown))
            w.WriteString("uri", new Uri(Path.GetFullPath(file)).AbsoluteUri);
        else
        {
            w.WriteString("uri", string.Join('/', shown.Split('/').Select(Uri.EscapeDataString)));
            w.WriteString("uriBaseId", SourceRoot);
        }
        if (withIndex) w.WriteNumber("index", _artifacts.IndexOf(shown));
        w.WriteEndObject();
    }

    /// <summary>
    /// A file's key among the artifacts: its path relative to %SRCROOT% when inside it, else its full path
    /// (SARIF relative URIs must not climb out of their base).
    /// </summary>
    private string ArtifactPath(string file) =>
        DatabaseObjectUri(file) is not null ? file
        : PathDisplay.IsInside(Path.GetFullPath(file, currentDirectory), currentDirectory)
            ? PathDisplay.Relative(file, currentDirectory)
            : Path.GetFullPath(file, currentDirectory).Replace('\\', '/');

    /// <summary>
    /// A table read from a live database is located by a URI that names it (postgres://host:port/db/schema.table,
    /// mssql://server/db/schema.table): an absolute URI of its own, written with its path segments escaped.
    /// Null for a file.
    /// </summary>
    internal static string? DatabaseObjectUri(string file)
    {
        foreach (var scheme in new[] { "postgres://", "mssql://" })
        {
            if (!file.StartsWith(scheme, StringComparison.Ordinal)) continue;
            var rest = file[scheme.Length..];
            int slash = rest.IndexOf('/');
            if (slash < 0) return file;
            return scheme + rest[..slash] + "/" + string.Join('/', rest[(slash + 1)..].Split('/').Select(Uri.EscapeDataString));
        }
        return null;
    }

    /// <summary>Every file a result or a suppression points at, in the order the results name them.</summary>
    private void CollectArtifacts(SchemaAnalysis analysis)
    {
        void Add(string file)
        {
            var shown = ArtifactPath(file);
            if (!_artifacts.Contains(shown)) _artifacts.Add(shown);
        }
        foreach (var t in analysis.Tables)
        {
            foreach (var f in t.Findings) Add(f.Location.File);
            if (facts.Settings.SarifOpenOnly) continue;
            foreach (var f in t.Suppressed)
            {
                Add(f.Location.File);
                if (f.SuppressedBy?.Source is { } source) Add(source.File);
            }
        }
        if (!facts.Settings.SarifOpenOnly)
            foreach (var e in facts.Absent)
                if (e.File is { } file) Add(file);
    }

    private static string FolderUri(string folder) =>
        new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static int IndexOf(IReadOnlyList<RuleDescriptor> rules, string id)
    {
        for (int i = 0; i < rules.Count; i++)
            if (string.Equals(rules[i].Id, id, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>"Partial dependency on a key" → "PartialDependencyOnAKey": SARIF's rule name is an identifier.</summary>
    private static string PascalCase(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0) sb.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
        }
        return sb.ToString();
    }
}
