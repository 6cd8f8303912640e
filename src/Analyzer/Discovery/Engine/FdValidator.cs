namespace SchemaNorm.Analyzer.Discovery.Engine;

/// <summary>
/// Checks candidate FDs X -> A against all rows. The rows of X's most selective column's stripped
/// partition are split further by each other column of X, probing a table indexed by that column's codes
/// (no hashing of value tuples) and dropping groups of one row as soon as they appear; every remaining
/// group is then compared row against first row with vector compares, which yields the whole agree set of
/// a violating pair: a new non-FD for the negative cover, refuting more than the one candidate.
/// One instance holds the scratch buffers of one thread.
/// </summary>
internal sealed class FdValidator<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private int[] _rowsA, _rowsB, _startsA, _startsB;
    private readonly PartitionRefiner _refiner;

    public FdValidator(EncodedRelation rel)
    {
        _rel = rel;
        int n = Math.Max(rel.RowCount, 2);
        _rowsA = new int[n];
        _rowsB = new int[n];
        _startsA = new int[n / 2 + 2];
        _startsB = new int[n / 2 + 2];
        _refiner = new PartitionRefiner(n, rel.MaxDistinct);
    }

    /// <summary>Rows compared in the final groups (a measure of the work done).</summary>
    public long Comparisons { get; private set; }

    /// <summary>
    /// Returns the subset of <paramref name="rhs"/> that <paramref name="lhs"/> determines. For each right side
    /// found violated, the agree set of one violating pair is added to <paramref name="violations"/>.
    /// The key pseudo-attribute (outside every agree set) is violated by any group of two or more rows.
    /// </summary>
    public T Validate(T lhs, T rhs, List<T> violations)
    {
        var remaining = rhs;
        int n = _rel.RowCount;
        if (lhs.IsEmpty)
        {
            if (n < 2) return rhs;
            for (int r = 1; r < n && !remaining.IsEmpty; r++) Check(0, r, ref remaining, violations);
            return remaining;
        }

        int pivot = lhs.First();
        var pli = _rel.Partitions[pivot];
        int[] rows = pli.Rows, starts = pli.Starts;
        int groups = pli.ClusterCount;
        bool inScratchA = false;
        for (int a = lhs.Next(pivot); a >= 0 && groups > 0; a = lhs.Next(a))
        {
            var outRows = inScratchA ? _rowsB : _rowsA;
            var outStarts = inScratchA ? _startsB : _startsA;
            groups = _refiner.Refine(rows, starts, groups, _rel.Codes[a], outRows, outStarts);
            rows = outRows;
            starts = outStarts;
            inScratchA = !inScratchA;
        }

        for (int g = 0; g < groups; g++)
        {
            int s = starts[g], e = starts[g + 1];
            int first = rows[s];
            for (int i = s + 1; i < e; i++)
            {
                Check(first, rows[i], ref remaining, violations);
                if (remaining.IsEmpty) return remaining;
            }
        }
        return remaining;
    }

    private void Check(int r1, int r2, ref T remaining, List<T> violations)
    {
        Comparisons++;
        var agree = _rel.Agree<T>(r1, r2);
        var broken = remaining.AndNot(agree);
        if (broken.IsEmpty) return;
        remaining = remaining.AndNot(broken);
        violations.Add(agree);
    }
}
