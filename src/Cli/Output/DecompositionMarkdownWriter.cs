using System.Text;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A decomposition as Markdown for a pull request or a design document: the facts, a table of the new
/// tables, Mermaid ER diagrams of the table before and the tables after, the splits, what is lost, and
/// the check on the sample rows.
/// </summary>
internal static class DecompositionMarkdownWriter
{
    public static string Write(Decomposition d)
    {
        var sb = new StringBuilder();
        var names = d.ColumnNames;
        sb.AppendLine($"# Decomposition of {Code(d.Source.Name.ToString())}");
        sb.AppendLine();
        string from = d.SourceNormalForm is { } nf ? nf.Display() : "unknown";
        if (!d.Changes)
        {
            sb.AppendLine($"{Code(d.Source.Name.ToString())} is in {from} and meets the {d.Target.Display()} target: nothing to split.");
            Notes(sb, d);
            return sb.ToString();
        }
        sb.AppendLine($"- Normal form now: **{from}**; target: **{d.Target.Display()}** ({DecompositionTextWriter.MethodText(d.Method)})");
        sb.AppendLine($"- Lossless join: **{(d.Lossless ? "yes" : "no")}** (chase test)");
        sb.AppendLine($"- Dependency preserving: **{(d.DependencyPreserving ? "yes" : "no")}**");
        if (d.Target == NormalForm.BCNF && d.DependencyPreservingBcnfExists is { } exists)
            sb.AppendLine($"- A dependency-preserving BCNF decomposition {(exists ? "exists" : "does **not** exist")}");
        if (d.Data is { } data)
            sb.AppendLine($"- Sample rows: {MarkdownText.Text(DecompositionTextWriter.DataText(data))}");
        sb.AppendLine();

        sb.AppendLine("| table | columns | key | foreign keys | normal form | holds |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var t in d.Tables)
        {
            var fks = t.ForeignKeys.Count == 0 ? "" : string.Join("<br>", t.ForeignKeys.Select(f => Cell($"({f.Columns.Format(names)}) → {f.ReferencedTable}")));
            sb.AppendLine($"| {MarkdownText.CellCode(t.Name)} | {Cell(string.Join(", ", t.ColumnNames))} | {Cell(t.PrimaryKey.Format(names))} | {fks} | {(t.NormalForm is { } tnf ? tnf.Display() : "?")} | {Cell(t.Origin)} |");
        }
        sb.AppendLine();

        sb.AppendLine("## Before");
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.Append(MermaidErDiagram.Before(d));
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("## After");
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.Append(MermaidErDiagram.After(d));
        sb.AppendLine("```");
        sb.AppendLine();

        if (d.Steps.Count > 0)
        {
            sb.AppendLine("## Splits");
            sb.AppendLine();
            int i = 1;
            foreach (var s in d.Steps)
            {
                string what = s.Kind switch
                {
                    DependencyKind.Fd => $"{s.Lhs.Format(names)} → {s.Rhs.Format(names)}",
                    DependencyKind.Mvd => $"{s.Lhs.Format(names)} ↠ {s.Rhs.Format(names)}",
                    _ => "⋈[" + string.Join("; ", s.Parts.Select(p => "(" + p.Format(names) + ")")) + "]",
                };
                sb.AppendLine($"{i++}. {Code(what)}{(s.Reasons.Count > 0 ? " — " + MarkdownText.Text(string.Join("; ", s.Reasons)) : "")}");
            }
            sb.AppendLine();
        }

        var anomalies = d.Tables.Where(t => t.AnomaliesRemoved.Count > 0).ToList();
        if (anomalies.Count > 0)
        {
            sb.AppendLine("## Anomalies removed");
            sb.AppendLine();
            foreach (var t in anomalies)
                foreach (var a in t.AnomaliesRemoved)
                    sb.AppendLine($"- {Code(t.Name)} ({a.Kind.ToString().ToLowerInvariant()}): {MarkdownText.Text(a.Description)}");
            sb.AppendLine();
        }

        if (d.LostDependencies.Count > 0)
        {
            sb.AppendLine("## Dependencies no table enforces");
            sb.AppendLine();
            foreach (var l in d.LostDependencies) sb.AppendLine($"- {Code(l.Dependency.Format(names))}: {MarkdownText.Text(l.Enforcement)}");
            sb.AppendLine();
        }

        if (d.Data is { Redundancy.Count: > 0 } withRedundancy)
        {
            sb.AppendLine("## Redundancy removed");
            sb.AppendLine();
            foreach (var r in withRedundancy.Redundancy) sb.AppendLine($"- {Code(r.Column)} stored {r.Before} times → {r.After} times (in {Code(r.Table)})");
            sb.AppendLine();
        }

        if (d.SetAside.Count > 0)
        {
            sb.AppendLine("## Not acted on");
            sb.AppendLine();
            foreach (var a in d.SetAside.Take(30)) sb.AppendLine($"- {Code(a.Dependency.Format(names))}: {MarkdownText.Text(a.Reason)}");
            sb.AppendLine();
        }
        Notes(sb, d);

        if (d.Alternative is { } alt)
        {
            sb.AppendLine(alt.Changes
                ? "## Alternative: 3NF synthesis (preserves every dependency)"
                : $"## Alternative: keep {Code(d.Source.Name.Name)} as it is (3NF, its keys enforce every dependency)");
            sb.AppendLine();
            sb.AppendLine("| table | columns | key | normal form |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var t in alt.Tables)
                sb.AppendLine($"| {MarkdownText.CellCode(t.Name)} | {Cell(string.Join(", ", t.ColumnNames))} | {Cell(t.PrimaryKey.Format(names))} | {(t.NormalForm is { } anf ? anf.Display() : "?")} |");
            sb.AppendLine();
            sb.AppendLine("```mermaid");
            sb.Append(MermaidErDiagram.After(alt));
            sb.AppendLine("```");
        }
        return sb.ToString();
    }

    /// <summary>A short section for the analyze report: the proposed tables, the facts, and an ER diagram of them.</summary>
    public static string Section(Decomposition d)
    {
        var sb = new StringBuilder();
        var names = d.ColumnNames;
        sb.AppendLine($"**Proposed decomposition ({d.Target.Display()}, {DecompositionTextWriter.MethodText(d.Method)}):** " +
                      string.Join(", ", d.Tables.Select(t => Code($"{t.Name}({string.Join(", ", t.ColumnNames)})"))));
        sb.AppendLine();
        sb.AppendLine($"Lossless: **{(d.Lossless ? "yes" : "no")}**; dependency preserving: **{(d.DependencyPreserving ? "yes" : "no")}**" +
                      (d.LostDependencies.Count > 0 ? " (lost: " + string.Join(", ", d.LostDependencies.Select(l => Code(l.Dependency.Format(names)))) + ")" : "") +
                      (d.Data is { } data ? $"; sample rows: {(data.JoinEqualsSource ? "the join returns exactly the source rows" : $"{data.SpuriousRows} spurious, {data.LostRows} lost")}" : "") + ".");
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.Append(MermaidErDiagram.After(d));
        sb.AppendLine("```");
        return sb.ToString();
    }

    private static void Notes(StringBuilder sb, Decomposition d)
    {
        if (d.Notes.Count == 0) return;
        sb.AppendLine("## Notes");
        sb.AppendLine();
        foreach (var n in d.Notes) sb.AppendLine($"- {MarkdownText.Text(n)}");
        sb.AppendLine();
    }

    private static string Cell(string text) => MarkdownText.Text(text);

    private static string Code(string text) => MarkdownText.Code(text);
}
