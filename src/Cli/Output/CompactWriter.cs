using System.Text;
using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// `analyze --format compact`: one line per finding that can fail the run, as compilers and linters write
/// them (<c>db/schema.sql:5:5: warning SN2001 message</c>), for editors' problem matchers and grep.
/// Suppressed and baselined findings are left out; nothing else is written.
/// </summary>
internal sealed class CompactWriter(string currentDirectory, ReportFacts facts)
{
    public string Write(SchemaAnalysis analysis)
    {
        var sb = new StringBuilder();
        foreach (var t in analysis.Tables)
            foreach (var f in t.Findings.Where(f => !facts.IsBaselined(f)))
                sb.Append(Line(f, currentDirectory)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One finding as <c>file:line:col: severity RULE message</c>; the severity coloured when asked (the text report's --quiet).</summary>
    public static string Line(Finding f, string currentDirectory, bool color = false) =>
        $"{PathDisplay.Relative(f.Location.File, currentDirectory)}:{f.Location.Line}:{f.Location.Column}: {Ansi.Severity(f.Severity, color)} {f.RuleId} {OneLine(f.Message)}";

    /// <summary>Line breaks and runs of spaces (and control characters from names) become one space: one finding, one line.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Select(c => char.IsControl(c) ? ' ' : c).ToArray())));
}
