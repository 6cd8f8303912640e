using System.Text;
using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;

namespace SchemaNorm.Cli.Tests.Docs;

/// <summary>
/// The lists of rules that documents repeat (the rule table, the config schema's rule ids, the README's rule
/// line), made from the rule descriptors. Each method takes a file's committed text and returns it with
/// the list regenerated; the rest of the file is left as it is.
/// </summary>
internal static partial class GeneratedRuleLists
{
    public const string Begin = "<!-- generated from the rule descriptors: SCHEMANORM_WRITE_DOCS=1 dotnet test tests/Cli.Tests --filter GeneratedDocs -->";
    public const string End = "<!-- end of generated list -->";

    private static IReadOnlyList<RuleDescriptor> Rules => AnalysisRules.Descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>docs/rules/README.md: one row per rule, linked to its page.</summary>
    public static string RuleTable(string committed)
    {
        var sb = new StringBuilder();
        sb.Append("| id | title | normal form | default severity |\n|---|---|---|---|\n");
        foreach (var d in Rules)
            sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Title} | {d.NormalForm.Display()} | {Severity(d)} |\n");
        return ReplaceBetweenMarkers(committed, sb.ToString());
    }

    /// <summary>README.md: the rule ids grouped by the normal form they protect.</summary>
    public static string ReadmeRuleLine(string committed)
    {
        var groups = Rules.GroupBy(d => d.NormalForm).OrderBy(g => g.Key)
            .Select(g => $"{Ids(g.Select(d => d.Id).ToList())} ({g.Key.Display()})");
        return ReplaceBetweenMarkers(committed, $"One page per rule in [`docs/rules`](docs/rules/README.md): {string.Join(", ", groups)}.\n");
    }

    /// <summary>docs/schemanorm.schema.json: the properties of "rules" and the enum of a suppression's "rule".</summary>
    public static string ConfigSchema(string committed)
    {
        var levels = RuleLevelBlock().Match(committed);
        if (!levels.Success) throw new InvalidOperationException("the schema has no block of \"SNxxxx\": { \"$ref\": \"#/definitions/ruleLevel\" } lines");
        var indent = levels.Groups["indent"].Value;
        var block = string.Join(",\n", Rules.Select(d => $"{indent}\"{d.Id}\": {{ \"$ref\": \"#/definitions/ruleLevel\" }}")) + "\n";
        var text = committed[..levels.Index] + block + committed[(levels.Index + levels.Length)..];
        var ids = string.Join(", ", Rules.Select(d => $"\"{d.Id}\""));
        return SuppressionRuleEnum().Replace(text, $"\"rule\": {{ \"enum\": [{ids}] }}");
    }

    private static string Severity(RuleDescriptor d)
    {
        var level = d.DefaultSeverity.ToString().ToLowerInvariant();
        return d.SeverityNote is { } note ? $"{level} ({note})" : level;
    }

    /// <summary>SN1001–SN1004 for a run of consecutive numbers, else the ids one by one.</summary>
    private static string Ids(IReadOnlyList<string> ids)
    {
        var numbers = ids.Select(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        bool consecutive = numbers.Zip(numbers.Skip(1), (a, b) => b - a).All(step => step == 1);
        return ids.Count > 2 && consecutive ? $"{ids[0]}–{ids[^1]}" : string.Join(", ", ids);
    }

    private static string ReplaceBetweenMarkers(string committed, string generated)
    {
        int begin = committed.IndexOf(Begin, StringComparison.Ordinal);
        int end = committed.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"the file has no '{Begin}' ... '{End}' markers");
        int start = begin + Begin.Length + 1;
        return committed[..start] + generated + committed[end..];
    }

    [GeneratedRegex(@"(?<indent>[ ]+)""SN\d{4}"": \{ ""\$ref"": ""#/definitions/ruleLevel"" \}(,\n[ ]+""SN\d{4}"": \{ ""\$ref"": ""#/definitions/ruleLevel"" \})*\n")]
    private static partial Regex RuleLevelBlock();

    [GeneratedRegex(@"""rule"": \{ ""enum"": \[[^\]]*\] \}")]
    private static partial Regex SuppressionRuleEnum();
}
