using System.Text;
using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// `analyze --format markdown`: a report to post as a pull-request comment. A summary table (each table's
/// normal form against the target), then for each table with findings: the findings with links to their
/// rule pages and their fixes, and for a table below the target a Mermaid diagram of it (and of its
/// proposed decomposition, through <see cref="Write"/>'s hook). Suppressed findings and the baseline are
/// folded away at the end.
/// </summary>
internal sealed class MarkdownReportWriter(string currentDirectory, ReportFacts facts)
{
    /// <param name="proposedDecomposition">
    /// Hook for the decomposition step: Markdown shown under a table that is below the target (e.g. a
    /// Mermaid erDiagram of the proposed tables and whether the split is lossless and preserves the
    /// dependencies), or null for nothing. Analyze does not pass one yet.
    /// </param>
    public string Write(SchemaAnalysis analysis, Func<TableAnalysis, string?>? proposedDecomposition = null)
    {
        var target = analysis.Target.Display();
        var sb = new StringBuilder();
        sb.Append("## SchemaNorm report\n\n");
        sb.Append("**").Append(Escape(AnalysisTextWriter.Summary(analysis))).Append("**");
        int suppressed = analysis.Tables.Sum(t => t.Suppressed.Count);
        int baselined = analysis.Findings.Count(facts.IsBaselined);
        if (suppressed > 0) sb.Append($" {suppressed} suppressed.");
        if (facts.BaselinePath is not null) sb.Append($" Baseline: {baselined} known, {analysis.Findings.Count() - baselined} new, {facts.Absent.Count} no longer found.");
        sb.Append("\n\n");

        if (analysis.Tables.Count > 0)
        {
            sb.Append($"| Table | Normal form | Target {target} | Findings |\n|---|---|---|---|\n");
            foreach (var t in analysis.Tables)
                sb.Append("| ").Append(CellCode(t.Table.Name.ToString()))
                  .Append(" | ").Append(t.NormalForm.Display())
                  .Append(" | ").Append(t.Meets(analysis.Target) ? "✅ meets" : "❌ below")
                  .Append(" | ").Append(Counts(t)).Append(" |\n");
            sb.Append('\n');
        }

        foreach (var t in analysis.Tables.Where(t => t.Findings.Count > 0 || !t.Meets(analysis.Target)))
        {
            bool below = !t.Meets(analysis.Target);
            sb.Append("### ").Append(Code(t.Table.Name.ToString())).Append(" — ").Append(t.NormalForm.Display())
              .Append(below ? $", below {target}" : $", meets {target}").Append("\n\n");
            sb.Append(t.CandidateKeys.Count == 1 ? "Key: " : "Keys: ")
              .Append(t.CandidateKeys.Count == 0 ? "none" : string.Join(", ", t.CandidateKeys.Select(k => Code("(" + k.Format(t.ColumnNames) + ")"))))
              .Append("\n\n");
            foreach (var f in t.Findings) WriteFinding(sb, f, t);
            if (below)
            {
                sb.Append(MermaidTableDiagram.For(t)).Append('\n');
                if (proposedDecomposition?.Invoke(t) is { Length: > 0 } proposal) sb.Append(proposal.TrimEnd('\n')).Append("\n\n");
            }
        }

        WriteSuppressed(sb, analysis);
        WriteBaseline(sb, analysis);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private void WriteFinding(StringBuilder sb, Finding f, TableAnalysis t)
    {
        var rule = RuleHelp.Uri(facts.HelpUriBase, f.RuleId) is { } uri ? $"[{f.RuleId}]({uri})" : f.RuleId;
        sb.Append("- **").Append(f.Severity.Display()).Append("** ").Append(rule).Append(' ').Append(Escape(f.Rule.Title))
          .Append(" (").Append(f.Violates.Display()).Append(") at ").Append(Code(Where(f)));
        if (facts.IsBaselined(f)) sb.Append(" — in the baseline");
        sb.Append("  \n");
        if (f.Dependency is { } d) sb.Append("  ").Append(Code(d.Format(t.ColumnNames))).Append(" (").Append(d.Source.Display()).Append(")  \n");
        sb.Append("  ").Append(Escape(f.Message)).Append("  \n");
        foreach (var w in f.Witnesses) sb.Append("  e.g. ").Append(Escape(ReportText.Witness(w))).Append("  \n");
        sb.Append("  **Fix:** ").Append(Escape(f.Fix)).Append('\n');
        sb.Append('\n');
    }

    private void WriteSuppressed(StringBuilder sb, SchemaAnalysis analysis)
    {
        var all = analysis.Tables.SelectMany(t => t.Suppressed.Select(f => (t, f))).ToList();
        if (all.Count == 0) return;
        sb.Append($"<details><summary>{all.Count} suppressed finding{(all.Count == 1 ? "" : "s")}</summary>\n\n");
        sb.Append("| Rule | Table | Columns | Suppressed by | Reason |\n|---|---|---|---|---|\n");
        foreach (var (t, f) in all)
        {
            var by = f.SuppressedBy is { } s
                ? (s.InSource ? "comment" : "config") + (s.Source is { } at ? " at " + CellCode($"{PathDisplay.Relative(at.File, currentDirectory)}:{at.Line}") : "")
                : "";
            sb.Append("| ").Append(f.RuleId).Append(" | ").Append(CellCode(f.Table.ToString()))
              .Append(" | ").Append(Cell(f.Columns.Format(t.ColumnNames)))
              .Append(" | ").Append(by)
              .Append(" | ").Append(Cell(f.SuppressedBy?.Reason ?? "")).Append(" |\n");
        }
        sb.Append("\n</details>\n\n");
    }

    private void WriteBaseline(StringBuilder sb, SchemaAnalysis analysis)
    {
        if (facts.Absent.Count == 0) return;
        sb.Append($"<details><summary>{facts.Absent.Count} baseline entr{(facts.Absent.Count == 1 ? "y" : "ies")} no longer found</summary>\n\n");
        sb.Append("| Rule | Table | Columns |\n|---|---|---|\n");
        foreach (var e in facts.Absent)
            sb.Append("| ").Append(Cell(e.RuleId)).Append(" | ").Append(CellCode(e.Table)).Append(" | ").Append(Cell(string.Join(", ", e.Columns))).Append(" |\n");
        sb.Append("\nUpdate the baseline with `--write-baseline` to drop them.\n\n</details>\n\n");
    }

    private string Where(Finding f) => $"{PathDisplay.Relative(f.Location.File, currentDirectory)}:{f.Location.Line}";

    private static string Counts(TableAnalysis t)
    {
        if (t.Findings.Count == 0) return t.Suppressed.Count > 0 ? $"none ({t.Suppressed.Count} suppressed)" : "none";
        return string.Join(", ", t.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.Display()}{(g.Count() == 1 ? "" : "s")}"));
    }

    private static string Code(string text) => MarkdownText.Code(text);

    private static string CellCode(string text) => MarkdownText.CellCode(text);

    private static string Cell(string text) => MarkdownText.Text(text);

    private static string Escape(string text) => MarkdownText.Text(text);
}
