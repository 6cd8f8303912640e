using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

internal static class RuleAssert
{
    /// <summary>The table has exactly one finding of the rule, and it is returned.</summary>
    public static Finding One(TableAnalysis analysis, string ruleId)
    {
        var found = analysis.Findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.True(found.Count == 1, $"expected one {ruleId} finding, got {found.Count}: {string.Join(" | ", analysis.Findings.Select(f => f.RuleId + " " + f.Message))}");
        return found[0];
    }

    public static void None(TableAnalysis analysis, string ruleId) =>
        Assert.True(analysis.Findings.All(f => f.RuleId != ruleId),
            $"expected no {ruleId} finding: {string.Join(" | ", analysis.Findings.Where(f => f.RuleId == ruleId).Select(f => f.Message))}");

    /// <summary>Every finding is of this rule (the fixture triggers nothing else).</summary>
    public static void Only(TableAnalysis analysis, string ruleId) =>
        Assert.All(analysis.Findings, f => Assert.Equal(ruleId, f.RuleId));
}
