using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Docs;

/// <summary>The SQL under each rule page's "## Example" heading, analyzed as a user would, shows that rule.</summary>
public sealed partial class RulePageExampleTests
{
    public static TheoryData<string> RuleIds => [.. AnalysisRules.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_example_on_the_rule_page_reports_the_rule(string ruleId)
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", ruleId + ".md")).ReplaceLineEndings("\n");
        var example = ExampleSql(page);
        Assert.True(example is not null, $"docs/rules/{ruleId}.md has no ```sql block under its '## Example' heading");

        using var dir = new CliRunner.Scratch();
        dir.Write("example.sql", example);
        var run = CliRunner.RunIn(dir.Root, "analyze", "example.sql", "--format", "json", "--target", "5NF", "-q");
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var rules = json.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("findings").EnumerateArray())
            .Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains(ruleId, rules);
    }

    /// <summary>The first SQL code block between "## Example" and the next heading of that level.</summary>
    private static string? ExampleSql(string page)
    {
        var section = ExampleSection().Match(page);
        if (!section.Success) return null;
        var block = SqlBlock().Match(section.Groups["body"].Value);
        return block.Success ? block.Groups["sql"].Value : null;
    }

    [GeneratedRegex(@"^## Example\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ExampleSection();

    [GeneratedRegex(@"^```sql\n(?<sql>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
