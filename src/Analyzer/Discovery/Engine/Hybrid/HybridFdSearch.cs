using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

/// <summary>
/// Exact minimal FDs and unique column combinations, HyFD's way (Papenbrock &amp; Naumann, SIGMOD 2016;
/// for keys HyUCC, 2017): agree sets of sampled row pairs form a negative cover, the positive cover
/// (<see cref="FdTree{T}"/>) is induced from it, and candidates are then validated level by level against
/// the stripped partitions; the agree sets of the pairs that break a candidate refine the cover, and when
/// too many candidates fail, sampling resumes with a lower threshold.
/// <para>
/// When the table has few rows, every pair is compared instead (FDep's complete negative cover, Flach &amp;
/// Savnik 1999): no validation is then needed, and this is what wins on short tables with very many FDs
/// (horse: 300 rows, 128,726 FDs), where validation of each candidate would dominate.
/// </para>
/// <para>
/// Unique column combinations ride along as FDs on a pseudo-column (bit <c>m</c>) on which no two rows
/// agree: X -> m holds exactly when no two rows share their X values.
/// </para>
/// <para>
/// With more than one thread on a wide table, the right-hand sides are dealt out to several trees, one per
/// thread: specialising for A only ever touches FDs with right side A, so each tree takes every agree set
/// on its own thread without sharing anything, and its subset searches prune harder (a subtree's union
/// holds only its share). Validation and the result read the trees side by side as one.
/// </para>
/// </summary>
internal sealed class HybridFdSearch<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private readonly RunControl _control;
    private readonly FdTree<T>[] _trees;
    private readonly T[] _rhsOf; // the right-hand sides each tree searches for
    private readonly long _relBytes;
    private readonly AgreeSetStore<T> _store;
    private readonly int _threads;
    private readonly List<(int Node, T Lhs, T Rhs)> _level = [];
    private FdValidator<T>[] _validators = [];

    public HybridFdSearch(EncodedRelation rel, T universe, int maxLhs, int threads, RunControl control)
    {
        _rel = rel;
        _control = control;
        _threads = Math.Max(1, threads);
        int m = rel.ColumnCount;
        _store = new AgreeSetStore<T>(m);
        // Narrow tables keep one tree: their induction is short and a second walk would not pay.
        int count = m >= EngineTuning.SplitInductionColumns ? Math.Min(_threads, universe.Count) : 1;
        _trees = new FdTree<T>[count];
        _rhsOf = new T[count];
        // Columns dealt out in turn, so that each tree gets columns from all over the table.
        for (int a = 0; a <= m; a++)
            if (universe.Contains(a)) _rhsOf[a % count] = _rhsOf[a % count].With(a);
        // 40% of what is left after the rows: growing the node array by half needs 2.5 times the live nodes.
        long budget = Math.Max(1024, (long)((control.MemoryBudget - rel.MemoryBytes) * 0.4 / FdTree<T>.BytesPerNode));
        for (int t = 0; t < count; t++)
            _trees[t] = new FdTree<T>(m, Math.Min(maxLhs, m)) { NodeBudget = Math.Max(1024, budget / count) };
        _relBytes = rel.MemoryBytes; // fixed during the search; summed over every column it showed in profiles
        control.MemoryProbe = () => _relBytes + _store.MemoryBytes + TreeBytes;

        for (int t = 0; t < count; t++)
        {
            var tree = _trees[t];
            var real = _rhsOf[t] & T.FirstN(m);
            if (!real.IsEmpty) tree.Add(T.Empty, real);
            if (_rhsOf[t].Contains(m))
            {
                var key = T.Empty.With(m);
                // Nothing is unique among two or more rows on no columns: start the keys from single columns.
                if (rel.RowCount < 2) tree.Add(T.Empty, key);
                else if (tree.MaxDepth >= 1)
                    for (int a = 0; a < m; a++) tree.Add(T.Empty.With(a), key);
            }
        }
    }

    private long TreeBytes
    {
        get
        {
            long bytes = 0;
            foreach (var tree in _trees) bytes += tree.MemoryBytes;
            return bytes;
        }
    }

    /// <summary>The trees that share out the right-hand sides (one unless the induction runs on several threads).</summary>
    internal int TreeCount => _trees.Length;

    /// <summary>The largest left-hand side searched (lowered when the memory budget runs out).</summary>
    public int MaxDepth => _trees[0].MaxDepth;

    /// <summary>FDs the trees left out because they would exceed the largest left-hand side searched.</summary>
    public long DroppedByDepth
    {
        get
        {
            long dropped = 0;
            foreach (var tree in _trees) dropped += tree.DroppedByDepth;
            return dropped;
        }
    }

    /// <summary>Calls <paramref name="action"/> with each left-hand side up to the given depth and all its right sides, depth first.</summary>
    public void ForEachFd(int maxDepth, Action<T, T> action) => FdTree<T>.ForEach(_trees, maxDepth, action);

    private long FdCount
    {
        get
        {
            long count = 0;
            foreach (var tree in _trees) count += tree.FdCount;
            return count;
        }
    }

    private int DeepestLevel()
    {
        int deepest = -1;
        foreach (var tree in _trees) deepest = Math.Max(deepest, tree.DeepestLevel());
        return deepest;
    }

    /// <summary>Levels up to this one hold exactly the minimal FDs of that size (int.MaxValue: all levels).</summary>
    public int CompleteLevel { get; private set; } = -1;

    public string Strategy { get; private set; } = "";
    public long SampledComparisons { get; private set; }
    public long ValidationComparisons => _validators.Sum(v => v.Comparisons);
    public long Validations { get; private set; }
    public long AgreeSets => _store.Count;
    public int Rounds { get; private set; }
    public TimeSpan SamplingTime { get; private set; }
    public TimeSpan InductionTime { get; private set; }
    public TimeSpan ValidationTime { get; private set; }

    public void Run(FdStrategy strategy)
    {
        bool allPairs = strategy == FdStrategy.AllPairs ||
                        (strategy == FdStrategy.Auto && _rel.RowCount <= EngineTuning.AllPairsRowLimit);
        if (allPairs) RunAllPairs();
        else RunHybrid(strategy);
    }

    /// <summary>Share of a time limit that comparing pairs, sampling and induction may use before validation starts.</summary>
    private const double SearchShare = 0.6;

    private void RunAllPairs()
    {
        Strategy = "all pairs";
        int n = _rel.RowCount;
        long pairs = 0;
        _control.Report(DiscoveryPhase.Sampling, 0, 0, 0, force: true);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        bool complete = true;
        for (int i = 0; i < n - 1; i++)
        {
            if ((i & 63) == 0 && (_control.PastShare(SearchShare) || _control.OverMemory))
            {
                complete = false;
                break;
            }
            for (int j = i + 1; j < n; j++) _store.Add(_rel.Agree<T>(i, j));
            pairs += n - 1 - i;
            _control.Report(DiscoveryPhase.Sampling, 0, pairs, _store.Count);
        }
        SampledComparisons = pairs;
        SamplingTime += System.Diagnostics.Stopwatch.GetElapsedTime(start);
        if (complete && Induce(SearchShare))
        {
            CompleteLevel = int.MaxValue;
            return;
        }
        // Stopped early (time or memory): the negative cover is partial, so validate what was induced.
        Strategy = "all pairs, then validation";
        ValidateLevels();
    }

    /// <summary>
    /// Compares the estimated cost of validating the candidates now in the tree (rows of each left side's
    /// pivot partition) with that of comparing every pair of rows.
    /// </summary>
    private bool AllPairsLookCheaper()
    {
        long n = _rel.RowCount;
        double allPairs = n * (n - 1) / 2.0 * (_store.UsesBitmap ? EngineTuning.PairCostBitmap : EngineTuning.PairCostHashed);
        double rows = 0;
        ForEachFd(int.MaxValue, (lhs, _) => rows += lhs.IsEmpty ? n : _rel.Partitions[lhs.First()].Size);
        return allPairs < rows * EngineTuning.ValidationRowCost;
    }

    private void RunHybrid(FdStrategy strategy)
    {
        Strategy = "sampling and validation";
        var sampler = new PairSampler<T>(_rel, _store);
        _control.MemoryProbe = () => _relBytes + _store.MemoryBytes + TreeBytes + sampler.MemoryBytes;
        double threshold = EngineTuning.SamplingThreshold;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        sampler.Run(threshold, _control, SearchShare);
        SamplingTime += System.Diagnostics.Stopwatch.GetElapsedTime(start);
        SampledComparisons = sampler.Comparisons;
        Induce(SearchShare);
        if (strategy == FdStrategy.SampleThenAllPairs || (strategy == FdStrategy.Auto && AllPairsLookCheaper()))
        {
            // Many candidates over large partitions (mushroom: 3,584 FDs, few distinct values): comparing
            // every pair once is cheaper than validating them, and leaves nothing to validate.
            RunAllPairs();
            Strategy = "sampling, then all pairs";
            return;
        }
        ValidateLevels(sampler, threshold);
    }

    /// <summary>
    /// Specialises the tree with every agree set not yet used, largest first. Returns false when stopped
    /// (past the given share of the time limit); the sets not used stay pending.
    /// </summary>
    private bool Induce(double share = 1.0)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var pending = _store.TakePending();
            _control.Report(DiscoveryPhase.Induction, 0, pending.Count, FdCount, force: true);
            int applied = SpecializeAll(pending, () => _control.PastShare(share), keep: -1, report: true, out bool stopped);
            if (stopped) _store.ReturnPending(pending, applied);
            return !stopped;
        }
        finally
        {
            InductionTime += System.Diagnostics.Stopwatch.GetElapsedTime(start);
        }
    }

    /// <summary>
    /// Validates the tree level by level. A level is final once validated: later non-FDs cannot touch a
    /// valid FD, and its invalid candidates have been specialised one level down.
    /// </summary>
    private void ValidateLevels(PairSampler<T>? sampler = null, double threshold = 0)
    {
        var violations = new List<T>();
        int level = Math.Max(0, CompleteLevel + 1);
        while (true)
        {
            if (_control.ShouldStop) return;
            if (level > MaxDepth || DeepestLevel() < level)
            {
                CompleteLevel = int.MaxValue;
                return;
            }
            CollectLevel(level);
            Rounds++;
            _control.Report(DiscoveryPhase.Validation, level, _level.Count, FdCount, force: true);
            violations.Clear();
            long candidates = 0, invalid = 0;
            long vstart = System.Diagnostics.Stopwatch.GetTimestamp();
            bool finished = ValidateLevel(violations, ref candidates, ref invalid);
            ValidationTime += System.Diagnostics.Stopwatch.GetElapsedTime(vstart);
            if (!finished) return;
            Validations += candidates;
            // Each invalid candidate lies inside the agree set of its violation: specialising with these
            // removes it, whether or not the set was seen before (an earlier induction may have been cut short).
            var seen = new HashSet<T>();
            violations.RemoveAll(v => !seen.Add(v));
            foreach (var v in violations) _store.Add(v, pending: false);
            long istart = System.Diagnostics.Stopwatch.GetTimestamp();
            violations.Sort(static (a, b) => b.Count.CompareTo(a.Count));
            // Stopped before every violation is applied, the level still holds invalid candidates:
            // it is not complete, the levels below it are.
            SpecializeAll(violations, () => _control.ShouldStop, keep: level, report: false, out bool stopped);
            InductionTime += System.Diagnostics.Stopwatch.GetElapsedTime(istart);
            if (stopped) return;
            CompleteLevel = level;
            if (!Induce()) return;
            if (_control.OverMemory) Degrade();
            level++;
            // Many failures mean the sample was poor: sample more before validating deeper levels.
            if (sampler is not null && invalid > EngineTuning.ResampleShare * candidates && !_control.OverMemory)
            {
                threshold /= 2;
                long before = sampler.Comparisons;
                long sstart = System.Diagnostics.Stopwatch.GetTimestamp();
                sampler.Run(threshold, _control, SearchShare);
                SamplingTime += System.Diagnostics.Stopwatch.GetElapsedTime(sstart);
                SampledComparisons += sampler.Comparisons - before;
                Induce(SearchShare);
            }
        }
    }

    /// <summary>Validates the collected level; returns false when stopped part-way.</summary>
    private bool ValidateLevel(List<T> violations, ref long candidates, ref long invalid)
    {
        if (_validators.Length == 0)
        {
            _validators = new FdValidator<T>[_threads];
            for (int t = 0; t < _threads; t++) _validators[t] = new FdValidator<T>(_rel);
        }
        var nodes = _level;
        foreach (var node in nodes) candidates += node.Rhs.Count;
        var valid = new T[nodes.Count];
        if (_threads == 1 || nodes.Count < 16)
        {
            var validator = _validators[0];
            for (int i = 0; i < nodes.Count; i++)
            {
                if ((i & 63) == 63 && _control.ShouldStop) return false;
                valid[i] = validator.Validate(nodes[i].Lhs, nodes[i].Rhs, violations);
            }
        }
        else
        {
            var perThread = new List<T>[_threads];
            bool stopped = false;
            // Contiguous ranges, so that each thread sees left sides in depth-first order and reuses prefixes.
            int chunk = (nodes.Count + _threads - 1) / _threads;
            Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, t =>
            {
                var list = perThread[t] = [];
                var validator = _validators[t];
                for (int i = t * chunk; i < Math.Min(nodes.Count, (t + 1) * chunk); i++)
                {
                    if (Volatile.Read(ref stopped)) return;
                    valid[i] = validator.Validate(nodes[i].Lhs, nodes[i].Rhs, list);
                    if (t == 0 && (i & 63) == 0 && _control.ShouldStop) Volatile.Write(ref stopped, true);
                }
            });
            if (stopped || _control.ShouldStop) return false;
            foreach (var list in perThread) violations.AddRange(list);
        }
        for (int i = 0; i < nodes.Count; i++) invalid += nodes[i].Rhs.AndNot(valid[i]).Count;
        return true;
    }

    /// <summary>
    /// Over the memory budget: search one column less on the left than the deepest level now held (or the
    /// level a tree already lowered itself to), and free what lies deeper; never below
    /// <paramref name="keep"/>, a level just validated. Every tree is cut to the same depth.
    /// </summary>
    private void Degrade(int keep = -1)
    {
        bool lowered = false;
        int maxDepth = int.MaxValue, deepest = DeepestLevel(), target = -1;
        foreach (var tree in _trees)
        {
            lowered |= tree.DepthLowered;
            maxDepth = Math.Min(maxDepth, tree.MaxDepth);
        }
        if (lowered)
        {
            // What one tree holding every right side would have lowered itself to: a tree that did lowered
            // from its own deepest level, the others would have from theirs.
            foreach (var tree in _trees)
                target = Math.Max(target, tree.DepthLowered ? tree.MaxDepth : Math.Max(1, Math.Min(tree.DeepestLevel(), tree.MaxDepth) - 1));
        }
        else target = Math.Min(deepest, maxDepth) - 1;
        target = Math.Max(Math.Max(1, Math.Max(CompleteLevel, keep)), target);
        if (target >= maxDepth && !lowered) return;
        foreach (var tree in _trees) tree.Truncate(target);
        GC.Collect();
        _control.SetLimit("memory", $"memory budget of {_control.MemoryBudget / (1024 * 1024)} MB reached: left-hand sides limited to {MaxDepth} columns");
    }

    /// <summary>The left-hand sides of the given size that hold FDs, with all their right sides, in depth-first order.</summary>
    private void CollectLevel(int level)
    {
        if (_trees.Length == 1)
        {
            _trees[0].CollectLevel(level, _level);
            return;
        }
        _level.Clear();
        ForEachFd(level, (lhs, rhs) =>
        {
            if (lhs.Count == level) _level.Add((-1, lhs, rhs));
        });
    }

    /// <summary>
    /// Specialises every tree with <paramref name="sets"/> in order, each tree on its own thread; past the
    /// memory budget (or when a tree lowers its depth) the threads pause for <see cref="Degrade"/> and go on.
    /// Returns how many sets every tree has taken; <paramref name="stopped"/> when <paramref name="stop"/>
    /// said so after a set. A set some trees took beyond that count may be applied again: it is a no-op then.
    /// </summary>
    private int SpecializeAll(List<T> sets, Func<bool> stop, int keep, bool report, out bool stopped)
    {
        stopped = false;
        int count = _trees.Length;
        var next = new int[count]; // the next set each tree takes
        while (true)
        {
            int pause = 0; // Stop | Shrink, set by any thread, read by all between sets
            var failures = new Exception?[count];
            void Work(int t)
            {
                try
                {
                    var tree = _trees[t];
                    var rhs = _rhsOf[t];
                    int i = next[t];
                    while (i < sets.Count && Volatile.Read(ref pause) == 0)
                    {
                        tree.Specialize(sets[i], rhs);
                        i++;
                        if (tree.DepthLowered) Interlocked.Or(ref pause, Shrink);
                        // The clock after every set: on a wide table without a bound one set can take
                        // milliseconds (thousands of FDs refuted and specialised), so checking every few hundred
                        // overran a time limit by minutes. A clock read is tens of nanoseconds; a set costs
                        // microseconds at least.
                        if (stop()) Interlocked.Or(ref pause, Stop);
                        if ((i & 15) == 0)
                        {
                            if (report && t == 0) _control.Report(DiscoveryPhase.Induction, i, sets.Count, tree.FdCount);
                            if (_control.OverMemory) Interlocked.Or(ref pause, Shrink);
                        }
                    }
                    next[t] = i;
                }
                catch (Exception e)
                {
                    failures[t] = e;
                    Interlocked.Or(ref pause, Stop);
                }
            }
            // One tree runs on the calling thread alone. Others on plain threads: a pool worker spins when
            // idle, which costs CPU on a loaded machine.
            var threads = new Thread[count - 1];
            for (int t = 1; t < count; t++)
            {
                int index = t;
                threads[t - 1] = new Thread(() => Work(index)) { IsBackground = true, Name = "fd-induction" };
                threads[t - 1].Start();
            }
            Work(0);
            foreach (var thread in threads) thread.Join();
            foreach (var failure in failures)
                if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            if ((pause & Shrink) != 0) Degrade(keep);
            int taken = next.Min();
            if ((pause & Stop) != 0)
            {
                stopped = true;
                return taken;
            }
            if (taken == sets.Count) return taken;
        }
    }

    private const int Stop = 1, Shrink = 2;
}
