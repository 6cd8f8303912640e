using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The shared groupings of design selection count what the row-listing evidence counts, under both null semantics.</summary>
public class RowGroupCacheTests
{
    [Theory]
    [InlineData(NullSemantics.Equal)]
    [InlineData(NullSemantics.Distinct)]
    public void Counts_agree_with_the_evidence_on_random_tables(NullSemantics nulls)
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var data = RandomTables.Make(seed, columns: 4, rows: 40, nullRate: 0.2);
            var groups = new RowGroupCache(data, nulls);
            foreach (var lhs in new[] { AttributeSet.Empty, AttributeSet.Of(0), AttributeSet.Of(1, 2), AttributeSet.Of(0, 1, 3) })
                for (int rhs = 0; rhs < 4; rhs++)
                {
                    var expected = DependencyEvidence.ForFd(data, lhs, rhs, nulls, maxGroups: 0);
                    var counts = groups.Counts(lhs, rhs);
                    Assert.Equal(expected.RepeatedLhsGroups, counts.RepeatedGroups);
                    Assert.Equal(expected.RedundantRows, counts.RedundantRows);
                    Assert.Equal(expected.RowsToDelete, counts.RowsToDelete);
                    Assert.Equal(expected.Error, counts.Error, 12);
                }
        }
    }

    [Fact]
    public void Repeats_of_a_null_right_side_are_counted()
    {
        var b = new SchemaNorm.Analyzer.Data.TableDataBuilder(["K", "V"]);
        b.AddRow("a", null);
        b.AddRow("a", null);
        b.AddRow("a", null);
        b.AddRow("b", "x");
        b.AddRow("b", "x");
        var counts = new RowGroupCache(b.Build(), NullSemantics.Equal).Counts(AttributeSet.Of(0), 1);
        Assert.Equal((2, 3), (counts.NullRepeats, counts.Repeats));
        Assert.True(counts.Holds);
    }
}
