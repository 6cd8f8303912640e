using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

/// <summary>The dependency basis and mixed closure against the chase (itself checked on relations).</summary>
public class DependencyBasisTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(6, 4)]
    public void Basis_blocks_are_exactly_the_implied_mvds(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        for (int trial = 0; trial < 25; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 3), maxLhs: 2, maxRhs: 2);
            var mvds = Mvds(rng, width, rng.Next(0, 3));
            foreach (var x in Naive.Subsets(universe))
            {
                var blocks = DependencyBasis.Compute(x, universe, fds, mvds);
                // A partition of U − X ...
                Assert.All(blocks, b => Assert.False(b.IsEmpty));
                Assert.Equal(universe - x, blocks.Aggregate(AttributeSet.Empty, (u, b) => u | b));
                Assert.Equal((universe - x).Count, blocks.Sum(b => b.Count));
                // ... whose blocks are implied MVDs and cannot be split further.
                foreach (var b in blocks)
                {
                    Assert.True(Chase.ImpliesMvd(universe, new MultivaluedDependency(x, b), fds, mvds));
                    foreach (var part in Naive.Subsets(b))
                        if (!part.IsEmpty && part != b)
                            Assert.False(Chase.ImpliesMvd(universe, new MultivaluedDependency(x, part), fds, mvds),
                                $"block {b} of DEP({x}) splits off {part}");
                }
                var y = Subset(rng, width, 0, width);
                Assert.Equal(Chase.ImpliesMvd(universe, new MultivaluedDependency(x, y), fds, mvds),
                    DependencyBasis.ImpliesMvd(new MultivaluedDependency(x, y), universe, fds, mvds));
            }
        }
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 6)]
    [InlineData(6, 7)]
    public void Mixed_closure_is_what_the_chase_determines(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        int beyondFds = 0;
        for (int trial = 0; trial < 30; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 4), maxLhs: 2, maxRhs: 2);
            var mvds = Mvds(rng, width, rng.Next(1, 3));
            foreach (var x in Naive.Subsets(universe))
            {
                var closure = DependencyBasis.MixedClosure(x, universe, fds, mvds);
                foreach (var a in universe - x)
                    Assert.Equal(Chase.ImpliesFd(universe, new FunctionalDependency(x, a), fds, mvds), closure.Contains(a));
                Assert.True(x.IsSubsetOf(closure));
                if (closure != Naive.Closure(fds, x)) beyondFds++;
            }
        }
        Assert.True(beyondFds > 0, "no case where MVDs added to the FD closure");
    }
}
