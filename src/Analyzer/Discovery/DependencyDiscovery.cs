using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery.Engine.Approximate;
using SchemaNorm.Analyzer.Discovery.Engine.Common;
using SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// Discovers dependencies from sample rows: exact or approximate minimal FDs, minimal unique column
/// combinations, and on request MVDs and JDs. Pure: takes the rows and options, returns values.
/// <para>
/// Exact FDs: all row pairs on short tables (FDep), sampling + partition validation otherwise (HyFD);
/// see <see cref="HybridFdSearch{T}"/>. Approximate FDs (g3): a level-wise lattice search with stripped
/// partitions (TANE); see <see cref="ApproximateFdSearch{T}"/>.
/// </para>
/// </summary>
public static class DependencyDiscovery
{
    /// <summary>The widest table searched: one bit of 1024 is the key pseudo-column.</summary>
    public const int MaxColumns = 1023;

    public static DiscoveryResult Discover(TableData data, DiscoveryOptions? options = null)
    {
        options ??= new DiscoveryOptions();
        ArgumentNullException.ThrowIfNull(data);
        if (options.MaxError is < 0 or > 1 || double.IsNaN(options.MaxError))
            throw new ArgumentOutOfRangeException(nameof(options), "MaxError must lie in [0, 1]");
        if (options.MaxLhs is < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxLhs must not be negative");
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), "Threads must be at least 1");

