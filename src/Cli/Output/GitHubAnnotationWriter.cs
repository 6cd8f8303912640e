using System.Text;
using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// `analyze --format github`: GitHub Actions workflow commands, one per finding that can fail the run
/// (<c>::warning file=db/schema.sql,line=5,col=5,title=SN2001 ...::message</c>), which GitHub shows on the
/// lines of the pull request's diff. Suppressed and baselined findings are not annotated; a last plain
/// line sums up the run in the log.
/// </summary>
internal sealed class GitHubAnnotationWriter(string currentDirectory, ReportFacts facts)
{
    public string Write(SchemaAnalysis analysis)
    {
        var sb = new StringBuilder();
        foreach (var t in analysis.Tables)
            foreach (var f in t.Findings.Where(f => !facts.IsBaselined(f)))
            {
                var command = f.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                // Names in the texts go on one line; the only line break is the one before "Fix:".
                var title = ReportText.Line($"{f.RuleId} {f.Rule.Title} ({f.Table})");
                var message = f.Dependency is { } d
                    ? $"{ReportText.Line(d.Format(t.ColumnNames))}: {ReportText.Line(f.Message)}\nFix: {ReportText.Line(f.Fix)}"
                    : $"{ReportText.Line(f.Message)}\nFix: {ReportText.Line(f.Fix)}";
                sb.Append("::").Append(command)
                  .Append(" file=").Append(Property(PathDisplay.Relative(f.Location.File, currentDirectory)))
                  .Append(",line=").Append(f.Location.Line)
                  .Append(",col=").Append(f.Location.Column)
                  .Append(",title=").Append(Property(title))
                  .Append("::").Append(Data(message))
                  .Append('\n');
            }
        sb.Append(AnalysisTextWriter.Summary(analysis));
        int suppressed = analysis.Tables.Sum(t => t.Suppressed.Count);
        int baselined = analysis.Findings.Count(facts.IsBaselined);
        if (suppressed > 0) sb.Append($" {suppressed} suppressed.");
        if (baselined > 0) sb.Append($" {baselined} in the baseline.");
        if (facts.Absent.Count > 0) sb.Append($" {facts.Absent.Count} baseline entr{(facts.Absent.Count == 1 ? "y" : "ies")} no longer found.");
        return sb.Append('\n').ToString();
    }

    /// <summary>The message of a workflow command: %, CR and LF are escaped so that one command stays on one line.</summary>
    public static string Data(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property value (file, title): also ':' and ',' are escaped, since they separate properties.</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
