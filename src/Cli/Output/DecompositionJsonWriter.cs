using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The <c>decomposition</c> object of CONTRACT.md (target, lossless, dependencyPreserving, tables with
/// name, columns and key), extended with what the proposal computed: method, foreign keys, normal forms,
/// lost dependencies with how to enforce them, the splits and why, the check on the sample rows, notes,
/// and the 3NF synthesis offered beside a BCNF proposal that cannot preserve every dependency. Column
/// arrays are in the source table's column order.
/// </summary>
internal static class DecompositionJsonWriter
{
    /// <summary>The <c>decompose --format json</c> document: the tool, the source table, the decomposition.</summary>
    public static string Document(Decomposition d) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteTool();
        w.WriteStartObject("table");
        if (d.Source.Name.Schema is null) w.WriteNull("schema");
        else w.WriteString("schema", d.Source.Name.Schema);
        w.WriteString("name", d.Source.Name.Name);
        w.WriteStringArray("columns", d.ColumnNames);
        w.WriteEndObject();
        w.WritePropertyName("decomposition");
        WriteObject(w, d);
        w.WriteEndObject();
    });

    /// <summary>Writes the decomposition as one JSON object (the value of a <c>decomposition</c> property).</summary>
    public static void WriteObject(Utf8JsonWriter w, Decomposition d, bool alternative = true)
    {
        var names = d.ColumnNames;
        w.WriteStartObject();
        w.WriteString("target", d.Target.Display());
        w.WriteString("method", Method(d.Method));
        if (d.SourceNormalForm is { } nf) w.WriteString("sourceNormalForm", nf.Display());
        w.WriteBoolean("lossless", d.Lossless);
        w.WriteBoolean("dependencyPreserving", d.DependencyPreserving);
        if (d.Target == NormalForm.BCNF || d.DependencyPreservingBcnfExists is not null)
        {
            if (d.DependencyPreservingBcnfExists is { } e) w.WriteBoolean("dependencyPreservingBcnfExists", e);
            else w.WriteNull("dependencyPreservingBcnfExists");
        }
        w.WriteBoolean("meetsTarget", d.MeetsTarget);

        w.WriteStartArray("tables");
        foreach (var t in d.Tables) WriteTable(w, t, names);
        w.WriteEndArray();

        w.WriteStartArray("lostDependencies");
        foreach (var l in d.LostDependencies)
        {
            w.WriteStartObject();
            w.WriteStringArray("lhs", l.Dependency.Lhs.Names(names));
            w.WriteStringArray("rhs", l.Dependency.Rhs.Names(names));
            w.WriteStringArray("tables", l.Tables);
            w.WriteString("enforcement", l.Enforcement);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("steps");
        foreach (var s in d.Steps)
        {
            w.WriteStartObject();
            w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
            w.WriteStringArray("from", s.From.Names(names));
            if (s.Kind != DependencyKind.Jd)
            {
                w.WriteStringArray("lhs", s.Lhs.Names(names));
                w.WriteStringArray("rhs", s.Rhs.Names(names));
            }
            w.WriteStartArray("parts");
            foreach (var p in s.Parts) w.WriteStringArray(p.Names(names));
            w.WriteEndArray();
            w.WriteNumber("score", s.Score);
            w.WriteStringArray("reasons", s.Reasons);
            w.WriteNumber("alternatives", s.Alternatives);
            if (s.DataOnly) w.WriteBoolean("dataOnly", true);
            if (s.Relaxed is not null) w.WriteString("splitsDeclared", s.Relaxed);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (d.SetAside.Count > 0)
        {
            w.WriteStartArray("setAside");
            foreach (var a in d.SetAside)
            {
                w.WriteStartObject();
                w.WriteStringArray("lhs", a.Dependency.Lhs.Names(names));
                w.WriteStringArray("rhs", a.Dependency.Rhs.Names(names));
                w.WriteString("reason", a.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        if (d.Data is { } data)
        {
            w.WriteStartObject("data");
            w.WriteNumber("sourceRows", data.SourceRows);
            w.WriteNumber("distinctSourceRows", data.DistinctSourceRows);
            w.WriteNumber("joinedRows", data.JoinedRows);
            w.WriteNumber("spuriousRows", data.SpuriousRows);
            w.WriteNumber("lostRows", data.LostRows);
            w.WriteNumber("unstorableRows", data.UnstorableRows);
            w.WriteBoolean("joinEqualsSource", data.JoinEqualsSource);
            w.WriteStartArray("tables");
            foreach (var (table, rows) in data.TableRows)
            {
                w.WriteStartObject();
                w.WriteString("name", table);
                w.WriteNumber("rows", rows);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("redundancy");
            foreach (var r in data.Redundancy)
            {
                w.WriteStartObject();
                w.WriteString("column", r.Column);
                w.WriteString("table", r.Table);
                w.WriteNumber("before", r.Before);
                w.WriteNumber("after", r.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (d.Notes.Count > 0) w.WriteStringArray("notes", d.Notes);
        if (alternative && d.Alternative is { } alt)
        {
            w.WritePropertyName("alternative");
            WriteObject(w, alt, alternative: false);
        }
        w.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter w, ProposedTable t, IReadOnlyList<string> names)
    {
        w.WriteStartObject();
        if (t.Schema is null) w.WriteNull("schema");
        else w.WriteString("schema", t.Schema);
        w.WriteString("name", t.Name);
        w.WriteStringArray("columns", t.ColumnNames);
        w.WriteStringArray("key", t.PrimaryKey.Names(names));
        w.WriteStartArray("candidateKeys");
        foreach (var k in t.CandidateKeys) w.WriteStringArray(k.Names(names));
        w.WriteEndArray();
        if (t.UniqueKeys.Count > 0)
        {
            w.WriteStartArray("uniqueKeys");
            foreach (var k in t.UniqueKeys) w.WriteStringArray(k.Names(names));
            w.WriteEndArray();
        }
        w.WriteStartArray("foreignKeys");
        foreach (var fk in t.ForeignKeys)
        {
            w.WriteStartObject();
            w.WriteStringArray("columns", fk.Columns.Names(names));
            w.WriteStartObject("references");
            if (fk.ReferencedSchema is null) w.WriteNull("schema");
            else w.WriteString("schema", fk.ReferencedSchema);
            w.WriteString("table", fk.ReferencedTable);
            w.WriteStringArray("columns", fk.ReferencedColumns);
            w.WriteEndObject();
            if (fk.IsExternal) w.WriteBoolean("declared", true);
            if (fk.OriginalName is not null) w.WriteString("name", fk.OriginalName);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (t.NormalForm is { } nf) w.WriteString("normalForm", nf.Display());
        else w.WriteNull("normalForm");
        w.WriteString("origin", t.Origin);
        if (t.IsRemainder) w.WriteBoolean("remainder", true);
        if (t.Rows is { } rows) w.WriteNumber("rows", rows);
        w.WriteStartArray("dependencies");
        foreach (var fd in MinimalCover.Combine(t.Dependencies))
        {
            w.WriteStartObject();
            w.WriteStringArray("lhs", fd.Lhs.Names(names));
            w.WriteStringArray("rhs", fd.Rhs.Names(names));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (t.AnomaliesRemoved.Count > 0)
        {
            w.WriteStartArray("anomaliesRemoved");
            foreach (var a in t.AnomaliesRemoved)
            {
                w.WriteStartObject();
                w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
                w.WriteString("description", a.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static string Method(DecompositionMethod m) => m switch
    {
        DecompositionMethod.None => "none",
        DecompositionMethod.BcnfSplit => "bcnfSplit",
        DecompositionMethod.Synthesis => "synthesis",
        DecompositionMethod.SynthesisInBcnf => "synthesisInBcnf",
        DecompositionMethod.MaximalBcnfSubschemas => "maximalBcnfSubschemas",
        DecompositionMethod.FourthNormalFormSplit => "fourthNormalFormSplit",
        _ => "fifthNormalFormSplit",
    };
}
