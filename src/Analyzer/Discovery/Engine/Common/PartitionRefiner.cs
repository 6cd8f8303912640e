namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// Intersects stripped partitions with a column by probing (TANE's partition product, specialised to
/// one column): each group's rows are counted and then placed by their code in a table indexed by code,
/// with a stamp per group instead of clearing, and groups of one row are dropped. No value tuple is
/// ever hashed. One instance holds the scratch of one thread.
/// </summary>
internal sealed class PartitionRefiner
{
    private readonly int[] _mark, _count, _pos, _touched;
    private int _stamp;

    public PartitionRefiner(int rowCount, int maxDistinct)
    {
        int d = maxDistinct + 1;
        _mark = new int[d];
        _count = new int[d];
        _pos = new int[d];
        _touched = new int[Math.Max(rowCount, 2)];
    }

    /// <summary>
    /// Splits each group (rows <c>rows[starts[g] .. starts[g+1])</c>) by <paramref name="codes"/>, writing
    /// the sub-groups of two or more rows to <paramref name="outRows"/> / <paramref name="outStarts"/>
    /// (which need room for as many rows, and half as many groups plus one). Returns the group count.
    /// </summary>
    public int Refine(int[] rows, int[] starts, int groups, int[] codes, int[] outRows, int[] outStarts)
    {
        int outGroups = 0, outPos = 0;
        for (int g = 0; g < groups; g++)
        {
            int s = starts[g], e = starts[g + 1];
            if (e - s == 2)
            {
                int x = rows[s], y = rows[s + 1];
                if (codes[x] == codes[y])
                {
                    outStarts[outGroups++] = outPos;
                    outRows[outPos++] = x;
                    outRows[outPos++] = y;
                }
                continue;
            }
            int stamp = NextStamp();
            int touched = 0;
            for (int i = s; i < e; i++)
            {
                int c = codes[rows[i]];
                if (_mark[c] != stamp)
                {
                    _mark[c] = stamp;
                    _count[c] = 1;
                    _touched[touched++] = c;
                }
                else _count[c]++;
            }
            if (touched == e - s) continue; // every value differs
            for (int t = 0; t < touched; t++)
            {
                int c = _touched[t];
                if (_count[c] >= 2)
                {
                    outStarts[outGroups++] = outPos;
                    _pos[c] = outPos;
                    outPos += _count[c];
                }
                else _pos[c] = -1;
            }
            for (int i = s; i < e; i++)
            {
                int r = rows[i];
                int c = codes[r];
                int p = _pos[c];
                if (p >= 0)
                {
                    outRows[p] = r;
                    _pos[c] = p + 1;
                }
            }
        }
        outStarts[outGroups] = outPos;
        return outGroups;
    }

    /// <summary>The partition of X ∪ {column}, given X's.</summary>
    public StrippedPartition Intersect(StrippedPartition partition, int[] codes)
    {
        var rows = new int[partition.Size];
        var starts = new int[partition.Size / 2 + 1];
        int groups = Refine(partition.Rows, partition.Starts, partition.ClusterCount, codes, rows, starts);
        int size = starts[groups];
        return new StrippedPartition(rows.AsSpan(0, size).ToArray(), starts.AsSpan(0, groups + 1).ToArray(), groups);
    }

    /// <summary>
    /// g3 of X -> A in rows: Σ over X's groups of (group size − the count of the group's most frequent A
    /// value), stopping early once past <paramref name="stopAbove"/>.
    /// </summary>
    public long ErrorRows(StrippedPartition partition, int[] codes, long stopAbove = long.MaxValue)
    {
        long error = 0;
        var rows = partition.Rows;
        var starts = partition.Starts;
        for (int g = 0; g < partition.ClusterCount; g++)
        {
            int s = starts[g], e = starts[g + 1];
            int stamp = NextStamp();
            int best = 0;
            for (int i = s; i < e; i++)
            {
                int c = codes[rows[i]];
                if (_mark[c] != stamp)
                {
                    _mark[c] = stamp;
                    _count[c] = 0;
                }
                int k = ++_count[c];
                if (k > best) best = k;
            }
            error += e - s - best;
            if (error > stopAbove) return error;
        }
        return error;
    }

    private int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_mark);
            _stamp = 0;
        }
        return ++_stamp;
    }
}