        var control = new RunControl(options);
        var columns = data.ObservedColumns.ToArray().ToList();
        if (columns.Count > MaxColumns)
        {
            control.AddLimit($"only the first {MaxColumns} of {columns.Count} columns were searched");
            columns = columns.Take(MaxColumns).ToList();
        }
        control.Report(DiscoveryPhase.Preparing, Math.Max(0, Math.Min(columns.Count - 1, options.MaxLhs ?? int.MaxValue)), columns.Count, 0, force: true);
        var rel = EncodedRelation.Create(data, columns, options.Nulls);
        int width = rel.ColumnCount + 1;
        var result = width <= 64 ? Run<Bits64>(data, rel, options, control)
            : width <= 128 ? Run<Bits128>(data, rel, options, control)
            : width <= 256 ? Run<Bits256>(data, rel, options, control)
            : width <= 512 ? Run<Bits512>(data, rel, options, control)
            : Run<Bits1024>(data, rel, options, control);
        control.Report(DiscoveryPhase.Done, 0, 0, result.Fds.Count, force: true);
        return result;
    }

    /// <summary>
    /// Sorts by left side (size, then column order, as <see cref="AttributeSet.CompareTo"/>) and right side.
    /// With every left-side column below 64 the order is that of (size, bit-reversed word descending, right
    /// side): the first column where two left sides differ is the highest bit where their reversals differ.
    /// </summary>
    private static void SortFds(List<DiscoveredFd> fds)
    {
        if (fds.Any(f => f.Lhs.WordCount > 1))
        {
            fds.Sort(static (x, y) =>
            {
                int c = x.Lhs.CompareTo(y.Lhs);
                return c != 0 ? c : x.Rhs.CompareTo(y.Rhs);
            });
            return;
        }
        // One 128-bit key per FD: size, then the reversed word complemented (so ascending), then right side.
        var keys = new UInt128[fds.Count];
        for (int i = 0; i < fds.Count; i++)
        {
            ulong w = fds[i].Lhs.Word(0);
            keys[i] = ((UInt128)(ulong)System.Numerics.BitOperations.PopCount(w) << 96)
                      | ((UInt128)~ReverseBits(w) << 32)
                      | (uint)fds[i].Rhs;
        }
        var items = fds.ToArray();
        Array.Sort(keys, items);
        fds.Clear();
        fds.AddRange(items);
    }

    private static ulong ReverseBits(ulong x)
    {
        x = ((x >> 1) & 0x5555555555555555UL) | ((x & 0x5555555555555555UL) << 1);
        x = ((x >> 2) & 0x3333333333333333UL) | ((x & 0x3333333333333333UL) << 2);
        x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FUL) | ((x & 0x0F0F0F0F0F0F0F0FUL) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(x);
    }

    /// <summary>An engine bit set as table columns, in <paramref name="target"/>.</summary>
    private static void ToColumns<T>(T bits, int[] columnOf, ulong[] target) where T : struct, IBits<T>, IEquatable<T>
    {
        Array.Clear(target);
        for (int b = bits.First(); b >= 0; b = bits.Next(b))
        {
            int c = columnOf[b];
            target[c >> 6] |= 1UL << (c & 63);
        }
    }

    /// <summary>A sorted list of FDs as a compact list (consecutive FDs with one left side form a group).</summary>
    private static DiscoveredFdList Grouped(List<DiscoveredFd> fds, int words)
    {
        var list = new DiscoveredFdList(words);
        var lhsWords = new ulong[words];
        for (int i = 0; i < fds.Count; i++)
        {
            if (i == 0 || fds[i].Lhs != fds[i - 1].Lhs)
            {
                for (int w = 0; w < words; w++) lhsWords[w] = fds[i].Lhs.Word(w);
                list.BeginGroup(lhsWords);
            }
            list.Add(fds[i].Rhs, fds[i].Error);
        }
        return list;
    }

    /// <summary>
    /// Exact FDs per left side (table columns), sorted as <see cref="SortFds"/> sorts single FDs: left sides by
    /// size, then at the first column where they differ the one holding it first; right sides ascending.
    /// </summary>
    private sealed class FdGroups(int words)
    {
        private ulong[] _lhs = new ulong[words * 16];
        private ulong[] _rhs = new ulong[words * 16];
        private int[] _size = new int[16];
        private int _count;

        public void Add(ulong[] lhs, ulong[] rhs)
        {
            if (_count == _size.Length)
            {
                Array.Resize(ref _size, _count * 2);
                Array.Resize(ref _lhs, _count * 2 * words);
                Array.Resize(ref _rhs, _count * 2 * words);
            }
            lhs.CopyTo(_lhs, _count * words);
            rhs.CopyTo(_rhs, _count * words);
            int size = 0;
            foreach (var w in lhs) size += System.Numerics.BitOperations.PopCount(w);
            _size[_count++] = size;
        }

        private int Compare(int x, int y)
        {
            int c = _size[x].CompareTo(_size[y]);
            if (c != 0) return c;
            for (int w = 0; w < words; w++)
            {
                ulong a = _lhs[x * words + w], diff = a ^ _lhs[y * words + w];
                if (diff != 0) return (a & diff & (~diff + 1)) != 0 ? -1 : 1;
            }
            return 0;
        }

        public DiscoveredFdList Sorted()
        {
            var order = new int[_count];
            for (int i = 0; i < _count; i++) order[i] = i;
            Array.Sort(order, Compare);
            var list = new DiscoveredFdList(words);
            foreach (int g in order)
            {
                list.BeginGroup(_lhs.AsSpan(g * words, words));
                for (int w = 0; w < words; w++)
                    for (ulong bits = _rhs[g * words + w]; bits != 0; bits &= bits - 1)
                        list.Add(w * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits));
            }
            return list;
        }
    }

    /// <summary>What one exact search collected: FDs and keys exact up to <see cref="Complete"/> columns on the left.</summary>
    private sealed class SearchOutcome
    {
        public DiscoveredFdList? Exact;
        public readonly List<AttributeSet> Uccs = [];
        public readonly List<ulong> KnownKeys = []; // keys and exact FDs as engine positions, for the MVD search (tables under 64 columns)
        public readonly List<(ulong, int)> KnownFds = [];
        /// <summary>The search's complete level: int.MaxValue once every level it was allowed is final.</summary>
        public int Complete;
        /// <summary>The bound it was searched with.</summary>
        public int Bound;
        /// <summary>The largest left side its tree ended up holding (below <see cref="Bound"/> after a memory budget lowered it).</summary>
        public int Depth;
        /// <summary>No refuted candidate was left unspecialised for the bound: the bound cut nothing off.</summary>
        public bool DroppedNothing;
        public DiscoveryStatistics Statistics = new();
        public required RunControl Control;

        /// <summary>How far the lists are exact (int.MaxValue: all the way).</summary>
        public int ExactUpTo =>
            Complete != int.MaxValue ? Math.Max(Complete, -1)
            : Depth < Bound ? Depth
            : DroppedNothing ? int.MaxValue
            : Bound;
    }

    /// <summary>
    /// Share of a time limit given to the one-shot search when deepening may follow it. The search bounded at
    /// k costs some multiple of the one bounded at k - 1 on the tables that run out of time (uniprot, 223
    /// columns: 37 s at 4 columns, over 10 minutes unbounded), so the half left after a one-shot search that
    /// stops reaches about as deep as the whole limit would, while a table the one-shot search finishes in
    /// half its limit costs what it did.
    /// </summary>
    private const double OneShotShare = 0.5;

    /// <summary>
    /// A bound above this many columns is searched as if there were none (deepening may follow): uniprot's 223
    /// columns finish 4 in 37 s, and on a table wide enough to run out of time a bound past 5 costs about what
    /// none does. A smaller bound is the user's own choice of depth, and keeps the whole limit.
    /// </summary>
    private const int DeepenAboveBound = 5;

    /// <summary>
    /// Runs one exact search (FDs and keys share it) bounded at <paramref name="maxLhs"/> and collects what it
    /// certified, unless that reaches no deeper than <paramref name="beat"/> (a search already kept does).
    /// </summary>
    private static SearchOutcome SearchOnce<T>(EncodedRelation rel, T universe, int maxLhs, int words, DiscoveryOptions options, RunControl control, int beat = -2)
        where T : struct, IBits<T>, IEquatable<T>
    {
        int m = rel.ColumnCount;
        var outcome = new SearchOutcome { Control = control };
        var uccs = outcome.Uccs;
        var knownKeys = outcome.KnownKeys;
        var knownFds = outcome.KnownFds;
        var search = new HybridFdSearch<T>(rel, universe, maxLhs, options.Threads, control);
        search.Run(options.Strategy);
        int complete = search.CompleteLevel;
        outcome.Complete = complete;
        outcome.Bound = maxLhs;
        outcome.Depth = search.MaxDepth;
        // A bound of 0 also leaves out the single-column key candidates, which the tree does not count.
        outcome.DroppedNothing = maxLhs >= 1 && search.DroppedByDepth == 0;
        _ = control.OverMemory; // the peak as the search ends
        control.MemoryProbe = null; // it holds the search's structures, which another attempt may need the room of
        // Past the limit, a list that would be dropped is not worth gathering (millions of FDs take seconds).
        if (outcome.ExactUpTo <= beat) return outcome;
        // FDs gathered per left side in table columns, sorted as groups: no object per FD.
        var groups = new FdGroups(words);
        var lhsWords = new ulong[words];
        var rhsWords = new ulong[words];
        search.ForEachFd(complete, (lhs, rhs) =>
        {
            if (rhs.Contains(m))
            {
                var lhsSet = Bits.ToAttributeSet(lhs, rel.ColumnOf);
                uccs.Add(lhsSet);
                if (m < 64) knownKeys.Add(lhs.Word(0));
                rhs = rhs.Without(m);
            }
            if (rhs.IsEmpty) return;
            if (m < 64)
                for (int a = rhs.First(); a >= 0; a = rhs.Next(a)) knownFds.Add((lhs.Word(0), a));
            ToColumns(lhs, rel.ColumnOf, lhsWords);
            ToColumns(rhs, rel.ColumnOf, rhsWords);
            groups.Add(lhsWords, rhsWords);
        });
        if (options.Fds && options.MaxError <= 0) outcome.Exact = groups.Sorted();
        outcome.Statistics = new DiscoveryStatistics
        {
            Strategy = search.Strategy,
            SampledComparisons = search.SampledComparisons,
            ValidationComparisons = search.ValidationComparisons,
            AgreeSets = search.AgreeSets,
            Validations = search.Validations,
            Rounds = search.Rounds,
            SamplingTime = search.SamplingTime,
            InductionTime = search.InductionTime,
            ValidationTime = search.ValidationTime,
        };
        return outcome;
    }

    /// <summary>
    /// The exact search under a time limit: one search bounded at <paramref name="maxLhs"/> with part of the
    /// limit; if it stops with levels unfinished, searches bounded at one column more than the deepest
    /// finished level, then one more, until the limit (iterative deepening: a bounded search certifies every
    /// level up to its bound, and costs far less than the unbounded one when the deep levels are what is
    /// slow). Returns the search that certified the most levels, with the level it is exact up to; its
    /// limits (and only its) are taken over by <paramref name="control"/>.
    /// </summary>
    private static (SearchOutcome Outcome, int ExactUpTo) SearchExact<T>(EncodedRelation rel, T universe, int maxLhs, int words,
        DiscoveryOptions options, RunControl control, bool deepen)
        where T : struct, IBits<T>, IEquatable<T>
    {
        var first = control.Attempt(deepen ? control.Limit * OneShotShare : null, maxLhs);
        var best = SearchOnce(rel, universe, maxLhs, words, options, first);
        int bestLevel = best.Complete == int.MaxValue ? int.MaxValue : Math.Max(best.Complete, -1);
        string? memoryStop = null;
        if (deepen && first.TimedOut && bestLevel != int.MaxValue)
        {
            GC.Collect(); // the stopped search's tree can be gigabytes: return it before the next one grows
            for (int k = Math.Max(bestLevel + 1, 1); k < maxLhs && !control.ShouldStop; k++)
            {
                var attempt = control.Attempt(null, k);
                var next = SearchOnce(rel, universe, k, words, options, attempt, beat: bestLevel);
                control.NotePeak(attempt);
                int level = next.ExactUpTo;
                if (level > bestLevel)
                {
                    best = next;
                    bestLevel = level;
                }
                if (level >= k) continue; // finished its bound (or everything): one column more
                if (!attempt.TimedOut && next.Depth < k)
                    memoryStop = $"memory budget of {control.MemoryBudget / (1024 * 1024)} MB reached when searching {k} columns on the left";
                break;
            }
        }
        control.NotePeak(first);
        control.Adopt(best.Control);
        if (memoryStop is not null) control.AddLimit(memoryStop);
        return (best, bestLevel);
    }

    private static DiscoveryResult Run<T>(TableData data, EncodedRelation rel, DiscoveryOptions options, RunControl control)
        where T : struct, IBits<T>, IEquatable<T>
    {
        int m = rel.ColumnCount;
        int maxLhs = Math.Min(options.MaxLhs ?? m, m);
        bool approximate = options.MaxError > 0;
        var fds = new List<DiscoveredFd>(); // approximate FDs
        DiscoveredFdList? exact = null;
        int words = (rel.ColumnOf.Length == 0 ? 0 : rel.ColumnOf.Max() >> 6) + 1;
        var uccs = new List<AttributeSet>();
        List<ulong> knownKeys = []; // keys and exact FDs as engine positions, for the MVD search (tables under 64 columns)
        List<(ulong, int)> knownFds = [];
        int? completeUpTo = null;
        var statistics = new DiscoveryStatistics();

        // Exact FDs and keys share one search; with an error bound, the search only looks for keys.
        var universe = T.Empty;
        if (options.Fds && !approximate) universe |= T.FirstN(m);
        if (options.Uccs) universe = universe.With(m);
        if (!universe.IsEmpty)
        {
            // Deepening when the time limit is the only bound that matters (no bound, or one as costly as
            // none); not before the approximate search, which needs its share of the limit.
            bool deepen = options.Deepen && options.TimeLimit is not null && !(options.Fds && approximate)
                          && (options.MaxLhs is null || options.MaxLhs > DeepenAboveBound);
            var (outcome, complete) = SearchExact(rel, universe, maxLhs, words, options, control, deepen);
            exact = outcome.Exact;
            uccs.AddRange(outcome.Uccs);
            knownKeys = outcome.KnownKeys;
            knownFds = outcome.KnownFds;
            if (complete != int.MaxValue)
            {
                completeUpTo = complete;
                control.AddLimit(complete < 0
                    ? "time limit reached before any level of the FD search was complete: no FDs or keys reported"
                    : $"time limit reached: FDs and keys are complete only up to {complete} columns on the left");
            }
            statistics = outcome.Statistics;
            if (outcome.Depth < outcome.Bound) completeUpTo = Math.Min(completeUpTo ?? int.MaxValue, outcome.Depth);
        }

        if (options.Fds && approximate)
        {
            var approx = new ApproximateFdSearch<T>(rel, options.MaxError, maxLhs, control);
            approx.Run();
            foreach (var (lhs, rhs, error) in approx.Found)
                fds.Add(new DiscoveredFd(Bits.ToAttributeSet(lhs, rel.ColumnOf), rel.ColumnOf[rhs], error));
            if (approx.CompleteLevel != int.MaxValue)
                completeUpTo = Math.Min(completeUpTo ?? int.MaxValue, approx.CompleteLevel);
            statistics = statistics with { Strategy = statistics.Strategy.Length == 0 ? "level-wise (g3)" : statistics.Strategy + "; level-wise (g3)" };
        }

        if (options.MaxLhs is { } bound && bound < m - 1)
        {
            control.AddLimit($"left-hand sides and key candidates limited to {bound} columns (max-lhs)");
            completeUpTo = Math.Min(completeUpTo ?? int.MaxValue, bound);
        }

        SortFds(fds);
        var fdList = exact ?? Grouped(fds, words);
        uccs.Sort();

        // SQL rules a NULL out of a key: keep the combinations whose columns hold no NULL.
        var nullable = AttributeSet.Empty;
        for (int p = 0; p < m; p++)
            if (rel.HasNulls[p]) nullable = nullable.With(rel.ColumnOf[p]);
        var keyCandidates = uccs.Where(u => !u.Overlaps(nullable)).ToList();

        var mvds = new List<DiscoveredMvd>();
        var jds = new List<DiscoveredJd>();
        if (options.Mvds || options.Jds)
        {
            // The FD list is every minimal FD of the rows only when no bound or limit cut the search short.
            bool fdsComplete = options.Fds && !approximate && completeUpTo is null && control.Limits.Count == 0;
            var finder = new MultivaluedDependencyFinder(rel, options, control, new KnownDependencies(knownKeys, knownFds, fdsComplete));
            if (options.Mvds) mvds.AddRange(finder.FindMvds());
            if (options.Jds) jds.AddRange(finder.FindJds());
            statistics = statistics with { MultivaluedTests = finder.Tests };
        }
        if (mvds.Count > 0 && jds.Count > 0)
        {
            // A JD that the MVDs found beside it already imply says nothing new (CTX's MVD implies its
            // three-way JD): keep the JDs that need stating.
            var searched = AttributeSet.Of(rel.ColumnOf);
            var stated = mvds.Select(x => x.ToDependency()).ToList();
            jds.RemoveAll(j => j.ToDependency().Attributes == searched &&
                               Chase.ImpliesJd(searched, j.ToDependency(), [], stated));
        }

        statistics = statistics with { Elapsed = control.Elapsed, PeakStructureBytes = control.PeakMemory };
        return new DiscoveryResult
        {
            RowCount = data.RowCount,
            ColumnCount = data.ColumnCount,
            Columns = AttributeSet.Of(rel.ColumnOf),
            Nulls = options.Nulls,
            MaxError = options.MaxError,
            Fds = fdList,
            UniqueColumnCombinations = uccs,
            KeyCandidates = keyCandidates,
            Mvds = mvds,
            Jds = jds,
            Limits = control.Limits.ToList(),
            CompleteUpToLhs = completeUpTo == int.MaxValue ? null : completeUpTo,
            Statistics = statistics,
        };
    }
}
