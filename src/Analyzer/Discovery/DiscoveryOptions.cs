namespace SchemaNorm.Analyzer.Discovery;

/// <summary>What to discover and within which bounds. Every bound that cuts a search short is named in <see cref="DiscoveryResult.Limits"/>.</summary>
public sealed record DiscoveryOptions
{
    public NullSemantics Nulls { get; init; } = NullSemantics.Equal;

    /// <summary>The largest left-hand side (FDs) or combination (UCCs) searched; null for no bound.</summary>
    public int? MaxLhs { get; init; }

    /// <summary>
    /// The largest g3 error accepted: the fraction of rows one must delete for the FD to hold exactly.
    /// 0 for exact FDs. With a positive bound the result holds every FD within it whose left side has no
    /// proper subset within it.
    /// </summary>
    public double MaxError { get; init; }

    /// <summary>Discover functional dependencies.</summary>
    public bool Fds { get; init; } = true;

    /// <summary>Discover minimal unique column combinations.</summary>
    public bool Uccs { get; init; } = true;

    /// <summary>Discover multivalued dependencies (for 4NF).</summary>
    public bool Mvds { get; init; }

    /// <summary>Discover join dependencies of three or more components on all-key tables (for 5NF).</summary>
    public bool Jds { get; init; }

    /// <summary>MVDs are searched on tables of at most this many columns (the search is exponential in the width).</summary>
    public int MvdMaxColumns { get; init; } = 12;

    /// <summary>JDs are searched on tables of at most this many columns.</summary>
    public int JdMaxColumns { get; init; } = 10;

    /// <summary>Stop after this long and return what is certain so far (named in the limits).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// Memory the discovery's own structures may use. Past it, sampling stops and the largest left-hand
    /// side searched is lowered rather than failing. Null: 40% of the memory available to the process.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>
    /// Worker threads (1 = single-threaded): candidates are validated on this many, and a wide table's FD
    /// induction is split over them (one FD tree per thread, each for a share of the right-hand sides).
    /// </summary>
    public int Threads { get; init; } = 1;

    public IProgress<DiscoveryProgress>? Progress { get; init; }

    /// <summary>Cancelling throws <see cref="OperationCanceledException"/>; use <see cref="TimeLimit"/> for a partial result.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Which exact FD strategy to use (tests pin it to exercise each one).</summary>
    internal FdStrategy Strategy { get; init; }

    /// <summary>
    /// Simulated time for tests: each read of the clock by a search bounded at k columns (int.MaxValue outside
    /// the searches) advances it by Step(k), so that a test can make deep searches slow and trip a time limit at
    /// a chosen point. Null: the system clock.
    /// </summary>
    internal Func<int, TimeSpan>? SimulatedStep { get; init; }

    /// <summary>
    /// After a one-shot search stops at its time limit, search again with bounded left sides, one column
    /// deeper each time (tests turn it off to compare with the one-shot search alone).
    /// </summary>
    internal bool Deepen { get; init; } = true;
}

/// <summary>How exact FDs are found.</summary>
internal enum FdStrategy
{
    /// <summary>All row pairs when they are few, sampling and validation otherwise.</summary>
    Auto,

    /// <summary>Compare every pair of rows: the complete negative cover, no validation (FDep's idea).</summary>
    AllPairs,

    /// <summary>Sample row pairs, induce, validate with partitions, repeat (HyFD).</summary>
    Hybrid,

    /// <summary>Sample, induce, then compare every pair (what Auto does when validation looks costlier).</summary>
    SampleThenAllPairs,
}
