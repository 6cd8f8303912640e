using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

/// <summary>
/// Checks candidate FDs X -> A against all rows. X's partition is built from the stripped partition of
/// its first (most selective) column, split by each further column by probing (<see cref="PartitionRefiner"/>),
/// groups of one row dropped as soon as they appear. Candidates arrive in the FD tree's depth-first order,
/// so consecutive left sides share prefixes: the partitions of the prefixes are kept on a stack and only
/// the part after the shared prefix is recomputed.
/// <para>
/// A right side is checked column by column over the final groups (one int per row); a violation's
/// rows are then compared whole with vector compares, which yields their full agree set: a new non-FD
/// for the negative cover, refuting more than the one candidate.
/// </para>
/// One instance holds the scratch of one thread.
/// </summary>
internal sealed class FdValidator<T> where T : struct, IBits<T>, IEquatable<T>
{
    private readonly EncodedRelation _rel;
    private readonly PartitionRefiner _refiner;
    private readonly int _keyBit;

    // The prefix stack: _attrs[i] is the (i+1)-th column of the cached left side, whose first i+1 columns
    // have the partition (_rows[i], _starts[i], _groups[i]); level 0 is a column's stripped partition itself.
    private readonly int[] _attrs;
    private readonly int[][] _rows;
    private readonly int[][] _starts;
    private readonly int[] _groups;
    private int _cached;
    private readonly int[] _lhs;
    private readonly int _largest;

    public FdValidator(EncodedRelation rel)
    {
        _rel = rel;
        _refiner = new PartitionRefiner(rel.RowCount, rel.MaxDistinct);
        int m = rel.ColumnCount;
        _keyBit = m;
        _attrs = new int[m + 1];
        _rows = new int[m + 1][];
        _starts = new int[m + 1][];
        _groups = new int[m + 1];
        _lhs = new int[m + 1];
        _largest = rel.Partitions.Length == 0 ? 0 : rel.Partitions.Max(p => p.Size);
    }

    /// <summary>Row comparisons made (a measure of the work done).</summary>
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

        int k = 0;
        for (int a = lhs.First(); a >= 0; a = lhs.Next(a)) _lhs[k++] = a;
        int depth = Partition(k);
        int[] rows = depth == 0 ? _rel.Partitions[_lhs[0]].Rows : _rows[depth];
        int[] starts = depth == 0 ? _rel.Partitions[_lhs[0]].Starts : _starts[depth];
        int groups = _groups[depth];
        if (groups == 0) return remaining;

        if (remaining.Contains(_keyBit)) Check(rows[starts[0]], rows[starts[0] + 1], ref remaining, violations);
        for (int a = remaining.First(); a >= 0 && a < _keyBit; a = remaining.Next(a))
        {
            var codes = _rel.Codes[a];
            for (int g = 0; g < groups; g++)
            {
                int s = starts[g], e = starts[g + 1];
                int first = rows[s];
                int value = codes[first];
                int i = s + 1;
                while (i < e && codes[rows[i]] == value) i++;
                if (i < e)
                {
                    Check(first, rows[i], ref remaining, violations);
                    break;
                }
            }
        }
        return remaining;
    }

    /// <summary>Brings the prefix stack to the left side in _lhs[0..k); returns the stack level of its partition.</summary>
    private int Partition(int k)
    {
        // Reuse the levels whose columns match.
        int shared = 0;
        while (shared < _cached && shared < k && _attrs[shared] == _lhs[shared]) shared++;
        if (shared == 0)
        {
            var pli = _rel.Partitions[_lhs[0]];
            _attrs[0] = _lhs[0];
            _groups[0] = pli.ClusterCount;
            shared = 1;
        }
        for (int i = shared; i < k; i++)
        {
            int[] inRows = i == 1 ? _rel.Partitions[_attrs[0]].Rows : _rows[i - 1];
            int[] inStarts = i == 1 ? _rel.Partitions[_attrs[0]].Starts : _starts[i - 1];
            if (_rows[i] is null)
            {
                _rows[i] = new int[Math.Max(_largest, 2)];
                _starts[i] = new int[_largest / 2 + 2];
            }
            _attrs[i] = _lhs[i];
            _groups[i] = _groups[i - 1] == 0 ? 0 : _refiner.Refine(inRows, inStarts, _groups[i - 1], _rel.Codes[_lhs[i]], _rows[i], _starts[i]);
        }
        _cached = k;
        return k - 1;
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
