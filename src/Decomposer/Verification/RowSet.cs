using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Verification;

/// <summary>
/// A set of distinct rows over some columns of a table, as dictionary codes (0 = NULL, equal to itself,
/// as the dependency algebra treats it), kept column by column: one code array per column, never an array
/// per row. A projection that keeps every row of the table shares the table's own code arrays.
/// Projections, natural joins and group counts work on the codes.
/// </summary>
public sealed class RowSet
{
    private readonly int[][] _codes;
    private readonly RowGrouping _grouping;

    private RowSet(int[] columns, int[][] codes, int count)
    {
        Columns = columns;
        _codes = codes;
        Count = count;
        _grouping = new RowGrouping(codes, columns, count);
    }

    /// <summary>Source column positions, ascending; <see cref="Code"/>(r, i) is the code of Columns[i] in row r.</summary>
    public int[] Columns { get; }

    public int Count { get; }

    /// <summary>The code of the column at position <paramref name="column"/> of <see cref="Columns"/> in row <paramref name="row"/>.</summary>
    public int Code(int row, int column) => _codes[column][row];

    /// <summary>One row's codes, in the order of <see cref="Columns"/> (a new array: for tests and messages).</summary>
    public int[] Row(int row)
    {
        var values = new int[Columns.Length];
        for (int i = 0; i < values.Length; i++) values[i] = _codes[i][row];
        return values;
    }

    /// <summary>The distinct rows of <paramref name="data"/> projected onto <paramref name="columns"/>, in the order each first occurs.</summary>
    public static RowSet Project(TableData data, AttributeSet columns)
    {
        var cols = columns.ToArray();
        var source = cols.Select(c => data.Columns[c].Codes).ToArray();
        return Distinct(cols, source, data.RowCount);
    }

    /// <summary>These rows projected onto a subset of their columns.</summary>
    public RowSet Project(AttributeSet columns)
    {
        var cols = columns.ToArray();
        var at = cols.Select(c => Array.IndexOf(Columns, c)).ToArray();
        if (at.Any(i => i < 0)) throw new ArgumentException("projection onto columns the rows do not have", nameof(columns));
        return Distinct(cols, at.Select(i => _codes[i]).ToArray(), Count);
    }

    /// <summary>
    /// The distinct rows of columns given as code arrays of <paramref name="n"/> rows: the grouping of all
    /// their columns numbers the rows by first occurrence, so the first row of each group is kept, in
    /// order. When every row is distinct, the arrays are shared, not copied.
    /// </summary>
    private static RowSet Distinct(int[] cols, int[][] source, int n)
    {
        var (ids, groups) = RowGrouping.Group(source, n);
        if (groups == n) return new RowSet(cols, source, n);
        var firstRow = new int[groups];
        int next = 0;
        for (int r = 0; r < n; r++)
            if (ids[r] == next) firstRow[next++] = r;
        var codes = new int[cols.Length][];
        for (int i = 0; i < cols.Length; i++)
        {
            var from = source[i];
            var to = codes[i] = new int[groups];
            for (int g = 0; g < groups; g++) to[g] = from[firstRow[g]];
        }
        return new RowSet(cols, codes, groups);
    }

    /// <summary>The natural join (equal codes join, NULL with NULL too). Past <paramref name="maxRows"/> it stops and returns null.</summary>
    public RowSet? Join(RowSet other, int maxRows = 5_000_000)
    {
        var cols = (AttributeSet.Of(Columns) | AttributeSet.Of(other.Columns)).ToArray();
        var common = Columns.Where(c => Array.IndexOf(other.Columns, c) >= 0).ToArray();
        var myCommon = common.Select(c => _codes[Array.IndexOf(Columns, c)]).ToArray();
        var theirCommon = common.Select(c => other._codes[Array.IndexOf(other.Columns, c)]).ToArray();

        // One grouping of both sides' rows on the common columns (theirs first): rows of the same group join.
        int theirs = other.Count, total = theirs + Count;
        var both = new int[common.Length][];
        for (int i = 0; i < common.Length; i++)
        {
            both[i] = new int[total];
            Array.Copy(theirCommon[i], both[i], theirs);
            Array.Copy(myCommon[i], 0, both[i], theirs, Count);
        }
        var (ids, groups) = RowGrouping.Group(both, total);
        both = null;

        // Their rows by group, in row order within a group.
        var first = new int[groups + 1];
        for (int r = 0; r < theirs; r++) first[ids[r] + 1]++;
        for (int g = 0; g < groups; g++) first[g + 1] += first[g];
        var order = new int[theirs];
        var fill = (int[])first.Clone();
        for (int r = 0; r < theirs; r++) order[fill[ids[r]]++] = r;

        // Both sides are sets, so their join is one: each joined row projects back onto the one pair of rows
        // it came from. No duplicate check needed.
        var mine = new List<int>();
        var matched = new List<int>();
        for (int r = 0; r < Count; r++)
        {
            int g = ids[theirs + r];
            for (int k = first[g]; k < first[g + 1]; k++)
            {
                mine.Add(r);
                matched.Add(order[k]);
                if (mine.Count > maxRows) return null;
            }
        }
        int n = mine.Count;
        var codes = new int[cols.Length][];
        for (int i = 0; i < cols.Length; i++)
        {
            int p = Array.IndexOf(Columns, cols[i]);
            var (from, rows) = p >= 0 ? (_codes[p], mine) : (other._codes[Array.IndexOf(other.Columns, cols[i])], matched);
            var to = codes[i] = new int[n];
            for (int k = 0; k < n; k++) to[k] = from[rows[k]];
        }
        return new RowSet(cols, codes, n);
    }

