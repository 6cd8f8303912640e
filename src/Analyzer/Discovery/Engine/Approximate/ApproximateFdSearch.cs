using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Approximate;

/// <summary>
/// Minimal approximate FDs under the g3 error (the fraction of rows to delete for X -> A to hold), by a
/// level-wise walk of the attribute lattice with stripped partitions (TANE, Huhtala et al. 1999, in its
/// approximate form). g3 only falls as X grows, so X -> A is minimal when no X ∖ {B} -> A is within the
/// bound, and each set X carries the right sides still open for it: the intersection of its subsets'
/// open sides, minus what X itself settles. A set with nothing open is not extended.
/// </summary>
internal sealed class ApproximateFdSearch<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private readonly long _maxErrorRows;
    private readonly int _maxLhs;
    private readonly RunControl _control;
    private readonly PartitionRefiner _refiner;

    public ApproximateFdSearch(EncodedRelation rel, double maxError, int maxLhs, RunControl control)
    {
        _rel = rel;
        _maxErrorRows = (long)Math.Floor(maxError * rel.RowCount + 1e-9);
        _maxLhs = maxLhs;
        _control = control;
        _refiner = new PartitionRefiner(rel.RowCount, rel.MaxDistinct);
    }

    public List<(T Lhs, int Rhs, double Error)> Found { get; } = [];

    /// <summary>Levels up to this one are complete (int.MaxValue: all).</summary>
    public int CompleteLevel { get; private set; } = -1;

    private sealed record Node(T Set, StrippedPartition Partition, T Open);

    public void Run()
    {
        int n = _rel.RowCount, m = _rel.ColumnCount;
        var all = T.FirstN(m);

        // Level 0: ∅ -> A, i.e. A is nearly constant.
        var open0 = all;
        for (int a = 0; a < m; a++)
        {
            long error = n == 0 ? 0 : n - MostFrequent(a);
            if (error <= _maxErrorRows)
            {
                Found.Add((T.Empty, a, Ratio(error)));
                open0 = open0.Without(a);
            }
        }
        CompleteLevel = 0;
        if (_maxLhs == 0 || open0.IsEmpty)
        {
            CompleteLevel = int.MaxValue;
            return;
        }

        var level = new List<Node>();
        for (int a = 0; a < m; a++)
        {
            var open = open0.Without(a);
            if (!open.IsEmpty) level.Add(new Node(T.Empty.With(a), _rel.Partitions[a], open));
        }

        for (int k = 1; level.Count > 0; k++)
        {
            _control.Report(DiscoveryPhase.Approximate, k, level.Count, Found.Count, force: true);
            var settled = new Dictionary<T, T>(level.Count);
            for (int i = 0; i < level.Count; i++)
            {
                if ((i & 31) == 31 && _control.ShouldStop) return;
                var node = level[i];
                var open = node.Open;
                var done = T.Empty;
                var p = node.Partition;
                if (p.Redundancy <= _maxErrorRows)
                {
                    // Deleting all but one row of each group makes X unique: every X -> A is within the bound.
                    for (int a = open.First(); a >= 0; a = open.Next(a))
                        Found.Add((node.Set, a, Ratio(_refiner.ErrorRows(p, _rel.Codes[a]))));
                    done = open;
                }
                else
                {
                    for (int a = open.First(); a >= 0; a = open.Next(a))
                    {
                        long error = _refiner.ErrorRows(p, _rel.Codes[a], _maxErrorRows);
                        if (error <= _maxErrorRows)
                        {
                            Found.Add((node.Set, a, Ratio(error)));
                            done = done.With(a);
                        }
                    }
                }
                settled[node.Set] = open.AndNot(done);
            }
            CompleteLevel = k;
            if (k >= _maxLhs) break;
            var next = NextLevel(level, settled);
            if (next is null)
            {
                _control.AddLimit($"memory budget of {_control.MemoryBudget / (1024 * 1024)} MB reached: approximate FDs searched up to {k} columns on the left");
                return;
            }
            if (_control.ShouldStop) return;
            level = next;
        }
        CompleteLevel = int.MaxValue;
    }

    /// <summary>
    /// Apriori generation: X ∪ {b} from two sets of the level that differ only in their last member,
    /// kept when every subset one smaller is in the level and some right side is still open for all of them.
    /// </summary>
    private List<Node>? NextLevel(List<Node> level, Dictionary<T, T> open)
    {
        long current = level.Sum(node => node.Partition.Rows.Length * 4L + node.Partition.Starts.Length * 4L);
        var next = new List<Node>();
        var byPrefix = new Dictionary<T, List<Node>>();
        foreach (var node in level)
        {
            if (open[node.Set].IsEmpty) continue;
            var prefix = node.Set.Without(node.Set.Last());
            if (!byPrefix.TryGetValue(prefix, out var list)) byPrefix[prefix] = list = [];
            list.Add(node);
        }
        long bytes = 0;
        foreach (var block in byPrefix.Values)
        {
            for (int i = 0; i < block.Count; i++)
            for (int j = 0; j < block.Count; j++)
            {
                int b = block[j].Set.Last();
                if (b <= block[i].Set.Last()) continue;
                var set = block[i].Set.With(b);
                var candidates = open[block[i].Set] & open[block[j].Set];
                for (int c = set.First(); c >= 0 && !candidates.IsEmpty; c = set.Next(c))
                {
                    if (!open.TryGetValue(set.Without(c), out var o)) candidates = T.Empty;
                    else candidates &= o;
                }
                candidates = candidates.AndNot(set);
                if (candidates.IsEmpty) continue;
                var partition = _refiner.Intersect(block[i].Partition, _rel.Codes[b]);
                bytes += partition.Rows.Length * 4L + partition.Starts.Length * 4L;
                next.Add(new Node(set, partition, candidates));
            }
            // Both levels are alive while the next one is built: give up on it rather than outgrow the budget.
            _control.MemoryProbe = () => _rel.MemoryBytes + current + bytes;
            if (_control.OverMemory) return null;
            if (_control.ShouldStop) break;
        }
        _control.MemoryProbe = () => _rel.MemoryBytes + bytes;
        return next;
    }

    private int MostFrequent(int a)
    {
        var counts = new int[_rel.Distinct[a]];
        int best = 0;
        foreach (var c in _rel.Codes[a]) best = Math.Max(best, ++counts[c]);
        return best;
    }

    private double Ratio(long errorRows) => _rel.RowCount == 0 ? 0 : (double)errorRows / _rel.RowCount;
}
