using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class MinimalCoverTests
{
    /// <summary>Equivalent to F, one column on the right, left-reduced, non-redundant, no duplicates.</summary>
    internal static void AssertMinimalCoverOf(IReadOnlyList<FunctionalDependency> f, IReadOnlyList<FunctionalDependency> cover)
    {
        Assert.True(Naive.Equivalent(f, cover), "cover is not equivalent to the input");
        Assert.Equal(cover.Count, cover.Distinct().Count());
        for (int i = 0; i < cover.Count; i++)
        {
            var fd = cover[i];
            Assert.Equal(1, fd.Rhs.Count);
            Assert.False(fd.IsTrivial);
            foreach (var b in fd.Lhs)
                Assert.False(Naive.Implies(cover, new FunctionalDependency(fd.Lhs.Without(b), fd.Rhs)),
                    $"{fd}: column {b} is extraneous");
            var others = cover.Where((_, j) => j != i);
            Assert.False(Naive.Implies(others, fd), $"{fd} is redundant");
        }
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    [InlineData(70, 4)]
    public void Cover_is_equivalent_and_minimal(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 150; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 3 * width), maxLhs: 4, maxRhs: 3);
            var cover = MinimalCover.Compute(Set(width, fds));
            AssertMinimalCoverOf(fds, cover);
        }
    }

    [Theory]
    [InlineData(6, 5)]
    [InlineData(9, 6)]
    public void Combined_cover_has_one_fd_per_left_side_and_the_same_closure(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 100; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 3 * width));
            var cover = MinimalCover.Compute(Set(width, fds));
            var combined = MinimalCover.Combine(cover);
            Assert.True(Naive.Equivalent(cover, combined));
            Assert.Equal(combined.Count, combined.Select(fd => fd.Lhs).Distinct().Count());
            Assert.Equal(cover.Count, combined.Sum(fd => fd.Rhs.Count));
        }
    }

    // A cover is computed from the input alone: running it twice, or on its own output, changes nothing.
    [Theory]
    [InlineData(8, 7)]
    public void Cover_of_a_minimal_cover_is_itself(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 100; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 3 * width));
            var cover = MinimalCover.Compute(Set(width, fds));
            Assert.Equal(cover, MinimalCover.Compute(Set(width, fds)));
            Assert.Equal(cover, MinimalCover.Compute(Set(width, cover)));
        }
    }
}
