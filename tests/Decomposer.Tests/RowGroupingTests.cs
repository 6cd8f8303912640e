using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Verification;
using Xunit;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// The split ranking groups rows through <see cref="RowGrouping"/> (array refinement, cached, refined from
/// cached subsets); its ids must equal those of the plain way (one hash map per column, refined in column
/// order), so that every statistic and score computed from them stays the same.
/// </summary>
public class RowGroupingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Group_ids_equal_those_of_the_plain_refinement_whatever_the_order_of_the_questions(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 6).Select(i => "c" + i).ToArray();
        var builder = new TableDataBuilder(names);
        int[] distinct = [2, 3, 5, 1, 40, 7];
        for (int r = 0; r < 200; r++)
        {
            for (int c = 0; c < names.Length; c++)
            {
                int v = random.Next(distinct[c] + 1);
                if (v == distinct[c]) builder.AddNull();
                else builder.Add("v" + v);
            }
            builder.EndRow();
        }
        var data = builder.Build();
        // A projection (duplicate rows gone) over five of the six columns, as the ranking uses them.
        var rows = RowSet.Project(data, AttributeSet.Of(0, 1, 2, 3, 4));

        var subsets = Enumerable.Range(0, 1 << 5).Select(mask => AttributeSet.Of(Enumerable.Range(0, 5).Where(c => (mask & (1 << c)) != 0)))
            .OrderBy(_ => random.Next()).ToList();
        foreach (var set in subsets)
        {
            var (ids, count) = rows.GroupIds(set);
            var (expected, expectedCount) = PlainGroupIds(rows, set);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public void A_cache_that_drops_its_oldest_groupings_gives_the_same_ids()
    {
        var builder = new TableDataBuilder(["a", "b", "c"]);
        for (int r = 0; r < 30; r++) builder.AddRow((r % 3).ToString(), (r % 5).ToString(), (r % 2).ToString());
        var rows = RowSet.Project(builder.Build(), AttributeSet.Of(0, 1, 2));
        // Room for two groupings of these rows: asking for seven sets, twice, drops and recomputes.
        var codes = Enumerable.Range(0, rows.Columns.Length).Select(p => Enumerable.Range(0, rows.Count).Select(i => rows.Code(i, p)).ToArray()).ToArray();
        var small = new RowGrouping(codes, rows.Columns, rows.Count, cacheBudgetInts: 2 * rows.Count);
        AttributeSet[] sets = [AttributeSet.Of(0), AttributeSet.Of(1), AttributeSet.Of(0, 1), AttributeSet.Of(2), AttributeSet.Of(0, 2), AttributeSet.Of(1, 2), AttributeSet.Of(0, 1, 2)];
        foreach (var set in sets.Concat(sets.Reverse()))
        {
            var (ids, count) = small.Of(set);
            var (expected, expectedCount) = PlainGroupIds(rows, set);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public void Grouping_by_a_column_the_rows_lack_is_refused()
    {
        var builder = new TableDataBuilder(["a", "b"]);
        builder.AddRow("1", "x");
        builder.AddRow("2", "x");
        var rows = RowSet.Project(builder.Build(), AttributeSet.Of(0));
        Assert.Throws<ArgumentException>(() => rows.GroupIds(AttributeSet.Of(1)));
    }

    /// <summary>The reference: refine one column at a time, a new id for each (id, code) pair in row order.</summary>
    private static (int[] Ids, int Count) PlainGroupIds(RowSet rows, AttributeSet set)
    {
        var ids = new int[rows.Count];
        int count = rows.Count == 0 ? 0 : 1;
        var map = new Dictionary<long, int>();
        foreach (var c in set)
        {
            int p = Array.IndexOf(rows.Columns, c);
            map.Clear();
            for (int i = 0; i < ids.Length; i++)
            {
                long key = ((long)ids[i] << 32) | (uint)rows.Code(i, p);
                if (!map.TryGetValue(key, out int id)) map[key] = id = map.Count;
                ids[i] = id;
            }
            count = map.Count;
        }
        return (ids, count);
    }
}
