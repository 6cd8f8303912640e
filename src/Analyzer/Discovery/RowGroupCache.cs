using System.Buffers;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>What ranking an FD X -> A needs from the rows, counted without listing them.</summary>
internal readonly record struct FdCounts(
    int RepeatedGroups, int RedundantRows, int RowsToDelete, int Repeats, int NullRepeats, int Rows)
{
    /// <summary>Repeated groups whose left side holds no NULL: the ones that support the FD (repeats count those only).</summary>
    public int SupportingGroups { get; init; } = RepeatedGroups;

    public bool Holds => RowsToDelete == 0;
    public bool LhsIsUnique => RepeatedGroups == 0;
    public double Error => Rows == 0 ? 0 : (double)RowsToDelete / Rows;
}

/// <summary>
/// Rows grouped by left sides, shared by the scoring of many FDs in one pass of design selection: a wide
/// table's FDs reuse the same few hundred left sides, and grouping 600,000 rows costs more than counting
/// them. Group ids are not in order of first appearance (unlike <see cref="RowGroups"/>): counting needs
/// none. Groupings of two or more columns are kept within a budget of row ids.
/// </summary>
internal sealed class RowGroupCache(TableData data, NullSemantics nulls)
{
    private const long CachedIdsBudget = 16L << 20;

    private readonly Dictionary<AttributeSet, (int[] Ids, int Count)> _groups = [];
    private readonly Dictionary<(int Column, int Size), double> _agreeChance = [];
    private readonly Dictionary<int, double[]> _frequencies = [];
    private readonly Dictionary<(AttributeSet, int), FdCounts> _counts = [];
    private long _cachedIds;

    public TableData Data => data;
    public NullSemantics Nulls => nulls;

    /// <summary>Group ids per row for the columns (NULLs each their own group under <see cref="NullSemantics.Distinct"/>), and the number of ids.</summary>
    public (int[] Ids, int Count) Groups(AttributeSet columns)
    {
        if (_groups.TryGetValue(columns, out var cached)) return cached;
        (int[] Ids, int Count) result;
        if (columns.Count == 0) result = (new int[data.RowCount], data.RowCount > 0 ? 1 : 0);
        else
        {
            var parts = columns.ToArray();
            result = Single(parts[0]);
            for (int i = 1; i < parts.Length; i++) result = Combine(result, Single(parts[i]));
        }
        if (_cachedIds + result.Ids.Length > CachedIdsBudget)
        {
            _groups.Clear();
            _cachedIds = 0;
        }
        _groups[columns] = result;
        _cachedIds += result.Ids.Length;
        return result;
    }

    /// <summary>The counts of X -> A over all rows.</summary>
    public FdCounts Counts(AttributeSet lhs, int rhs)
    {
        if (_counts.TryGetValue((lhs, rhs), out var known)) return known;
        return _counts[(lhs, rhs)] = Count(lhs, rhs);
    }

