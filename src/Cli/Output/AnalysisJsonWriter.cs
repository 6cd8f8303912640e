using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The `analyze --format json` document of CONTRACT.md: per table its columns, keys, sample rows,
/// normal form, dependencies with their sources, and findings. Column arrays are in table column order.
/// Fields beyond the contract (fix, anomalies, witnesses, notes) are additions, never renames.
/// </summary>
internal sealed class AnalysisJsonWriter(string currentDirectory)
{
    /// <summary>Fingerprints, baseline states and suppressions of the findings; without it they are left out.</summary>
    public ReportFacts? Facts { get; init; }

    public string Write(SchemaAnalysis analysis, Action<Utf8JsonWriter, TableAnalysis>? extra = null) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteTool();
        w.WriteString("target", analysis.Target.Display());
        w.WriteStartArray("tables");
        foreach (var t in analysis.Tables) WriteTable(w, t, extra);
        w.WriteEndArray();
        if (Facts?.BaselinePath is { } baseline) WriteBaseline(w, analysis, Facts, baseline);
        w.WriteEndObject();
    });

    /// <summary>The comparison with the baseline: counts, and the entries no finding matches any more.</summary>
    private void WriteBaseline(Utf8JsonWriter w, SchemaAnalysis analysis, ReportFacts facts, string path)
    {
        w.WriteStartObject("baseline");
        w.WriteString("file", PathDisplay.Relative(path, currentDirectory));
        w.WriteNumber("new", analysis.Findings.Count(f => facts.StateOf(f) == BaselineState.New));
        w.WriteNumber("unchanged", analysis.Findings.Count(facts.IsBaselined));
        w.WriteStartArray("absent");
        foreach (var e in facts.Absent)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", e.Fingerprint);
            w.WriteString("ruleId", e.RuleId);
            w.WriteString("table", e.Table);
            w.WriteStringArray("columns", e.Columns);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteTable(Utf8JsonWriter w, TableAnalysis t, Action<Utf8JsonWriter, TableAnalysis>? extra)
    {
        var names = t.ColumnNames;
        var table = t.Table;
        w.WriteStartObject();
        if (table.Name.Schema is null) w.WriteNull("schema");
        else w.WriteString("schema", table.Name.Schema);
        w.WriteString("name", table.Name.Name);
        w.WriteStringArray("columns", names);
        if (table.PrimaryKey is { } pk)
            w.WriteStringArray("primaryKey", InColumnOrder(table, pk.Columns));
        else if (t.AssumedKey is { } assumed)
        {
            // Not declared: the key the analysis used, and where it was found ("data": in the rows).
            w.WriteStringArray("primaryKey", assumed.Names(names));
            w.WriteString("primaryKeySource", t.AssumedKeySource == SchemaNorm.Analyzer.Analysis.DependencySource.Data ? "data" : "dependencies");
        }
        else
            w.WriteNull("primaryKey");
        w.WriteStartArray("candidateKeys");
        foreach (var k in t.CandidateKeys) w.WriteStringArray(k.Names(names));
        w.WriteEndArray();
        if (!t.KeysComplete) w.WriteBoolean("candidateKeysComplete", false);
        w.WriteNumber("sampleRows", t.SampleRows);
        CsvFirstLineJson.Write(w, table, currentDirectory);
        w.WriteString("normalForm", t.NormalForm.Display());
        if (t.Undetermined is { } u) w.WriteString("undetermined", u.Display());

        w.WriteStartArray("dependencies");
        foreach (var d in t.Dependencies) WriteDependency(w, d, names, withSource: true);
        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var f in t.Findings) WriteFinding(w, f, names, suppressed: false);
        foreach (var f in t.Suppressed) WriteFinding(w, f, names, suppressed: true);
        w.WriteEndArray();

        if (t.Notes.Count > 0) w.WriteStringArray("notes", t.Notes);
        if (Facts?.DataOf(table) is { } data) WriteDataDependencies(w, data, names);
        Facts?.FullTable?.WriteJson(w, table);
        extra?.Invoke(w, t);
        w.WriteEndObject();
    }

    /// <summary>At most this many candidate dependencies per table (best first); the count of the rest follows.</summary>
    public const int MaxCandidates = 50;

    /// <summary>
    /// What discovery saw in the rows beyond the dependencies used: candidates (with the reason they do
    /// not drive findings; a config entry can accept one) and the bounds of the search.
    /// </summary>
    private static void WriteDataDependencies(Utf8JsonWriter w, Decomposer.Pipeline.TableDataDependencies data, IReadOnlyList<string> names)
    {
        w.WriteStartObject("discovery");
        w.WriteNumber("used", data.Used.Count);
        w.WriteNumber("candidateCount", data.Candidates.Count);
        w.WriteStartArray("candidates");
        foreach (var c in data.Candidates.Take(MaxCandidates))
        {
            w.WriteStartObject();
            w.WriteString("dependency", c.Dependency.Format(names));
            WriteDependencyFields(w, c.Dependency, names);
            if (c.Dependency.Evidence is { } e) w.WriteNumber("error", e.Error);
            if (c.Score is { } score) w.WriteNumber("plausibility", score);
            w.WriteString("reason", c.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (data.Notes.Count > 0) w.WriteStringArray("notes", data.Notes);
        w.WriteEndObject();
    }

    public static void WriteDependency(Utf8JsonWriter w, TableDependency d, IReadOnlyList<string> names, bool withSource)
    {
        w.WriteStartObject();
        WriteDependencyFields(w, d, names);
        if (withSource)
        {
            w.WriteString("source", d.Source.Display());
            if (d.Evidence is { } e)
            {
                w.WriteNumber("error", e.Error);
                w.WriteNumber("support", e.SupportRows);
            }
        }
        w.WriteEndObject();
    }

    /// <summary>kind, and lhs/rhs (FD, MVD) or components (JD), column arrays in table order.</summary>
    private static void WriteDependencyFields(Utf8JsonWriter w, TableDependency d, IReadOnlyList<string> names)
    {
        switch (d.Kind)
        {
            case DependencyKind.Fd:
                w.WriteString("kind", "fd");
                w.WriteStringArray("lhs", d.Lhs.Names(names));
                w.WriteStringArray("rhs", (d.Rhs - d.Lhs).Names(names)); // a key's FD lists the columns it determines, not itself
                break;
            case DependencyKind.Mvd:
                w.WriteString("kind", "mvd");
                w.WriteStringArray("lhs", d.Lhs.Names(names));
                w.WriteStringArray("rhs", (d.Rhs - d.Lhs).Names(names));
                break;
            default:
                w.WriteString("kind", "jd");
                w.WriteStartArray("components");
                foreach (var c in d.Components) w.WriteStringArray(c.Names(names));
                w.WriteEndArray();
                break;
        }
    }

    private void WriteFinding(Utf8JsonWriter w, Finding f, IReadOnlyList<string> names, bool suppressed)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("normalForm", f.Violates.Display());
        w.WriteString("severity", f.Severity.Display());
        w.WriteString("message", f.Message);
        w.WriteString("fix", f.Fix);
        if (f.Dependency is { } d)
        {
            w.WritePropertyName("dependency");
            WriteDependency(w, d, names, withSource: false);
        }
        w.WriteStartArray("keys");
        foreach (var k in f.Keys) w.WriteStringArray(k.Names(names));
        w.WriteEndArray();
        w.WriteStringArray("columns", f.Columns.Names(names));
        w.WriteStartObject("location");
        w.WriteString("file", PathDisplay.Relative(f.Location.File, currentDirectory));
        w.WriteNumber("line", f.Location.Line);
        w.WriteNumber("column", f.Location.Column);
        w.WriteEndObject();
        if (f.Anomalies.Count > 0)
        {
            w.WriteStartArray("anomalies");
            foreach (var a in f.Anomalies)
            {
                w.WriteStartObject();
                w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
                w.WriteString("description", a.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (f.Witnesses.Count > 0) w.WriteStringArray("witnesses", f.Witnesses.Select(x => DisplayText.Shorten(x, ReportText.MaxWitnessLength)).ToList());
        if (!f.Established) w.WriteBoolean("established", false);
        if (suppressed) w.WriteBoolean("suppressed", true);
        if (suppressed && f.SuppressedBy is { } by)
        {
            w.WriteStartObject("suppression");
            w.WriteString("by", by.InSource ? "comment" : "config");
            if (by.Reason is { } reason) w.WriteString("reason", reason);
            if (by.Source is { } source)
            {
                w.WriteStartObject("location");
                w.WriteString("file", PathDisplay.Relative(source.File, currentDirectory));
                w.WriteNumber("line", source.Line);
                w.WriteNumber("column", source.Column);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        if (Facts is { } facts)
        {
            w.WriteString("fingerprint", facts.FingerprintOf(f));
            if (!suppressed && facts.StateOf(f) is { } state) w.WriteString("baselineState", state.Display());
        }
        w.WriteEndObject();
    }

    /// <summary>Key columns in table column order (CONTRACT: arrays of columns are in table column order).</summary>
    public static IEnumerable<string> InColumnOrder(Table table, IReadOnlyList<string> columns)
    {
        return table.ColumnsAmong(columns).Names(table.ColumnNames);
    }
}
