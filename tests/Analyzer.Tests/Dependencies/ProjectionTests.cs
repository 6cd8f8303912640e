using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class ProjectionTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    [InlineData(12, 4)]
    public void Projection_is_a_minimal_cover_of_the_brute_force_projection(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 3);
            var s = Subset(rng, width, 0, Math.Min(width, 9));
            var expected = Naive.Projection(fds, s);
            foreach (var method in Enum.GetValues<Projection.Method>())
            {
                var projected = Projection.Project(Set(width, fds), s, 64, 100_000, method);
                Assert.All(projected, fd => Assert.True((fd.Lhs | fd.Rhs).IsSubsetOf(s), $"{fd} leaves {s}"));
                MinimalCoverTests.AssertMinimalCoverOf(expected, projected);
            }
        }
    }

    /// <summary>
    /// ai -> ci, bi -> ci, (all c) -> d, projected onto the a, b and d columns: the projection needs one FD
    /// x1..xn -> d for every choice of xi in {ai, bi}, 2^n of them, from 2n + 1 FDs.
    /// </summary>
    private static (FunctionalDependencySet Set, AttributeSet Onto) Exponential(int n)
    {
        var fds = new List<FunctionalDependency>();
        int c0 = 2 * n, d = 3 * n;
        for (int i = 0; i < n; i++)
        {
            fds.Add(new FunctionalDependency(AttributeSet.Of(i), AttributeSet.Of(c0 + i)));
            fds.Add(new FunctionalDependency(AttributeSet.Of(n + i), AttributeSet.Of(c0 + i)));
        }
        fds.Add(new FunctionalDependency(AttributeSet.Range(3 * n) - AttributeSet.Range(2 * n), AttributeSet.Of(d)));
        return (new FunctionalDependencySet(3 * n + 1, fds), AttributeSet.Range(2 * n).With(d));
    }

    [Fact]
    public void Exponential_projection_is_exact_below_the_bound()
    {
        var (set, onto) = Exponential(5);
        var expected = Naive.Projection(set, onto);
        foreach (var method in Enum.GetValues<Projection.Method>())
            MinimalCoverTests.AssertMinimalCoverOf(expected, Projection.Project(set, onto, 64, 100_000, method));
    }

    [Fact]
    public void Exponential_projection_past_the_bound_throws_a_clear_message()
    {
        var (set, onto) = Exponential(8);
        var ex = Assert.Throws<DependencyLimitException>(() => Projection.Project(set, onto, 100, 100, Projection.Method.Resolution));
        Assert.Contains("bound", ex.Message);
        var wide = Assert.Throws<DependencyLimitException>(() => Projection.Project(set, onto, maxColumns: 10));
        Assert.Contains("17 columns", wide.Message);
    }

    // Wider tables: every projected FD follows from F, and sampled subsets of S close the same way.
    [Theory]
    [InlineData(40, 5)]
    [InlineData(90, 6)]
    public void Projection_of_wide_tables_agrees_on_sampled_subsets(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 10; trial++)
        {
            var fds = Fds(rng, width, rng.Next(width / 2, 2 * width), maxLhs: 3, maxRhs: 3);
            var s = Subset(rng, width, width / 3, width / 2);
            var projected = Projection.Project(Set(width, fds), s);
            Assert.All(projected, fd => Assert.True(Naive.Implies(fds, fd) && (fd.Lhs | fd.Rhs).IsSubsetOf(s)));
            var sArray = s.ToArray();
            for (int k = 0; k < 200; k++)
            {
                var x = AttributeSet.Of(sArray.Where(_ => rng.Next(4) == 0));
                Assert.Equal(Naive.Closure(fds, x) & s, Naive.Closure(projected, x) & s);
            }
        }
    }
}
