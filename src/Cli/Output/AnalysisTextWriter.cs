using System.Text;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The text report: reads like a design review. Per table its normal form, its keys and its findings,
/// most important first, each with where it is stated, what goes wrong, the rows that show it, and a fix.
/// Tables without findings are summed up in one line each.
/// </summary>
internal sealed class AnalysisTextWriter(string currentDirectory)
{
    /// <summary>Baseline states of the findings; without it none are marked.</summary>
    public ReportFacts? Facts { get; init; }

    /// <summary>The width paragraphs wrap at and whether to colour: the destination's (see <see cref="TextLayout.For"/>).</summary>
    public TextLayout Layout { get; init; } = TextLayout.Plain;

    private ReportSettings Settings => Facts?.Settings ?? new ReportSettings();

    /// <summary>A finding the baseline holds, left out of the listing unless --show-baselined asks for it.</summary>
    private bool Hidden(Finding f) => Facts?.IsBaselined(f) == true && !Settings.ShowBaselined;

    public string Write(SchemaAnalysis analysis, Func<TableAnalysis, string?>? extra = null)
    {
        if (Settings.Quiet) return Quiet(analysis);
        var sb = new StringBuilder();
        var target = analysis.Target;
        // A table is shown in full when it has something to say: findings, notes, or checks on all rows.
        bool Noteworthy(TableAnalysis t) => t.Findings.Any(f => !Hidden(f)) || t.Notes.Count > 0 || Facts?.FullTable?.Describe(t.Table) is not null;
        var withFindings = analysis.Tables.Where(Noteworthy).ToList();
        var clean = analysis.Tables.Where(t => !Noteworthy(t)).ToList();

        foreach (var t in withFindings)
        {
            WriteTable(sb, t, target);
            if (extra?.Invoke(t) is { Length: > 0 } more) sb.Append(more);
            sb.AppendLine();
        }

        if (clean.Count > 0)
        {
            bool anyHidden = analysis.Findings.Any(Hidden);
            sb.AppendLine(withFindings.Count > 0
                ? anyHidden ? "Other tables:" : "Tables without findings:"
                : anyHidden ? "No new findings." : "No findings.");
            foreach (var t in clean)
            {
                int known = t.Findings.Count(Hidden);
                sb.AppendLine($"  {ReportText.Line(t.Table.Name.ToString())} — {t.NormalForm.Display()}, key {Keys(t)}{Rows(t)}"
                    + (known > 0 ? $" ({known} in the baseline)" : "")
                    + (t.Suppressed.Count > 0 ? $" ({t.Suppressed.Count} suppressed)" : ""));
                WriteSuppressionReasons(sb, t);
            }
            sb.AppendLine();
        }

        sb.AppendLine(Ansi.Bold(Summary(analysis), Layout.Color));
        if (Facts?.BaselinePath is { } baseline)
        {
            int known = analysis.Findings.Count(Facts.IsBaselined);
            string listed = known == 0 || Settings.ShowBaselined ? "" : $" The known {(known == 1 ? "one is" : "ones are")} not listed (--show-baselined lists them).";
            sb.AppendLine($"Baseline {PathDisplay.Relative(baseline, currentDirectory)}: {known} known, {analysis.Findings.Count() - known} new, {Facts.Absent.Count} no longer found.{listed}");
        }
        return sb.ToString();
    }

    /// <summary>
    /// --quiet: the findings that fail the run, one line each as in --format compact, then the summary line.
    /// </summary>
    private string Quiet(SchemaAnalysis analysis)
    {
        var sb = new StringBuilder();
        var failing = Facts?.Failing(analysis) ?? analysis.Findings;
        if (Settings.FailOn is { } threshold)
            foreach (var f in failing.Where(f => f.Severity >= threshold))
                sb.Append(CompactWriter.Line(f, currentDirectory, Layout.Color)).Append('\n');
        sb.AppendLine(Ansi.Bold(Summary(analysis), Layout.Color));
        return sb.ToString();
    }

    /// <summary>
    /// Under a table listed in one line: why its findings are suppressed, one line per rule and reason
    /// (a comment above CREATE TABLE suppresses all of the rule's findings with one reason).
    /// </summary>
    private void WriteSuppressionReasons(StringBuilder sb, TableAnalysis t)
    {
        foreach (var group in t.Suppressed.GroupBy(f => (f.RuleId, By: SuppressedBy(f))))
            TextWrap.Wrap(sb, $"suppressed {group.Key.RuleId}{(group.Count() > 1 ? $" ({group.Count()})" : "")}{group.Key.By}", "      ", Layout.Width);
    }

