using System.Text;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A decomposition as text: what the table becomes, each new table with its key, foreign keys, normal
/// form and the anomalies it removes, the splits and why they were chosen, what is lost and how to enforce
/// it, and what the sample rows showed.
/// </summary>
internal static class DecompositionTextWriter
{
    public static string Write(Decomposition d, TextLayout? layout = null)
    {
        var sb = new StringBuilder();
        WriteBody(sb, d, "", layout ?? TextLayout.Plain);
        return sb.ToString();
    }

    /// <summary>Two or three lines for the analyze report: the tables proposed and the facts about them.</summary>
    public static string Summary(Decomposition d, string indent = "  ", int width = TextLayout.DefaultWidth)
    {
        var sb = new StringBuilder();
        if (!d.Changes) return "";
        TextWrap.Wrap(sb, $"proposal ({d.Target.Display()}, {MethodText(d.Method)}): {string.Join(", ", d.Tables.Select(t => $"{t.Name}({string.Join(", ", t.ColumnNames)})"))}", indent, width);
        TextWrap.Wrap(sb, Facts(d), indent + "  ", width);
        if (d.Alternative is { Changes: true } alt)
            TextWrap.Wrap(sb, $"or, preserving every dependency in 3NF: {string.Join(", ", alt.Tables.Select(t => $"{t.Name}({string.Join(", ", t.ColumnNames)})"))}", indent + "  ", width);
        else if (d.Alternative is not null)
            TextWrap.Wrap(sb, $"or keep {d.Source.Name.Name} as it is: it is in 3NF and its keys enforce every dependency", indent + "  ", width);
        return sb.ToString();
    }

