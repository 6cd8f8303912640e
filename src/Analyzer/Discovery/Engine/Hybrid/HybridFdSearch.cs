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
/// </summary>
internal sealed class HybridFdSearch<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private readonly RunControl _control;
    private readonly T _universe;
    private readonly FdTree<T> _tree;
    private readonly AgreeSetStore<T> _store;
    private readonly int _threads;
    private readonly List<(int Node, T Lhs, T Rhs)> _level = [];
    private FdValidator<T>[] _validators = [];

    public HybridFdSearch(EncodedRelation rel, T universe, int maxLhs, int threads, RunControl control)
    {
        _rel = rel;
        _universe = universe;
        _control = control;
        _threads = Math.Max(1, threads);
        int m = rel.ColumnCount;
        _store = new AgreeSetStore<T>(m);
        _tree = new FdTree<T>(m, Math.Min(maxLhs, m));
        control.MemoryProbe = () => _rel.MemoryBytes + _store.MemoryBytes + _tree.MemoryBytes;
        // 40% of what is left after the rows: growing the node array by half needs 2.5 times the live nodes.
        _tree.NodeBudget = Math.Max(1024, (long)((control.MemoryBudget - rel.MemoryBytes) * 0.4 / FdTree<T>.BytesPerNode));

        var real = universe & T.FirstN(m);
        if (!real.IsEmpty) _tree.Add(T.Empty, real);
        if (universe.Contains(m))
        {
            var key = T.Empty.With(m);
            // Nothing is unique among two or more rows on no columns: start the keys from single columns.
            if (rel.RowCount < 2) _tree.Add(T.Empty, key);
            else if (_tree.MaxDepth >= 1)
                for (int a = 0; a < m; a++) _tree.Add(T.Empty.With(a), key);
        }
    }

    public FdTree<T> Tree => _tree;

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
        var nodes = new List<(int Node, T Lhs, T Rhs)>();
        _tree.CollectAll(nodes);
        double rows = 0;
        foreach (var (_, lhs, _) in nodes)
            rows += lhs.IsEmpty ? n : _rel.Partitions[lhs.First()].Size;
        return allPairs < rows * EngineTuning.ValidationRowCost;
    }

    private void RunHybrid(FdStrategy strategy)
    {
        Strategy = "sampling and validation";
        var sampler = new PairSampler<T>(_rel, _store);
        _control.MemoryProbe = () => _rel.MemoryBytes + _store.MemoryBytes + _tree.MemoryBytes + sampler.MemoryBytes;
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
            _control.Report(DiscoveryPhase.Induction, 0, pending.Count, _tree.FdCount, force: true);
            for (int i = 0; i < pending.Count; i++)
            {
                _tree.Specialize(pending[i], _universe);
                if (_tree.DepthLowered) Degrade();
                // The clock after every set: on a wide table without a bound one set can take milliseconds
                // (thousands of FDs refuted and specialised), so checking every few hundred overran a time
                // limit by minutes. A clock read is tens of nanoseconds; a set costs microseconds at least.
                if (_control.PastShare(share))
                {
                    _store.ReturnPending(pending, i + 1);
                    return false;
                }
                if ((i & 15) == 15)
                {
                    _control.Report(DiscoveryPhase.Induction, i, pending.Count, _tree.FdCount);
                    if (_control.OverMemory) Degrade();
                }
            }
            return true;
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
            if (level > _tree.MaxDepth || _tree.DeepestLevel() < level)
            {
                CompleteLevel = int.MaxValue;
                return;
            }
            _tree.CollectLevel(level, _level);
            Rounds++;
            _control.Report(DiscoveryPhase.Validation, level, _level.Count, _tree.FdCount, force: true);
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
            for (int i = 0; i < violations.Count; i++)
            {
                _tree.Specialize(violations[i], _universe);
                if (_tree.DepthLowered) Degrade(keep: level);
                // Stopped before every violation is applied, the level still holds invalid candidates:
                // it is not complete, the levels below it are.
                if (_control.ShouldStop)
                {
                    InductionTime += System.Diagnostics.Stopwatch.GetElapsedTime(istart);
                    return;
                }
                if ((i & 15) == 15 && _control.OverMemory) Degrade(keep: level);
            }
            InductionTime += System.Diagnostics.Stopwatch.GetElapsedTime(istart);
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
    /// level the tree already lowered itself to), and free what lies deeper; never below
    /// <paramref name="keep"/>, a level just validated.
    /// </summary>
    private void Degrade(int keep = -1)
    {
        int target = _tree.DepthLowered ? _tree.MaxDepth : Math.Min(_tree.DeepestLevel(), _tree.MaxDepth) - 1;
        target = Math.Max(Math.Max(1, Math.Max(CompleteLevel, keep)), target);
        if (target >= _tree.MaxDepth && !_tree.DepthLowered) return;
        _tree.Truncate(target);
        GC.Collect();
        _control.SetLimit("memory", $"memory budget of {_control.MemoryBudget / (1024 * 1024)} MB reached: left-hand sides limited to {_tree.MaxDepth} columns");
    }
}
