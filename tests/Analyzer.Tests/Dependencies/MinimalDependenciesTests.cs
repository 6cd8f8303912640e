using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class MinimalDependenciesTests
{
    private static List<FunctionalDependency> Expected(List<FunctionalDependency> fds, AttributeSet s) => Naive.MinimalFds(fds, s);

    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    public void All_minimal_fds_match_brute_force(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 3);
            var set = Set(width, fds);
            Assert.Equal(Expected(fds, set.Universe), MinimalDependencies.Find(set));
            int a = rng.Next(width);
            Assert.Equal(Expected(fds, set.Universe).Where(fd => fd.Rhs.Contains(a)).Select(fd => fd.Lhs),
                MinimalDependencies.Determinants(set, a));

            var s = Subset(rng, width, 1, width);
            Assert.Equal(Expected(fds, s), MinimalDependencies.Find(set, s));
        }
    }

    // Subschemas wider than the subset enumeration's reach go through the projection and key search;
    // compare them with the enumeration (checked against brute force above through narrow subschemas).
    [Theory]
    [InlineData(20, 5)]
    [InlineData(24, 6)]
    public void Minimal_fds_of_wide_subschemas_match_subset_enumeration(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 8; trial++)
        {
            var set = Set(width, Fds(rng, width, rng.Next(width / 2, 2 * width), maxLhs: 3, maxRhs: 2));
            var s = Subset(rng, width, Projection.SubsetWidth + 1, Projection.SubsetWidth + 2);
            Assert.Equal(Projection.MinimalFdsWithin(set, s), MinimalDependencies.Find(set, s));
        }
    }

    [Theory]
    [InlineData(5, 7)]
    [InlineData(9, 8)]
    public void Closing_every_subset_finds_the_minimal_fds_smaller_left_sides_first(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 3);
            var set = Set(width, fds);
            var s = Subset(rng, width, 0, width);
            var found = MinimalDependencies.BySubsets(s, set.Closure);

            var sorted = found.OrderBy(f => f.Rhs).ThenBy(f => f.Lhs).ToList();
            Assert.Equal(Expected(fds, s), sorted);
            for (int i = 0; i < found.Count; i++)
                for (int j = i + 1; j < found.Count; j++)
                    Assert.False(found[j].Lhs.IsProperSubsetOf(found[i].Lhs), $"{found[j]} comes after {found[i]}");
        }
    }

    [Fact]
    public void Closing_every_subset_stops_at_its_bound()
    {
        var wide = AttributeSet.Range(MinimalDependencies.MaxSubsetColumns + 1);
        Assert.Throws<DependencyLimitException>(() => MinimalDependencies.BySubsets(wide, x => x));
    }

    [Fact]
    public void Past_the_limit_it_throws()
    {
        var rng = new Random(4);
        var fds = Fds(rng, 8, 14);
        var set = Set(8, fds);
        int all = MinimalDependencies.Find(set).Count;
        Assert.True(all > 3);
        Assert.Equal(all, MinimalDependencies.Find(set, limit: all).Count);
        Assert.Throws<DependencyLimitException>(() => MinimalDependencies.Find(set, limit: all - 1));
    }
}