    private static void WriteBody(StringBuilder sb, Decomposition d, string indent, TextLayout layout)
    {
        int width = layout.Width;
        bool color = layout.Color;
        var names = d.ColumnNames;
        string from = d.SourceNormalForm is { } nf ? nf.Display() : "normal form unknown";
        if (!d.Changes)
        {
            sb.AppendLine(d.SourceNormalForm is { } f && f >= d.Target
                ? $"{indent}{Ansi.Bold(ReportText.Line(d.Source.Name.ToString()), color)} — {from}: meets the {d.Target.Display()} target, nothing to split."
                : $"{indent}{Ansi.Bold(ReportText.Line(d.Source.Name.ToString()), color)} — {from}: keep it as it is.");
            foreach (var n in d.Notes) TextWrap.Wrap(sb, "note: " + n, indent + "  ", width);
            return;
        }
        sb.AppendLine($"{indent}{Ansi.Bold(ReportText.Line(d.Source.Name.ToString()), color)} — {from}, target {d.Target.Display()}: {d.Tables.Count} table{(d.Tables.Count == 1 ? "" : "s")} ({MethodText(d.Method)})");
        sb.AppendLine($"{indent}  {Facts(d, color)}");
        if (d.Target == NormalForm.BCNF && d.DependencyPreservingBcnfExists is { } exists)
            sb.AppendLine($"{indent}  a dependency-preserving BCNF decomposition {(exists ? "exists" : "does not exist")}");

        foreach (var t in d.Tables)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold(ReportText.Line(t.Name.ToString()), color)} {ReportText.Line($"({string.Join(", ", t.ColumnNames)})")}");
            var line = $"key ({t.PrimaryKey.Format(names)})";
            if (t.CandidateKeys.Count > 1) line += $"; other keys {string.Join(", ", t.CandidateKeys.Where(k => k != t.PrimaryKey).Select(k => "(" + k.Format(names) + ")"))}";
            line += $"; {(t.NormalForm is { } tnf ? tnf.Display() : "normal form unknown")}";
            if (t.Rows is { } rows) line += $"; {rows} row{(rows == 1 ? "" : "s")}";
            TextWrap.Wrap(sb, line, indent + "    ", width);
            foreach (var fk in t.ForeignKeys)
                TextWrap.Wrap(sb, $"foreign key ({fk.Columns.Format(names)}) references {fk.ReferencedTable} ({string.Join(", ", fk.ReferencedColumns)}){(fk.IsExternal ? " (declared on " + d.Source.Name.Name + ")" : "")}", indent + "    ", width);
            TextWrap.Wrap(sb, $"holds: {t.Origin}", indent + "    ", width);
            foreach (var a in t.AnomaliesRemoved) TextWrap.Wrap(sb, $"removes the {a.Kind.ToString().ToLowerInvariant()} anomaly: {a.Description}", indent + "    ", width);
        }

        if (d.Steps.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold("splits, in order:", color)}");
            int i = 1;
            foreach (var s in d.Steps)
            {
                string what = s.Kind switch
                {
                    DependencyKind.Fd => $"{Side(s.Lhs, names)} -> {s.Rhs.Format(names)}",
                    DependencyKind.Mvd => $"{Side(s.Lhs, names)} ->> {s.Rhs.Format(names)}",
                    _ => "⋈[" + string.Join("; ", s.Parts.Select(p => "(" + p.Format(names) + ")")) + "]",
                };
                var why = s.Reasons.Count > 0 ? $" ({string.Join("; ", s.Reasons)})" : "";
                TextWrap.Wrap(sb, $"{i++}. {what}{why}{(s.Alternatives > 0 ? $"; {s.Alternatives} other split{(s.Alternatives == 1 ? " was" : "s were")} possible" : "")}", indent + "    ", width);
            }
        }

        if (d.LostDependencies.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold("not enforced by any table:", color)}");
            foreach (var l in d.LostDependencies)
                TextWrap.Wrap(sb, $"{l.Dependency.Format(names)}: enforce with {l.Enforcement}", indent + "    ", width);
        }

        if (d.Data is { } data)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold("on the sample rows:", color)}");
            TextWrap.Wrap(sb, DataText(data), indent + "    ", width);
            foreach (var r in data.Redundancy)
                TextWrap.Wrap(sb, $"{r.Column} stored {r.Before} times -> {r.After} times (in {r.Table})", indent + "    ", width);
        }

        if (d.SetAside.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold("not acted on:", color)}");
            foreach (var a in d.SetAside.Take(20)) TextWrap.Wrap(sb, $"{a.Dependency.Format(names)}: {a.Reason}", indent + "    ", width);
            if (d.SetAside.Count > 20) sb.AppendLine($"{indent}    ... and {d.SetAside.Count - 20} more");
        }

        foreach (var n in d.Notes)
        {
            sb.AppendLine();
            TextWrap.Wrap(sb, "note: " + n, indent + "  ", width);
        }

        if (d.Alternative is { } alt)
        {
            sb.AppendLine();
            sb.AppendLine($"{indent}  {Ansi.Bold($"alternative, preserving every dependency ({(alt.Changes ? "3NF synthesis" : "the table in 3NF")}):", color)}");
            WriteBody(sb, alt, indent + "    ", layout);
        }
    }

    /// <param name="color">Whether a lossy join is shown in red (only on a line that is not wrapped).</param>
    public static string Facts(Decomposition d, bool color = false) =>
        $"lossless: {(d.Lossless ? "yes" : Ansi.Red("NO", color))} (chase); dependency preserving: {(d.DependencyPreserving ? "yes" : $"no, {d.LostDependencies.Count} lost")}"
        + (d.Data is { } data ? $"; sample rows: {(data.JoinEqualsSource ? "the join returns exactly the source rows" : $"{data.SpuriousRows} spurious, {data.LostRows} lost")}" : "");

    public static string DataText(DataVerification data)
    {
        var s = data.JoinedRows < 0
            ? $"the join of the new tables grew too large to check ({data.SourceRows} source rows)"
            : $"{data.SourceRows} source rows ({data.DistinctSourceRows} distinct); the join of the new tables returns {data.JoinedRows}: {data.SpuriousRows} spurious, {data.LostRows} lost";
        if (data.SourceRows > data.DistinctSourceRows) s += $"; {data.SourceRows - data.DistinctSourceRows} duplicate rows cannot be kept by tables with keys";
        if (data.UnstorableRows > 0) s += $"; {data.UnstorableRows} rows hold NULL in a foreign key beside a value that moves to the referenced table, which SQL cannot store";
        s += "; rows per table: " + string.Join(", ", data.TableRows.Select(t => $"{t.Table} {t.Rows}"));
        return s;
    }

    public static string MethodText(DecompositionMethod m) => m switch
    {
        DecompositionMethod.None => "no change",
        DecompositionMethod.BcnfSplit => "BCNF decomposition",
        DecompositionMethod.Synthesis => "3NF synthesis",
        DecompositionMethod.SynthesisInBcnf => "3NF synthesis, all tables in BCNF",
        DecompositionMethod.MaximalBcnfSubschemas => "maximal BCNF subschemas",
        DecompositionMethod.FourthNormalFormSplit => "4NF decomposition",
        _ => "5NF decomposition",
    };

    private static string Side(AttributeSet lhs, IReadOnlyList<string> names) => lhs.IsEmpty ? "∅" : lhs.Format(names);
}
