namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// What a rule is, independent of any table: its id, title, the normal form it protects, its default
/// severity, a one-line summary, and its help page (docs/rules/&lt;Id&gt;.md).
/// </summary>
public sealed record RuleDescriptor(string Id, string Title, NormalForm NormalForm, Severity DefaultSeverity, string Summary)
{
    /// <summary>The rule's page, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";

    /// <summary>When the severity differs from the default, in a few words for the rule list (e.g. "error when sample rows repeat").</summary>
    public string? SeverityNote { get; init; }

    public override string ToString() => $"{Id} {Title}";
}
