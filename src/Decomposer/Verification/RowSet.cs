using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Verification;

/// <summary>
/// A set of distinct rows over some columns of a table, as dictionary codes (0 = NULL, equal to itself,
/// as the dependency algebra treats it). Projections, natural joins and group counts work on the codes.
/// </summary>
public sealed class RowSet
{
    private HashSet<int[]>? _set;
    private readonly RowGrouping _grouping;

    /// <param name="set">The rows as a set when the caller built one to drop duplicates; otherwise built on first use.</param>
    private RowSet(int[] columns, List<int[]> rows, HashSet<int[]>? set)
    {
        Columns = columns;
        Rows = rows;
        _set = set;
        _grouping = new RowGrouping(rows, columns);
    }

    /// <summary>Source column positions, ascending; Rows[r][i] is the code of Columns[i].</summary>
    public int[] Columns { get; }

    public IReadOnlyList<int[]> Rows { get; }

    public int Count => Rows.Count;

    public bool Contains(int[] row) => (_set ??= new HashSet<int[]>(Rows, TupleComparer.Instance)).Contains(row);

    /// <summary>The distinct rows of <paramref name="data"/> projected onto <paramref name="columns"/>.</summary>
    public static RowSet Project(TableData data, AttributeSet columns)
    {
        var cols = columns.ToArray();
        var set = new HashSet<int[]>(TupleComparer.Instance);
        var rows = new List<int[]>();
        var codes = cols.Select(c => data.Columns[c].Codes).ToArray();
        for (int r = 0; r < data.RowCount; r++)
        {
            var row = new int[cols.Length];
            for (int i = 0; i < cols.Length; i++) row[i] = codes[i][r];
            if (set.Add(row)) rows.Add(row);
        }
        return new RowSet(cols, rows, set);
    }

    /// <summary>These rows projected onto a subset of their columns.</summary>
    public RowSet Project(AttributeSet columns)
    {
        var cols = columns.ToArray();
        var at = cols.Select(c => Array.IndexOf(Columns, c)).ToArray();
        if (at.Any(i => i < 0)) throw new ArgumentException("projection onto columns the rows do not have", nameof(columns));
        var set = new HashSet<int[]>(TupleComparer.Instance);
        var rows = new List<int[]>();
        foreach (var source in Rows)
        {
            var row = new int[at.Length];
            for (int i = 0; i < at.Length; i++) row[i] = source[at[i]];
            if (set.Add(row)) rows.Add(row);
        }
        return new RowSet(cols, rows, set);
    }

    /// <summary>The natural join (equal codes join, NULL with NULL too). Past <paramref name="maxRows"/> it stops and returns null.</summary>
    public RowSet? Join(RowSet other, int maxRows = 5_000_000)
    {
        var all = AttributeSet.Of(Columns) | AttributeSet.Of(other.Columns);
        var cols = all.ToArray();
        var common = Columns.Where(c => Array.IndexOf(other.Columns, c) >= 0).ToArray();
        var myCommon = common.Select(c => Array.IndexOf(Columns, c)).ToArray();
        var theirCommon = common.Select(c => Array.IndexOf(other.Columns, c)).ToArray();
        var index = new Dictionary<int[], List<int[]>>(TupleComparer.Instance);
        foreach (var row in other.Rows)
        {
            var key = Pick(row, theirCommon);
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(row);
        }
        var fromMine = cols.Select(c => Array.IndexOf(Columns, c)).ToArray();
        var fromTheirs = cols.Select(c => Array.IndexOf(other.Columns, c)).ToArray();
        // Both sides are sets, so their join is one: each joined row projects back onto the one pair of rows
        // it came from. No duplicate check needed.
        var rows = new List<int[]>();
        foreach (var row in Rows)
        {
            if (!index.TryGetValue(Pick(row, myCommon), out var matches)) continue;
            foreach (var m in matches)
            {
                var joined = new int[cols.Length];
                for (int i = 0; i < cols.Length; i++) joined[i] = fromMine[i] >= 0 ? row[fromMine[i]] : m[fromTheirs[i]];
                rows.Add(joined);
                if (rows.Count > maxRows) return null;
            }
        }
        return new RowSet(cols, rows, null);
    }

