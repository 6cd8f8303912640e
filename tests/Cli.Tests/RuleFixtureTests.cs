using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// Each rule's cases as SQL files (RuleFixtures/&lt;id&gt;/): reports.sql gives the rule once, on the line below
/// its <c>-- expect: &lt;id&gt;</c> comment; clean.sql, the same design fixed, gives none. See RuleFixtures/README.md.
/// </summary>
public sealed partial class RuleFixtureTests
{
    private static string Folder(string ruleId) => Path.Combine(TestPaths.RepoRoot, "tests", "Cli.Tests", "RuleFixtures", ruleId);

    public static TheoryData<string> RuleIds => [.. AnalysisRules.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Reports_sql_gives_the_rule_once_on_the_marked_line(string ruleId)
    {
        var file = Path.Combine(Folder(ruleId), "reports.sql");
        Assert.True(File.Exists(file), $"rule {ruleId} has no fixture {file}");
        var marked = File.ReadAllLines(file).Select((text, i) => (text, line: i + 1))
            .Where(l => l.text.Trim() == $"-- expect: {ruleId}").Select(l => l.line + 1).ToList();
        Assert.True(marked.Count == 1, $"{file} must mark one line with '-- expect: {ruleId}' above it");

        var findings = Findings(file).Where(f => f.RuleId == ruleId).ToList();
        Assert.Equal([marked[0]], findings.Select(f => f.Line));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Clean_sql_gives_no_finding_of_the_rule(string ruleId)
    {
        var file = Path.Combine(Folder(ruleId), "clean.sql");
        Assert.True(File.Exists(file), $"rule {ruleId} has no fixture {file}");
        Assert.DoesNotContain(Findings(file), f => f.RuleId == ruleId);
    }

    /// <summary>The findings of analyze at the strictest target (so that no rule is held back), one per compact line.</summary>
    private static List<(string RuleId, int Line)> Findings(string file)
    {
        var run = CliRunner.RunIn(Path.GetDirectoryName(file)!, "analyze", Path.GetFileName(file), "--format", "compact", "--target", "5NF", "-q");
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => CompactLine().Match(l))
            .Select(m => (m.Groups["rule"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex(@"^[^:]+:(?<line>\d+):\d+: \w+ (?<rule>SN\d{4}) ")]
    private static partial Regex CompactLine();
}