    private void WriteTable(StringBuilder sb, TableAnalysis t, NormalForm target)
    {
        var names = t.ColumnNames;
        string status = t.NormalForm >= target ? $"meets {target.Display()}" : $"below the {target.Display()} target";
        sb.AppendLine($"{Ansi.Bold(ReportText.Line(t.Table.Name.ToString()), Layout.Color)} — {t.NormalForm.Display()} ({status}){Rows(t)}");
        sb.AppendLine($"  {(t.CandidateKeys.Count == 1 ? "key" : "keys")}: {Keys(t)}{(t.KeysComplete ? "" : " (the key search stopped at its limit)")}");

        int width = Layout.Width;
        foreach (var f in t.Findings.Where(f => !Hidden(f)))
        {
            sb.AppendLine();
            sb.AppendLine($"  {Ansi.Severity(f.Severity, Layout.Color)} {f.RuleId} [{f.Violates.Display()}] {ReportText.Line(PathDisplay.Relative(f.Location.File, currentDirectory))}:{f.Location.Line}:{f.Location.Column}{(Facts?.IsBaselined(f) == true ? Ansi.Dim(" (in the baseline)", Layout.Color) : "")}");
            if (f.Dependency is { } d)
                sb.AppendLine($"    {ReportText.Line(d.Format(names))}  ({DependencyOrigin(d)})");
            TextWrap.Wrap(sb, f.Message, "    ", width);
            foreach (var w in f.Witnesses) TextWrap.Wrap(sb, "e.g. " + ReportText.Witness(w), "    ", width);
            TextWrap.Wrap(sb, "fix: " + f.Fix, "    ", width);
        }
        if (t.Findings.Count(Hidden) is > 0 and var known)
        {
            sb.AppendLine();
            sb.AppendLine($"  {known} finding{(known == 1 ? "" : "s")} in the baseline (--show-baselined lists {(known == 1 ? "it" : "them")})");
        }
        if (t.Suppressed.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"  {t.Suppressed.Count} suppressed finding{(t.Suppressed.Count == 1 ? "" : "s")}:");
            foreach (var f in t.Suppressed) TextWrap.Wrap(sb, $"{f.RuleId} {f.Columns.Format(names)}{SuppressedBy(f)}", "    ", width);
        }
        if (Facts?.FullTable?.Describe(t.Table) is { Length: > 0 } full)
        {
            sb.AppendLine();
            sb.Append(full);
        }
        if (Facts?.DataOf(t.Table) is { Candidates.Count: > 0 } data)
        {
            sb.AppendLine();
            TextWrap.Wrap(sb, $"data: {data.Used.Count} dependenc{(data.Used.Count == 1 ? "y" : "ies")} from the sample rows used, {data.Candidates.Count} more set aside as candidates (accidents of the sample, long or measure-valued determinants); --format json lists them, and a config entry can accept one.", "  ", width);
        }
        foreach (var n in t.Notes)
        {
            sb.AppendLine();
            TextWrap.Wrap(sb, "note: " + n, "  ", width);
        }
    }

    private string SuppressedBy(Finding f) => f.SuppressedBy is not { } s ? "" :
        $" — {(s.InSource ? "comment" : "config")}{(s.Source is { } at ? $" at {PathDisplay.Relative(at.File, currentDirectory)}:{at.Line}" : "")}{(s.Reason is { } r ? $": {r}" : "")}";

    private static string DependencyOrigin(TableDependency d)
    {
        var s = d.Source.Display();
        if (d.IsDerived) s = "derived from " + s;
        if (d.IsFromNames && d.Evidence is { } rows) return $"names, not confirmed by the {rows.SupportRows} rows";
        if (d.Evidence is { } e)
            s += e.Error > 0 ? $", holds in {1 - e.Error:P1} of {e.SupportRows} rows" : $", holds in all {e.SupportRows} rows";
        return s;
    }

    private static string Keys(TableAnalysis t) =>
        t.CandidateKeys.Count == 0 ? "none" : string.Join(", ", t.CandidateKeys.Select(k => "(" + ReportText.Line(k.Format(t.ColumnNames)) + ")"));

    private static string Rows(TableAnalysis t) => t.SampleRows > 0 ? $", {t.SampleRows} sample row{(t.SampleRows == 1 ? "" : "s")}" : "";

    public static string Summary(SchemaAnalysis analysis)
    {
        var findings = analysis.Findings.ToList();
        int below = analysis.Tables.Count(t => t.NormalForm < analysis.Target);
        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.Display()}{(g.Count() == 1 ? "" : "s")}");
        string counts = findings.Count == 0 ? "no findings" : string.Join(", ", bySeverity);
        return $"{analysis.Tables.Count} table{(analysis.Tables.Count == 1 ? "" : "s")}, {below} below {analysis.Target.Display()}; {counts}.";
    }
}
