namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// What a rule is, independent of any table: its id, title, the normal form it protects, its default
/// severity, a one-line summary, and its help page (docs/rules/&lt;Id&gt;.md).
/// </summary>
/// <param name="Id">
/// The stable id, a constant of the rule's class (e.g. <see cref="NoKeyRule.Id"/>). The first digit is the
/// normal form the rule protects (SN1xxx 1NF, SN2xxx 2NF, SN3xxx 3NF, SN35xx BCNF, SN4xxx 4NF, SN5xxx 5NF).
/// An id is never reused for another meaning.
/// </param>
public sealed record RuleDescriptor(string Id, string Title, NormalForm NormalForm, Severity DefaultSeverity, string Summary)
{
    /// <summary>The rule's page, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";

    /// <summary>When the severity differs from the default, in a few words for the rule list (e.g. "error when sample rows repeat").</summary>
    public string? SeverityNote { get; init; }

    public override string ToString() => $"{Id} {Title}";
}