    /// <summary>
    /// Rows grouped by the columns <paramref name="lhs"/>: how many groups, how many with two or more rows,
    /// whether some group key holds a NULL, and the rows that repeat a fact of the columns <paramref name="rhs"/>
    /// (Σ (k − 1) over groups of k rows agreeing on them).
    /// </summary>
    public GroupStatistics Groups(AttributeSet lhs, AttributeSet rhs)
    {
        int n = Rows.Count;
        var l = lhs.ToArray().Select(c => Array.IndexOf(Columns, c)).ToArray();
        var r = rhs.ToArray().Select(c => Array.IndexOf(Columns, c)).ToArray();
        var (lhsIds, groups) = _grouping.Of(lhs);
        var (rhsIds, values) = _grouping.Of(rhs);
        // Groups whose key holds a NULL (an optional reference left empty) must agree, but are no evidence.
        bool nullInLhs = false;
        var nullGroup = new bool[groups];
        for (int i = 0; i < n; i++)
            foreach (var p in l)
                if (Rows[i][p] == ColumnData.NullCode) { nullInLhs = nullGroup[lhsIds[i]] = true; break; }

        var size = new int[groups];
        var firstValue = new int[groups];
        var consistentGroup = new bool[groups];
        for (int i = 0; i < n; i++)
        {
            int g = lhsIds[i];
            if (size[g]++ == 0) { firstValue[g] = rhsIds[i]; consistentGroup[g] = true; }
            else if (rhsIds[i] != firstValue[g]) consistentGroup[g] = false;
        }
        // A right side that is NULL in every column of it says nothing when it repeats.
        var nullRhs = new bool[values];
        for (int i = 0; i < n; i++)
            if (r.Length > 0 && r.All(p => Rows[i][p] == ColumnData.NullCode)) nullRhs[rhsIds[i]] = true;
        int repeated = 0, redundant = 0, consistent = 0, largest = 0, informative = 0;
        var sizes = new Dictionary<int, int>();
        for (int g = 0; g < groups; g++)
        {
            largest = Math.Max(largest, size[g]);
            if (size[g] < 2 || nullGroup[g]) continue;
            repeated++;
            sizes[size[g]] = sizes.GetValueOrDefault(size[g]) + 1;
            if (!consistentGroup[g]) continue;
            consistent++;
            redundant += size[g] - 1;
            if (!nullRhs[firstValue[g]]) informative += size[g] - 1;
        }

        // The chance that X -> Y holds by accident: each group of k rows draws its Y values independently
        // with the observed frequencies, and must draw the same one k times.
        double log10Chance = 0;
        if (r.Length > 0 && sizes.Count > 0)
        {
            var frequency = new int[values];
            foreach (var v in rhsIds) frequency[v]++;
            foreach (var (k, count) in sizes)
            {
                double p = 0;
                foreach (var f in frequency) p += Math.Pow((double)f / n, k);
                log10Chance += count * Math.Log10(Math.Max(p, 1e-300));
            }
        }
        return new GroupStatistics(groups, repeated, consistent, redundant, largest, nullInLhs, log10Chance) { RedundantValueRows = informative };
    }

    /// <summary>
    /// g3 of X -> Y in these rows: the fraction of rows to delete for it to hold (in each group of X values,
    /// all rows but those with the most common Y value).
    /// </summary>
    public double G3(AttributeSet lhs, AttributeSet rhs)
    {
        if (Rows.Count == 0) return 0;
        var (lhsIds, _) = _grouping.Of(lhs);
        var (rhsIds, _) = _grouping.Of(rhs);
        var counts = new Dictionary<long, int>();
        var best = new Dictionary<int, int>();
        var size = new Dictionary<int, int>();
        for (int i = 0; i < lhsIds.Length; i++)
        {
            long key = ((long)lhsIds[i] << 32) | (uint)rhsIds[i];
            int c = counts[key] = counts.GetValueOrDefault(key) + 1;
            if (c > best.GetValueOrDefault(lhsIds[i])) best[lhsIds[i]] = c;
            size[lhsIds[i]] = size.GetValueOrDefault(lhsIds[i]) + 1;
        }
        int delete = size.Sum(g => g.Value - best[g.Key]);
        return (double)delete / Rows.Count;
    }

    /// <summary>Dense ids of the rows' values on some columns, numbered by first occurrence (see <see cref="RowGrouping"/>).</summary>
    internal (int[] Ids, int Count) GroupIds(AttributeSet columns) => _grouping.Of(columns);

    private static int[] Pick(int[] row, int[] positions)
    {
        var key = new int[positions.Length];
        for (int i = 0; i < positions.Length; i++) key[i] = row[positions[i]];
        return key;
    }
}

/// <summary>What grouping rows by some columns shows (see <see cref="RowSet.Groups"/>).</summary>
public sealed record GroupStatistics(
    int Groups, int RepeatedGroups, int ConsistentRepeatedGroups, int RedundantRows, int LargestGroup,
    bool NullInLhs, double Log10AccidentChance)
{
    /// <summary>Of <see cref="RedundantRows"/>, those whose repeated right side is not all NULL.</summary>
    public int RedundantValueRows { get; init; }
}

internal sealed class TupleComparer : IEqualityComparer<int[]>
{
    public static readonly TupleComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] row)
    {
        var h = new HashCode();
        foreach (var v in row) h.Add(v);
        return h.ToHashCode();
    }
}
