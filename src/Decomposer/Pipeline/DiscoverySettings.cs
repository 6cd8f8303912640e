using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>
/// A dependency the config file rejects: it must not be taken from sample data, however well the rows
/// support it. Column names are as written (unquoted); an FD with several columns on the right rejects
/// each of them.
/// </summary>
public sealed record RejectedDependency(
    QualifiedName Table, DependencyKind Kind, IReadOnlyList<string> Lhs, IReadOnlyList<string> Rhs, string? Reason, SourceLocation Location);

/// <summary>
/// How to look for dependencies in sample data (in the tool: the command line's <c>--nulls</c>, <c>--max-lhs</c>,
/// <c>--max-error</c> over the config file's <c>discovery</c> section), plus the dependencies the config rejects.
/// Null means "the discovery's own default".
/// </summary>
public sealed record DiscoverySettings
{
    /// <summary>True when two NULLs count as the same value (the default, as in the literature's counts).</summary>
    public bool NullsEqual { get; init; } = true;
    public int? SampleSize { get; init; }
    public int? MaxLhs { get; init; }
    public double? MaxError { get; init; }
    public double? MinPlausibility { get; init; }
    public IReadOnlyList<RejectedDependency> Rejected { get; init; } = [];

    /// <summary>
    /// How long each table's search may take, and then, separately, the choice of design dependencies
    /// from what it found (--discovery-timeout, discovery.timeout); null for the run's default.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A day: more is a typo, and TimeSpan arithmetic stays far from overflow.</summary>
    public const int MaxTimeoutSeconds = 86_400;
}
