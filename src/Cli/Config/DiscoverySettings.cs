using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Config;

/// <summary>
/// A dependency the config file rejects: it must not be taken from sample data, however well the rows
/// support it. Column names are as written (unquoted); an FD with several columns on the right rejects
/// each of them.
/// </summary>
public sealed record RejectedDependency(
    QualifiedName Table, DependencyKind Kind, IReadOnlyList<string> Lhs, IReadOnlyList<string> Rhs, string? Reason, SourceLocation Location);

/// <summary>
/// How to look for dependencies in sample data: the command line (<c>--nulls</c>, <c>--max-lhs</c>,
/// <c>--max-error</c>) over the config file's <c>discovery</c> section, plus the dependencies it rejects.
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

    public static DiscoverySettings From(ParsedArguments args, SchemaNormConfig? config)
    {
        var d = config?.Discovery ?? new DiscoveryConfig();
        var nulls = args.Has("nulls") ? args.Choice("nulls", "equal", "equal", "distinct") : d.Nulls ?? "equal";
        return new DiscoverySettings
        {
            NullsEqual = nulls == "equal",
            SampleSize = args.Int("sample-size", min: 1) ?? d.SampleSize,
            MaxLhs = args.Int("max-lhs", min: 0) ?? d.MaxLhs,
            MaxError = args.Double("max-error", 0, 1) ?? d.MaxError,
            MinPlausibility = d.MinPlausibility,
            Rejected = config?.RejectedDependencies
                .Select(r => new RejectedDependency(r.Table, r.Dependency.Kind, r.Dependency.Lhs, r.Dependency.Rhs, r.Reason, r.Location))
                .ToList() ?? [],
        };
    }
}
