using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Decomposer.Algebra;

namespace SchemaNorm.Decomposer;

/// <summary>What a decomposition aims for and how far it may search.</summary>
public sealed record DecompositionOptions
{
    public static DecompositionOptions Default { get; } = new();

    /// <summary>3NF (synthesis), BCNF (the default), 4NF or 5NF. Weaker targets are served by the 3NF synthesis.</summary>
    public NormalForm Target { get; init; } = NormalForm.BCNF;

    public SpaceLimits Limits { get; init; } = SpaceLimits.Default;

    /// <summary>Act on dependencies inferred from the schema's shape (source <c>schema</c>), as the analysis does when it trusts them.</summary>
    public bool TrustSchemaInference { get; init; }

    /// <summary>
    /// Split on FDs found only in sample rows when they look real (no NULL on the left, repeated left-side
    /// values, unlikely to hold by chance). Off: such FDs still count for keys and normal forms, but no
    /// table is split on them.
    /// </summary>
    public bool SplitOnDataDependencies { get; init; } = true;

    /// <summary>A data-only FD is acted on when the chance that it holds by accident in the rows is below 10^this.</summary>
    public double MaxLog10AccidentChance { get; init; } = -3;

    /// <summary>
    /// A data-only FD whose left side does not look like an identifier is acted on only when at least this
    /// fraction of the table's rows repeat its fact (the redundancy a split would remove).
    /// </summary>
    public double MinDataRedundancy { get; init; } = 0.1;

    /// <summary>
    /// A data-only FD X -> Y with a part X' of X such that X' -> Y holds but for at most this share of the
    /// rows is not acted on: the rest of X only tells the exceptions apart.
    /// </summary>
    public double MaxExceptionShare { get; init; } = SchemaNorm.Analyzer.Discovery.DesignDependencies.MaxExceptionShare;

    /// <summary>Decide whether a dependency-preserving BCNF decomposition exists (BCNF target), and offer the 3NF synthesis when not.</summary>
    public bool DecidePreservation { get; init; } = true;

    /// <summary>Check the proposal on the sample rows: project, join back, compare.</summary>
    public bool VerifyOnData { get; init; } = true;
}
