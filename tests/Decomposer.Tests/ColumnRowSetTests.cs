using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Verification;
using Xunit;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// <see cref="RowSet"/> keeps its rows column by column and groups them by array refinement; projections,
/// joins, shared rows, group statistics and g3 must equal those of the plain way (one array per row,
/// hash sets and hash maps), on random small tables with repeats and NULLs.
/// </summary>
public class ColumnRowSetTests
{
    private static TableData RandomTable(Random random, int rows, int[] distinct)
    {
        var builder = new TableDataBuilder(distinct.Select((_, i) => "c" + i).ToArray());
        for (int r = 0; r < rows; r++)
        {
            foreach (var d in distinct)
            {
                int v = random.Next(d + 1);
                if (v == d) builder.AddNull();
                else builder.Add("v" + v);
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    private static AttributeSet RandomSet(Random random, int columns, int min = 0)
    {
        AttributeSet set;
        do set = AttributeSet.Of(Enumerable.Range(0, columns).Where(_ => random.Next(2) == 0));
        while (set.Count < min);
        return set;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Projections_joins_and_shared_rows_equal_those_of_rows_kept_as_arrays(int seed)
    {
        var random = new Random(seed);
        int[] distinct = [2, 3, 1, 6, 30];
        var data = RandomTable(random, random.Next(0, 120), distinct);
        for (int round = 0; round < 20; round++)
        {
            var a = RandomSet(random, distinct.Length, 1);
            var b = RandomSet(random, distinct.Length, 1);
            var left = RowSet.Project(data, a);
            var right = RowSet.Project(data, b);
            var plainLeft = PlainProject(data, a);
            var plainRight = PlainProject(data, b);
            Assert.Equal(plainLeft, RowsOf(left));
            Assert.Equal(plainRight, RowsOf(right));

            var sub = a & RandomSet(random, distinct.Length);
            if (!sub.IsEmpty) Assert.Equal(PlainProjectRows(plainLeft, left.Columns, sub.ToArray()), RowsOf(left.Project(sub)));

            var joined = left.Join(right);
            var (joinColumns, plainJoined) = PlainJoin(plainLeft, left.Columns, plainRight, right.Columns);
            Assert.NotNull(joined);
            Assert.Equal(joinColumns, joined.Columns);
            Assert.Equal(plainJoined, RowsOf(joined));

            var source = RowSet.Project(data, AttributeSet.Of(joinColumns));
            var sourceRows = new HashSet<int[]>(RowsOf(source), new RowComparer());
            Assert.Equal(plainJoined.Count(sourceRows.Contains), joined.CountShared(source));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Group_statistics_and_g3_equal_those_of_hash_maps_over_row_arrays(int seed)
    {
        var random = new Random(seed);
        int[] distinct = [2, 4, 1, 8, 3];
        var data = RandomTable(random, random.Next(1, 150), distinct);
        var rows = RowSet.Project(data, AttributeSet.Range(distinct.Length));
        var plain = RowsOf(rows);
        for (int round = 0; round < 30; round++)
        {
            var lhs = RandomSet(random, distinct.Length);
            var rhs = RandomSet(random, distinct.Length);
            Assert.Equal(PlainG3(plain, lhs.ToArray(), rhs.ToArray()), rows.G3(lhs, rhs), 12);
            var (groups, repeated, nullInLhs) = PlainGroups(plain, lhs.ToArray());
            var stats = rows.Groups(lhs, rhs);
            Assert.Equal(groups, stats.Groups);
            Assert.Equal(repeated, stats.RepeatedGroups);
            Assert.Equal(nullInLhs, stats.NullInLhs);
        }
    }

    [Fact]
    public void A_projection_that_keeps_every_row_shares_the_codes_and_one_that_drops_rows_keeps_first_occurrences()
    {
        var builder = new TableDataBuilder(["a", "b"]);
        builder.AddRow("1", "x");
        builder.AddRow("2", "x");
        builder.AddRow("1", "y");
        builder.AddRow("2", "x");
        var data = builder.Build();
        var b = RowSet.Project(data, AttributeSet.Of(1));
        Assert.Equal([[data.Columns[1].Codes[0]], [data.Columns[1].Codes[2]]], RowsOf(b));
        Assert.Equal(3, RowSet.Project(data, AttributeSet.Of(0, 1)).Count);
    }

    private static List<int[]> RowsOf(RowSet rows) => Enumerable.Range(0, rows.Count).Select(rows.Row).ToList();

    private static List<int[]> PlainProject(TableData data, AttributeSet columns)
    {
        var all = Enumerable.Range(0, data.RowCount).Select(r => columns.ToArray().Select(c => data.Columns[c].Codes[r]).ToArray());
        return Distinct(all);
    }

    private static List<int[]> PlainProjectRows(List<int[]> rows, int[] columns, int[] onto) =>
        Distinct(rows.Select(row => onto.Select(c => row[Array.IndexOf(columns, c)]).ToArray()));

    private static List<int[]> Distinct(IEnumerable<int[]> rows)
    {
        var seen = new HashSet<int[]>(new RowComparer());
        return rows.Where(seen.Add).ToList();
    }

    private static (int[] Columns, List<int[]> Rows) PlainJoin(List<int[]> left, int[] leftColumns, List<int[]> right, int[] rightColumns)
    {
        var columns = leftColumns.Union(rightColumns).Order().ToArray();
        var common = leftColumns.Intersect(rightColumns).ToArray();
        var rows = new List<int[]>();
        foreach (var l in left)
            foreach (var r in right)
            {
                if (common.Any(c => l[Array.IndexOf(leftColumns, c)] != r[Array.IndexOf(rightColumns, c)])) continue;
                rows.Add(columns.Select(c => Array.IndexOf(leftColumns, c) is var p and >= 0 ? l[p] : r[Array.IndexOf(rightColumns, c)]).ToArray());
            }
        return (columns, rows);
    }

    private static double PlainG3(List<int[]> rows, int[] lhs, int[] rhs)
    {
        if (rows.Count == 0) return 0;
        int keep = rows.GroupBy(r => string.Join(",", lhs.Select(c => r[c])))
            .Sum(g => g.GroupBy(r => string.Join(",", rhs.Select(c => r[c]))).Max(y => y.Count()));
        return (double)(rows.Count - keep) / rows.Count;
    }

    private static (int Groups, int Repeated, bool NullInLhs) PlainGroups(List<int[]> rows, int[] lhs)
    {
        var groups = rows.GroupBy(r => string.Join(",", lhs.Select(c => r[c]))).ToList();
        bool Null(int[] r) => lhs.Any(c => r[c] == ColumnData.NullCode);
        return (groups.Count, groups.Count(g => g.Count() > 1 && !Null(g.First())), rows.Any(Null));
    }

    private sealed class RowComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(int[] row) => row.Aggregate(17, (h, v) => h * 31 + v);
    }
}
