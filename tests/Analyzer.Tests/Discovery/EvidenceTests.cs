using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class EvidenceTests
{
    private static TableData Table(params string?[][] rows)
    {
        var b = new TableDataBuilder(Enumerable.Range(0, rows[0].Length).Select(i => "c" + i).ToList());
        foreach (var r in rows) b.AddRow(r);
        return b.Build();
    }

    [Fact]
    public void A_holding_fd_shows_the_groups_that_store_the_same_fact_again()
    {
        // Ssn -> Ename on the EN_EMP_PROJ sample shape: one Ssn in five rows.
        var t = Table(
            ["s0", "p0", "e0"], ["s0", "p1", "e0"], ["s0", "p2", "e0"], ["s3", "p0", "e3"],
            ["s0", "p4", "e0"], ["s5", "p0", "e5"], ["s6", "p0", "e6"], ["s0", "p7", "e0"]);
        var e = DependencyEvidence.ForFd(t, AttributeSet.Of(0), 2);
        Assert.True(e.Holds);
        Assert.Equal(8, e.Rows);
        Assert.Equal(4, e.DistinctLhsValues);
        Assert.Equal(1, e.RepeatedLhsGroups);
        Assert.Equal(4, e.RedundantRows);
        var g = Assert.Single(e.Redundancy);
        Assert.Equal(["s0"], g.LhsValues);
        Assert.Equal("e0", g.RhsValue);
        Assert.Equal([0, 1, 2, 4, 7], g.Rows);
        Assert.Empty(e.Violations);
    }

    [Fact]
    public void An_approximate_fd_shows_the_rows_that_break_it_and_deleting_them_makes_it_hold()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var t = RandomTables.Make(seed, columns: 4, rows: 25);
            foreach (var nulls in new[] { NullSemantics.Equal, NullSemantics.Distinct })
            {
                int[] lhs = [0, 1];
                var e = DependencyEvidence.ForFd(t, AttributeSet.Of(lhs), 3, nulls, maxGroups: int.MaxValue, maxRowsPerGroup: int.MaxValue);
                Assert.Equal(BruteForce.G3(t, lhs, 3, nulls), e.Error, 9);
                var delete = e.Violations.SelectMany(v => v.RowsToDelete).ToHashSet();
                Assert.Equal(e.RowsToDelete, delete.Count);
                var b = new TableDataBuilder(t.ColumnNames);
                for (int r = 0; r < t.RowCount; r++)
                    if (!delete.Contains(r)) b.AddRow(Enumerable.Range(0, t.ColumnCount).Select(c => t.Value(r, c)).ToArray());
                Assert.True(BruteForce.Holds(b.Build(), lhs, 3, nulls), $"seed {seed}");
                Assert.Equal(e.RowsToDelete == 0, BruteForce.Holds(t, lhs, 3, nulls));
                foreach (var v in e.Violations) Assert.True(v.Values.Count >= 2);
            }
        }
    }

    [Fact]
    public void Nulls_on_the_left_form_groups_of_their_own_when_distinct()
    {
        var t = Table([null, "a"], [null, "b"], ["x", "c"]);
        Assert.False(DependencyEvidence.ForFd(t, AttributeSet.Of(0), 1).Holds);
        var distinct = DependencyEvidence.ForFd(t, AttributeSet.Of(0), 1, NullSemantics.Distinct);
        Assert.True(distinct.Holds);
        Assert.True(distinct.LhsIsUnique);
    }
}
