using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>Counters that show where the work went.</summary>
public sealed record DiscoveryStatistics
{
    public string Strategy { get; init; } = "";
    public long SampledComparisons { get; init; }
    public long ValidationComparisons { get; init; }
    public long AgreeSets { get; init; }
    public long Validations { get; init; }
    public int Rounds { get; init; }
    public TimeSpan SamplingTime { get; init; }
    public TimeSpan InductionTime { get; init; }
    public TimeSpan ValidationTime { get; init; }
    /// <summary>MVD and JD candidates tested against the rows (those the keys and FDs settle are not).</summary>
    public long MultivaluedTests { get; init; }
    public TimeSpan Elapsed { get; init; }
    public long PeakStructureBytes { get; init; }
}

/// <summary>What <see cref="DependencyDiscovery.Discover"/> found. Column numbers are those of the table.</summary>
public sealed class DiscoveryResult
{
    public required int RowCount { get; init; }
    public required int ColumnCount { get; init; }

    /// <summary>The columns searched (the observed ones).</summary>
    public required AttributeSet Columns { get; init; }

    public required NullSemantics Nulls { get; init; }
    public required double MaxError { get; init; }

    /// <summary>Minimal non-trivial FDs with one column on the right, sorted by left side then right side.</summary>
    public IReadOnlyList<DiscoveredFd> Fds { get; init; } = [];

    /// <summary>Minimal unique column combinations under <see cref="Nulls"/> (the literature's notion).</summary>
    public IReadOnlyList<AttributeSet> UniqueColumnCombinations { get; init; } = [];

    /// <summary>
    /// The unique column combinations that could be a PRIMARY KEY: none of their columns holds a NULL in
    /// the rows (SQL rules a NULL out of a key). Every minimal one among the NULL-free columns is listed.
    /// </summary>
    public IReadOnlyList<AttributeSet> KeyCandidates { get; init; } = [];

    public IReadOnlyList<DiscoveredMvd> Mvds { get; init; } = [];
    public IReadOnlyList<DiscoveredJd> Jds { get; init; } = [];

    /// <summary>What was bounded or stopped early, in words; empty when every search ran to completion.</summary>
    public IReadOnlyList<string> Limits { get; init; } = [];

    /// <summary>The largest left-hand side up to which the FD and UCC lists are complete, or null when complete without bound.</summary>
    public int? CompleteUpToLhs { get; init; }

    public DiscoveryStatistics Statistics { get; init; } = new();

    public bool IsComplete => Limits.Count == 0;

    /// <summary>These FDs with the unique column combinations of another search over the same rows (one bounded differently).</summary>
    public DiscoveryResult WithKeys(DiscoveryResult keys) =>
        Combined(keys.UniqueColumnCombinations, keys.KeyCandidates, Mvds, Jds, keys.Limits);

    /// <summary>This result with the MVDs and JDs of a second run on the same rows (and both runs' limits).</summary>
    public DiscoveryResult WithMultivalued(DiscoveryResult other) =>
        Combined(UniqueColumnCombinations, KeyCandidates, other.Mvds, other.Jds, other.Limits);

    private DiscoveryResult Combined(IReadOnlyList<AttributeSet> uniqueColumnCombinations, IReadOnlyList<AttributeSet> keyCandidates,
        IReadOnlyList<DiscoveredMvd> mvds, IReadOnlyList<DiscoveredJd> jds, IEnumerable<string> moreLimits) => new()
    {
        RowCount = RowCount,
        ColumnCount = ColumnCount,
        Columns = Columns,
        Nulls = Nulls,
        MaxError = MaxError,
        Fds = Fds,
        UniqueColumnCombinations = uniqueColumnCombinations,
        KeyCandidates = keyCandidates,
        Mvds = mvds,
        Jds = jds,
        Limits = Limits.Concat(moreLimits).Distinct().ToList(),
        CompleteUpToLhs = CompleteUpToLhs,
        Statistics = Statistics,
    };
}