    private FdCounts Count(AttributeSet lhs, int rhs)
    {
        var (ids, count) = Groups(lhs);
        int n = ids.Length;
        var column = data.Columns[rhs];
        var codes = column.Codes;
        var nullLhs = NullLhsGroups(lhs);
        // Scratch arrays from the pool: one count per FD scored, each a large object on a long table.
        int[] sizeArray = ArrayPool<int>.Shared.Rent(count);
        long[] firstArray = ArrayPool<long>.Shared.Rent(count);
        bool[] brokenArray = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            var size = sizeArray.AsSpan(0, count);
            var first = firstArray.AsSpan(0, count);
            var broken = brokenArray.AsSpan(0, count);
            size.Clear();
            broken.Clear();
            int repeats = 0, nullRepeats = 0;
            for (int r = 0; r < n; r++)
            {
                int g = ids[r];
                long code = RowGroups.Code(column, r, nulls);
                if (size[g]++ == 0) { first[g] = code; continue; }
                if (code != first[g]) broken[g] = true;
                if (nullLhs?[g] == true) continue;
                repeats++;
                if (codes[r] == ColumnData.NullCode) nullRepeats++;
            }
            int repeated = 0, redundant = 0, supporting = 0;
            bool anyBroken = false;
            for (int g = 0; g < count; g++)
            {
                if (size[g] < 2) continue;
                repeated++;
                if (nullLhs?[g] != true) supporting++;
                if (broken[g]) anyBroken = true;
                else redundant += size[g] - 1;
            }
            int toDelete = 0;
            if (anyBroken) toDelete = RowsOutsideMostCommon(ids, size, broken, column);
            return new FdCounts(repeated, redundant, toDelete, repeats, nullRepeats, n) { SupportingGroups = supporting };
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sizeArray);
            ArrayPool<long>.Shared.Return(firstArray);
            ArrayPool<bool>.Shared.Return(brokenArray);
        }
    }

    /// <summary>
    /// g3's rows to delete: in each broken group, every row outside its most common right-side value. The
    /// broken groups' rows are bucketed by group, then each group's values are tallied in one array indexed
    /// by code and cleared again (a NULL under <see cref="NullSemantics.Distinct"/> is a value of its own).
    /// </summary>
    private int RowsOutsideMostCommon(int[] ids, ReadOnlySpan<int> size, ReadOnlySpan<bool> broken, ColumnData rhs)
    {
        int count = size.Length;
        var pool = ArrayPool<int>.Shared;
        int[] startArray = pool.Rent(count + 1), nextArray = pool.Rent(count), tallyArray = pool.Rent(rhs.Values.Length);
        int[]? rowsArray = null;
        try
        {
            var start = startArray.AsSpan(0, count + 1);
            start[0] = 0;
            for (int g = 0; g < count; g++) start[g + 1] = start[g] + (broken[g] ? size[g] : 0);
            rowsArray = pool.Rent(start[count]);
            var rows = rowsArray.AsSpan(0, start[count]);
            var next = nextArray.AsSpan(0, count);
            start[..count].CopyTo(next);
            for (int r = 0; r < ids.Length; r++)
                if (broken[ids[r]]) rows[next[ids[r]]++] = r;
            var codes = rhs.Codes;
            bool nullsApart = nulls == NullSemantics.Distinct;
            var tally = tallyArray.AsSpan(0, rhs.Values.Length);
            tally.Clear();
            int toDelete = 0;
            for (int g = 0; g < count; g++)
            {
                if (!broken[g]) continue;
                int most = 0;
                for (int k = start[g]; k < start[g + 1]; k++)
                {
                    int code = codes[rows[k]];
                    int c = nullsApart && code == ColumnData.NullCode ? 1 : ++tally[code];
                    if (c > most) most = c;
                }
                for (int k = start[g]; k < start[g + 1]; k++) tally[codes[rows[k]]] = 0;
                toDelete += size[g] - most;
            }
            return toDelete;
        }
        finally
        {
            pool.Return(startArray);
            pool.Return(nextArray);
            pool.Return(tallyArray);
            if (rowsArray is not null) pool.Return(rowsArray);
        }
    }

    /// <summary>
    /// The groups whose left side holds a NULL (null when none can): rows of a left join whose optional
    /// reference is empty. Their right sides are NULL together because the join made them so, which says
    /// nothing of the design: they must hold the FD, but they are no evidence for it.
    /// </summary>
    public bool[]? NullLhsGroups(AttributeSet lhs)
    {
        if (nulls != NullSemantics.Equal || !lhs.ToArray().Any(c => data.Columns[c].HasNulls)) return null;
        var (ids, count) = Groups(lhs);
        var flags = new bool[count];
        foreach (var c in lhs)
        {
            var codes = data.Columns[c].Codes;
            for (int r = 0; r < codes.Length; r++)
                if (codes[r] == ColumnData.NullCode) flags[ids[r]] = true;
        }
        return flags;
    }

    /// <summary>Σ_v p_v^k over the column's value frequencies: the chance that k rows drawn at random agree on it.</summary>
    public double AgreeChance(int column, int k)
    {
        if (_agreeChance.TryGetValue((column, k), out double s)) return s;
        if (!_frequencies.TryGetValue(column, out var p))
        {
            int n = data.RowCount;
            var col = data.Columns[column];
            var counts = new int[col.Values.Length];
            foreach (var code in col.Codes) counts[code]++;
            var list = new List<double>(counts.Length);
            for (int v = 0; v < counts.Length; v++)
            {
                if (counts[v] == 0) continue;
                if (v == ColumnData.NullCode && nulls == NullSemantics.Distinct)
                    for (int i = 0; i < counts[v]; i++) list.Add(1.0 / n); // each NULL is a value of its own
                else list.Add((double)counts[v] / n);
            }
            _frequencies[column] = p = [.. list];
        }
        s = 0;
        foreach (var f in p) s += Math.Pow(f, k);
        return _agreeChance[(column, k)] = s;
    }

    private (int[] Ids, int Count) Single(int column)
    {
        var codes = data.Columns[column].Codes;
        int count = data.Columns[column].Values.Length;
        var ids = new int[codes.Length];
        for (int r = 0; r < codes.Length; r++)
            ids[r] = nulls == NullSemantics.Distinct && codes[r] == ColumnData.NullCode ? count++ : codes[r];
        return (ids, count);
    }

    private static (int[] Ids, int Count) Combine((int[] Ids, int Count) a, (int[] Ids, int Count) b)
    {
        int n = a.Ids.Length;
        var ids = new int[n];
        int count = 0;
        if ((long)a.Count * b.Count <= Math.Max(1L << 16, 4L * n))
        {
            // Few pairs: a dense table of pair ids.
            var table = new int[a.Count * b.Count];
            for (int r = 0; r < n; r++)
            {
                ref int id = ref table[a.Ids[r] * b.Count + b.Ids[r]];
                if (id == 0) id = ++count;
                ids[r] = id - 1;
            }
            return (ids, count);
        }
        var map = new Dictionary<long, int>();
        for (int r = 0; r < n; r++)
        {
            long key = (long)a.Ids[r] * b.Count + b.Ids[r];
            if (!map.TryGetValue(key, out int id)) map[key] = id = map.Count;
            ids[r] = id;
        }
        return (ids, map.Count);
    }
}
