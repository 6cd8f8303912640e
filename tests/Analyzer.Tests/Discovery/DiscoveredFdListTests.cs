using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The FDs come back as a compact list grouped by left side, in the documented order, on narrow and wide tables.</summary>
public class DiscoveredFdListTests
{
    [Theory]
    [InlineData(1, 6, 25, null)]
    [InlineData(2, 9, 20, null)]
    [InlineData(3, 70, 12, 2)]   // two words of columns, reordered inside the engine
    [InlineData(4, 140, 10, 1)]  // three words
    public void Fds_are_grouped_by_left_side_and_sorted(int seed, int columns, int rows, int? maxLhs)
    {
        var t = RandomTables.Make(seed, columns, rows);
        var result = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = maxLhs });
        var list = Assert.IsType<DiscoveredFdList>(result.Fds);
        Assert.True(list.Count > 0);

        var fds = list.ToList();
        var sorted = fds.OrderBy(f => f.Lhs).ThenBy(f => f.Rhs).ToList();
        Assert.Equal(sorted, fds);
        Assert.Equal(fds.Select(f => f.Lhs).Distinct().Count(), list.GroupCount);
        for (int g = 0, i = 0; g < list.GroupCount; g++)
        {
            var (start, end) = list.GroupRange(g);
            Assert.Equal(i, start);
            for (; i < end; i++)
            {
                Assert.Equal(list.GroupLhs(g), fds[i].Lhs);
                Assert.Equal(list.RhsAt(i), fds[i].Rhs);
            }
        }

        if (columns <= 12)
        {
            // The same FDs as the brute-force reference.
            var expected = BruteForce.MinimalFds(t, NullSemantics.Equal, maxLhs: maxLhs ?? int.MaxValue).Order(StringComparer.Ordinal);
            Assert.Equal(expected, fds.Select(BruteForce.Format).Order(StringComparer.Ordinal));
        }
        else
        {
            // Too wide for the reference: each FD holds and none of its one-smaller left sides does.
            foreach (var fd in fds)
            {
                var lhs = fd.Lhs.ToArray();
                Assert.True(BruteForce.Holds(t, lhs, fd.Rhs, NullSemantics.Equal), fd.ToString());
                foreach (var c in lhs)
                    Assert.False(BruteForce.Holds(t, lhs.Where(x => x != c).ToArray(), fd.Rhs, NullSemantics.Equal), fd.ToString());
            }
        }
    }
}
