using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

/// <summary>
/// HyFD's sampling phase (Papenbrock &amp; Naumann, SIGMOD 2016): rows that share a value in some column are
/// the only ones whose agree sets are not empty, so within each cluster of each column's stripped
/// partition, rows sorted by their neighbouring columns are compared with the row a window further on.
/// Windows grow progressively per column while they keep finding new agree sets; the column whose last
/// window was most productive goes next, until none reaches the efficiency threshold.
/// </summary>
/// <remarks>
/// A column's clusters are copied once it reaches its third window, row codes in sorted order, so that
/// later windows walk memory in order instead of jumping between rows (the copies count against the
/// memory budget). The copies together stay within the size of the rows themselves, the oldest dropped
/// first: they only make windows faster, and a table of 600,000 wide rows would otherwise hold gigabytes
/// of them.
/// </remarks>
internal sealed unsafe class PairSampler<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private readonly AgreeSetStore<T> _store;
    private readonly int[][] _clusterRows;
    private readonly byte[]?[] _clusterCodes;
    private readonly int[] _window;
    private readonly double[] _efficiency;
    private readonly Queue<int> _copied = new();
    private bool _started;

    private readonly long _copyBudget;

    /// <param name="copyBudgetBytes">Bytes the sorted copies may hold together; null: the rows' own size (at least 1 MiB).</param>
    public PairSampler(EncodedRelation rel, AgreeSetStore<T> store, long? copyBudgetBytes = null)
    {
        _rel = rel;
        _store = store;
        _copyBudget = copyBudgetBytes ?? Math.Max(rel.RecordBytes, 1L << 20);
        int m = rel.ColumnCount;
        _clusterRows = new int[m][];
        _clusterCodes = new byte[m][];
        _window = new int[m];
        _efficiency = new double[m];
    }

    public long Comparisons { get; private set; }

    /// <summary>Bytes held by the sorted copies.</summary>
    public long MemoryBytes { get; private set; }

    /// <summary>Runs windows until no column's last window found new agree sets at the given rate.</summary>
    public void Run(double threshold, RunControl control, double timeShare = 1.0)
    {
        int m = _rel.ColumnCount;
        control.Report(DiscoveryPhase.Sampling, 0, Comparisons, _store.Count, force: true);
        if (!_started)
        {
            _started = true;
            for (int a = 0; a < m && !control.PastShare(timeShare); a++)
            {
                _clusterRows[a] = SortedClusters(a);
                _window[a] = 1;
                RunWindow(a);
            }
        }
        while (!control.PastShare(timeShare) && !control.OverMemory)
        {
            int best = -1;
            for (int a = 0; a < m; a++)
                if (_efficiency[a] >= threshold && (best < 0 || _efficiency[a] > _efficiency[best])) best = a;
            if (best < 0) break;
            // A column that keeps being chosen gets its clusters copied in order (copying costs about one window).
            if (_window[best] == 3 && _clusterCodes[best] is null && !control.OverMemory) Copy(best);
            RunWindow(best);
            control.Report(DiscoveryPhase.Sampling, _window[best], Comparisons, _store.Count);
        }
    }

    /// <summary>Copies column a's clusters in order, dropping the oldest copies to stay within the rows' own size.</summary>
    /// <remarks>
    /// A dropped block is left to the collector, not filled again: on a long table, refilling kept the
    /// collector from running for so long that other garbage raised the peak by a third.
    /// </remarks>
    private void Copy(int a)
    {
        long size = _rel.CopyBytes(_clusterRows[a].Length);
        if (size > _copyBudget) return;
        while (MemoryBytes + size > _copyBudget && _copied.TryDequeue(out int oldest))
        {
            MemoryBytes -= _clusterCodes[oldest]!.Length;
            _clusterCodes[oldest] = null;
        }
        _clusterCodes[a] = _rel.CopyRows(_clusterRows[a]);
        MemoryBytes += _clusterCodes[a]!.Length;
        _copied.Enqueue(a);
    }

    private void RunWindow(int a)
    {
        var pli = _rel.Partitions[a];
        var rows = _clusterRows[a];
        int w = _window[a]++;
        long comparisons = 0;
        int found = 0;
        var codes = _clusterCodes[a];
        int stride = _rel.RowBytes;
        for (int c = 0; c < pli.ClusterCount; c++)
        {
            int s = pli.Starts[c], e = pli.Starts[c + 1];
            if (codes is null)
            {
                // Rows in cluster order lie all over memory: fetch the row a few pairs ahead (in this
                // cluster or the next) while comparing.
                int ahead = rows.Length - PrefetchDistance - w;
                for (int i = s; i + w < e; i++)
                {
                    if (i < ahead) Prefetch(_rel.Row(rows[i + w + PrefetchDistance]), stride);
                    found += Stage(_rel.Agree<T>(rows[i], rows[i + w]));
                }
            }
            else
            {
                byte* p = EncodedRelation.CopyStart(codes);
                for (int i = s; i + w < e; i++)
                    found += Stage(_rel.Agree<T>(p + (long)i * stride, p + (long)(i + w) * stride));
            }
            comparisons += Math.Max(0, e - s - w);
        }
        found += Flush();
        Comparisons += comparisons;
        _efficiency[a] = comparisons == 0 ? 0 : (double)found / comparisons;
    }

    /// <summary>
    /// Agree sets are added to the store in batches, in the order found, each one's slot fetched when it is
    /// staged: in a store larger than the caches the misses of a batch then overlap instead of following one another.
    /// </summary>
    private readonly T[] _batch = new T[16];
    private int _batched;

    /// <summary>Stages a set; returns how many new sets the store took if the batch was full and added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Stage(T set)
    {
        _store.Prefetch(set);
        _batch[_batched++] = set;
        return _batched == _batch.Length ? Flush() : 0;
    }

    private int Flush()
    {
        int found = 0;
        for (int k = 0; k < _batched; k++)
            if (_store.Add(_batch[k])) found++;
        _batched = 0;
        return found;
    }

    /// <summary>Pairs ahead whose second row is fetched: enough to cover a miss to memory at a few nanoseconds a pair.</summary>
    private const int PrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(byte* row, int bytes)
    {
        if (!Sse.IsSupported) return;
        Sse.Prefetch0(row);
        if (bytes > 64) Sse.Prefetch0(row + 64);
    }

    /// <summary>The rows of column a's clusters, each cluster sorted by the next and the previous column's codes.</summary>
    private int[] SortedClusters(int a)
    {
        var pli = _rel.Partitions[a];
        var rows = (int[])pli.Rows.Clone();
        int m = _rel.ColumnCount;
        if (m < 2) return rows;
        var next = _rel.Codes[(a + 1) % m];
        var prev = _rel.Codes[(a + m - 1) % m];
        var keys = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++) keys[i] = ((long)next[rows[i]] << 32) | (uint)prev[rows[i]];
        for (int c = 0; c < pli.ClusterCount; c++)
        {
            int s = pli.Starts[c], len = pli.Starts[c + 1] - s;
            keys.AsSpan(s, len).Sort(rows.AsSpan(s, len));
        }
        return rows;
    }
}
