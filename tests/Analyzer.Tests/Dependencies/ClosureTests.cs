using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class ClosureTests
{
    // Every subset of a small table, against the fixpoint closure.
    [Theory]
    [InlineData(5, 1)]
    [InlineData(8, 2)]
    [InlineData(10, 3)]
    public void Closure_of_every_subset_matches_the_fixpoint(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 3 * width));
            var set = Set(width, fds);
            var computer = new ClosureComputer(set);
            foreach (var x in Naive.Subsets(set.Universe))
            {
                var expected = Naive.Closure(fds, x);
                Assert.Equal(expected, set.Closure(x));
                Assert.Equal(expected, computer.Closure(x));
                var y = Subset(rng, width, 0, width);
                Assert.Equal(y.IsSubsetOf(expected), set.Determines(x, y));
                Assert.Equal(y.IsSubsetOf(expected), computer.Determines(x, y));
                Assert.Equal(y.IsSubsetOf(expected), set.Implies(new FunctionalDependency(x, y)));
                Assert.Equal(expected == set.Universe, set.IsSuperkey(x));
                Assert.Equal(expected == set.Universe, computer.IsSuperkey(x));
            }
        }
    }

    // Switching FDs off (skip, Disable) is the same as closing under the set without them.
    [Theory]
    [InlineData(7, 11)]
    [InlineData(10, 12)]
    public void Closure_without_some_fds_matches_the_set_without_them(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 3 * width));
            var set = Set(width, fds);
            var computer = new ClosureComputer(set);
            var off = Enumerable.Range(0, fds.Count).Where(_ => rng.Next(3) == 0).ToHashSet();
            foreach (var i in off) computer.Disable(i);
            var on = fds.Where((_, i) => !off.Contains(i)).ToList();
            int skip = rng.Next(fds.Count);
            var withoutSkip = fds.Where((_, i) => i != skip).ToList();
            for (int k = 0; k < 50; k++)
            {
                var x = Subset(rng, width, 0, width);
                Assert.Equal(Naive.Closure(on, x), computer.Closure(x));
                Assert.Equal(Naive.Closure(withoutSkip, x), set.Closure(x, skip));
                Assert.Equal(Naive.Closure(fds, x), set.Closure(x)); // skip left nothing behind
                Assert.Equal(Naive.Closure(fds, x), set.Closure(x, skip: fds.Count)); // no such FD
            }
            foreach (var i in off) computer.Enable(i);
            var z = Subset(rng, width, 0, width);
            Assert.Equal(Naive.Closure(fds, z), computer.Closure(z));
        }
    }

    // Tables wider than one 64-bit word.
    [Theory]
    [InlineData(64, 21)]
    [InlineData(70, 22)]
    [InlineData(130, 23)]
    [InlineData(200, 24)]
    public void Closure_on_wide_tables_matches_the_fixpoint(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 20; trial++)
        {
            var fds = Fds(rng, width, rng.Next(width / 2, 3 * width), maxLhs: 3, maxRhs: 4);
            var set = Set(width, fds);
            var computer = new ClosureComputer(set);
            for (int k = 0; k < 40; k++)
            {
                var x = Subset(rng, width, 0, 12);
                var expected = Naive.Closure(fds, x);
                Assert.Equal(expected, set.Closure(x));
                Assert.Equal(expected, computer.Closure(x));
                var y = Subset(rng, width, 1, 6);
                Assert.Equal(y.IsSubsetOf(expected), computer.Determines(x, y));
            }
        }
    }

    [Fact]
    public void Columns_outside_the_universe_pass_through_and_determine_nothing()
    {
        // 0 -> 1 over five columns; 7 and 100 are no columns of this table.
        var set = Set(5, [new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(1))]);
        var x = AttributeSet.Of(0, 7, 100);
        Assert.Equal(AttributeSet.Of(0, 1, 7, 100), set.Closure(x));
        Assert.True(set.Determines(x, AttributeSet.Of(1, 7)));
        Assert.False(set.Determines(AttributeSet.Of(0), AttributeSet.Of(7)));
        Assert.False(set.IsSuperkey(AttributeSet.Of(0, 100)));
    }

    [Fact]
    public void Fds_naming_columns_outside_the_table_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Set(3, [new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(3))]));
    }

    [Theory]
    [InlineData(6, 31)]
    [InlineData(9, 32)]
    public void Equivalence_matches_mutual_implication(int width, int seed)
    {
        var rng = new Random(seed);
        int equal = 0, different = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var f = Fds(rng, width, rng.Next(1, 2 * width));
            // g: f with one FD replaced, or f plus consequences of f, so that both answers occur.
            var g = new List<FunctionalDependency>(f);
            if (rng.Next(2) == 0) g[rng.Next(g.Count)] = Fds(rng, width, 1)[0];
            else
            {
                var x = Subset(rng, width, 1, 3);
                g.Add(new FunctionalDependency(x, Naive.Closure(f, x)));
            }
            bool expected = Naive.Equivalent(f, g);
            Assert.Equal(expected, Set(width, f).IsEquivalentTo(Set(width, g)));
            if (expected) equal++; else different++;
        }
        Assert.True(equal > 10 && different > 10, $"both outcomes should occur ({equal}/{different})");
    }
}
