namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// The rules, in the order they run: the order of their ids, so 1NF first (the numbering is on
/// <see cref="RuleDescriptor.Id"/>). No reflection: adding a rule means adding it here.
/// </summary>
public static class AnalysisRules
{
    internal static IReadOnlyList<ITableRule> All { get; } =
    [
        new NoKeyRule(),
        new RepeatingGroupRule(),
        new MultiValuedColumnRule(),
        new EntityAttributeValueRule(),
        new PartialDependencyRule(),
        new TransitiveDependencyRule(),
        new NonKeyDeterminantRule(),
        new MultivaluedDependencyRule(),
        new JoinDependencyRule(),
    ];

    /// <summary>Every rule's descriptor, in run order.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = All.Select(r => r.Descriptor).ToList();

    public static RuleDescriptor? Find(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