    /// <summary>How many of these rows are rows of <paramref name="other"/> too (both over the same columns).</summary>
    public int CountShared(RowSet other)
    {
        if (!Columns.AsSpan().SequenceEqual(other.Columns)) throw new ArgumentException("rows over other columns", nameof(other));
        int total = Count + other.Count;
        var both = new int[Columns.Length][];
        for (int i = 0; i < Columns.Length; i++)
        {
            both[i] = new int[total];
            Array.Copy(_codes[i], both[i], Count);
            Array.Copy(other._codes[i], 0, both[i], Count, other.Count);
        }
        // Each side is a set: a group holds at most one row of each, and a group of two is a shared row.
        var (_, groups) = RowGrouping.Group(both, total);
        return total - groups;
    }

    /// <summary>
    /// Rows grouped by the columns <paramref name="lhs"/>: how many groups, how many with two or more rows,
    /// whether some group key holds a NULL, and the rows that repeat a fact of the columns <paramref name="rhs"/>
    /// (Σ (k − 1) over groups of k rows agreeing on them).
    /// </summary>
    public GroupStatistics Groups(AttributeSet lhs, AttributeSet rhs)
    {
        int n = Count;
        var (lhsIds, groups) = _grouping.Of(lhs);
        var (rhsIds, values) = _grouping.Of(rhs);
        var l = lhs.ToArray().Select(c => _codes[Array.IndexOf(Columns, c)]).ToArray();
        var r = rhs.ToArray().Select(c => _codes[Array.IndexOf(Columns, c)]).ToArray();
        // Groups whose key holds a NULL (an optional reference left empty) must agree, but are no evidence.
        bool nullInLhs = false;
        var nullGroup = new bool[groups];
        foreach (var column in l)
            for (int i = 0; i < n; i++)
                if (column[i] == ColumnData.NullCode) nullInLhs = nullGroup[lhsIds[i]] = true;

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
        if (r.Length > 0)
            for (int i = 0; i < n; i++)
            {
                bool allNull = true;
                foreach (var column in r)
                    if (column[i] != ColumnData.NullCode) { allNull = false; break; }
                if (allNull) nullRhs[rhsIds[i]] = true;
            }
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
        if (Count == 0) return 0;
        var (lhsIds, groups) = _grouping.Of(lhs);
        // A group of X ∪ Y is one (X value, Y value) pair.
        var (pairIds, pairs) = _grouping.Of(lhs | rhs);
        var pairCount = new int[pairs];
        var best = new int[groups];
        for (int i = 0; i < Count; i++)
        {
            int c = ++pairCount[pairIds[i]];
            if (c > best[lhsIds[i]]) best[lhsIds[i]] = c;
        }
        long keep = 0;
        foreach (var b in best) keep += b;
        return (double)(Count - keep) / Count;
    }

    /// <summary>Dense ids of the rows' values on some columns, numbered by first occurrence (see <see cref="RowGrouping"/>).</summary>
    internal (int[] Ids, int Count) GroupIds(AttributeSet columns) => _grouping.Of(columns);
}

/// <summary>What grouping rows by some columns shows (see <see cref="RowSet.Groups"/>).</summary>
public sealed record GroupStatistics(
    int Groups, int RepeatedGroups, int ConsistentRepeatedGroups, int RedundantRows, int LargestGroup,
    bool NullInLhs, double Log10AccidentChance)
{
    /// <summary>Of <see cref="RedundantRows"/>, those whose repeated right side is not all NULL.</summary>
    public int RedundantValueRows { get; init; }
}
