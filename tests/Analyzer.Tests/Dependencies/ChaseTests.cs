using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

/// <summary>
/// The chase against what it claims about relations: when it says "implied" (or lossless), random
/// relations that satisfy the dependencies satisfy the target too; when it says "not implied", its
/// final tableau, read as a relation, satisfies the dependencies and breaks the target.
/// </summary>
public class ChaseTests
{
    private sealed record Deps(List<FunctionalDependency> Fds, List<MultivaluedDependency> Mvds, List<JoinDependency> Jds);

    private static Deps RandomDeps(Random rng, int width) => new(
        Fds(rng, width, rng.Next(0, 4), maxLhs: 2, maxRhs: 2),
        Mvds(rng, width, rng.Next(0, 3)),
        rng.Next(3) == 0 ? [Jd(rng, width)] : []);

    private static IEnumerable<Relation> Instances(Random rng, int width, Deps d, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var r = Relation.RandomSatisfying(rng, width, rows: rng.Next(2, 7), domain: rng.Next(2, 4), d.Fds, d.Mvds, d.Jds);
            Assert.True(r.SatisfiesAll(d.Fds, d.Mvds, d.Jds), "the reference repair left a violation");
            yield return r;
        }
    }

    /// <summary>The tableau as a relation over columns 0..width-1 (the universe is all of them).</summary>
    private static Relation AsRelation(ChaseResult result, int width)
    {
        Assert.Equal(Enumerable.Range(0, width), result.Columns);
        return Relation.Of(width, result.Rows);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public void Lossless_join_verdict_holds_on_relations(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        int lossless = 0, lossy = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            var d = RandomDeps(rng, width);
            var comps = Components(rng, width, rng.Next(2, 4));
            var result = Chase.Run(universe, comps, d.Fds, d.Mvds, d.Jds);
            Assert.Equal(result.HasDistinguishedRow, Chase.IsLossless(universe, comps, d.Fds, d.Mvds, d.Jds));
            if (result.HasDistinguishedRow)
            {
                lossless++;
                foreach (var r in Instances(rng, width, d, 4))
                    Assert.True(r.Join(comps).SameRowsAs(r), "lossless by the chase, but a relation's join differs");
            }
            else
            {
                lossy++;
                var t = AsRelation(result, width);
                Assert.True(t.SatisfiesAll(d.Fds, d.Mvds, d.Jds), "the final tableau breaks a dependency");
                var allDistinguished = new int[width];
                Assert.True(t.Join(comps).Contains(allDistinguished));
                Assert.False(t.Contains(allDistinguished));
            }
        }
        Assert.True(lossless > 5 && lossy > 5, $"both outcomes should occur ({lossless}/{lossy})");
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 6)]
    public void Mvd_and_jd_implication_hold_on_relations(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        int implied = 0, notImplied = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            var d = RandomDeps(rng, width);
            var target = rng.Next(2) == 0
                ? JoinDependency.FromMvd(new MultivaluedDependency(Subset(rng, width, 0, 2), Subset(rng, width, 1, width - 1)), universe)
                : Jd(rng, width);
            bool verdict = Chase.ImpliesJd(universe, target, d.Fds, d.Mvds, d.Jds);
            if (verdict)
            {
                implied++;
                foreach (var r in Instances(rng, width, d, 4)) Assert.True(r.Satisfies(target));
            }
            else
            {
                notImplied++;
                var t = AsRelation(Chase.Run(universe, target.Components, d.Fds, d.Mvds, d.Jds), width);
                Assert.True(t.SatisfiesAll(d.Fds, d.Mvds, d.Jds));
                Assert.False(t.Satisfies(target));
            }
        }
        Assert.True(implied > 5 && notImplied > 5, $"both outcomes should occur ({implied}/{notImplied})");
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(5, 8)]
    public void Mvd_implication_is_the_jd_of_its_split(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        for (int trial = 0; trial < 80; trial++)
        {
            var d = RandomDeps(rng, width);
            var mvd = new MultivaluedDependency(Subset(rng, width, 0, 2), Subset(rng, width, 0, width));
            bool verdict = Chase.ImpliesMvd(universe, mvd, d.Fds, d.Mvds, d.Jds);
            if (verdict)
                foreach (var r in Instances(rng, width, d, 3)) Assert.True(r.Satisfies(mvd));
            else
                Assert.False(Relation.Of(width, Chase.Run(universe, JoinDependency.FromMvd(mvd, universe).Components, d.Fds, d.Mvds, d.Jds).Rows).Satisfies(mvd));
        }
    }

    [Theory]
    [InlineData(3, 9)]
    [InlineData(4, 10)]
    [InlineData(5, 11)]
    public void Fd_implication_holds_on_relations(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        int implied = 0, notImplied = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            var d = RandomDeps(rng, width);
            var target = new FunctionalDependency(Subset(rng, width, 0, 2), Subset(rng, width, 1, 2));
            if (Chase.ImpliesFd(universe, target, d.Fds, d.Mvds, d.Jds))
            {
                implied++;
                foreach (var r in Instances(rng, width, d, 4)) Assert.True(r.Satisfies(target));
            }
            else
            {
                notImplied++;
                var result = Chase.RunSeeds(universe, [target.Lhs, target.Lhs], d.Fds, d.Mvds, d.Jds);
                var t = AsRelation(result, width);
                Assert.True(t.SatisfiesAll(d.Fds, d.Mvds, d.Jds));
                Assert.False(t.Satisfies(target));
            }
        }
        Assert.True(implied > 5 && notImplied > 5, $"both outcomes should occur ({implied}/{notImplied})");
    }

    [Theory]
    [InlineData(6, 12)]
    [InlineData(9, 13)]
    public void With_fds_alone_the_chase_agrees_with_closure(int width, int seed)
    {
        var rng = new Random(seed);
        var universe = AttributeSet.Range(width);
        for (int trial = 0; trial < 100; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width));
            var target = new FunctionalDependency(Subset(rng, width, 0, 3), Subset(rng, width, 1, 3));
            Assert.Equal(Naive.Implies(fds, target), Chase.ImpliesFd(universe, target, fds));

            // Two components: lossless iff their intersection determines one of them (Heath; Rissanen).
            var comps = Components(rng, width, 2);
            var common = Naive.Closure(fds, comps[0] & comps[1]);
            bool expected = comps[0].IsSubsetOf(common) || comps[1].IsSubsetOf(common);
            Assert.Equal(expected, Chase.IsLossless(universe, comps, fds));
        }
    }

    [Fact]
    public void Dependencies_outside_the_universe_and_partial_jds_are_rejected()
    {
        var u = AttributeSet.Range(3);
        Assert.Throws<ArgumentException>(() => Chase.IsLossless(u, [AttributeSet.Of(0, 1), AttributeSet.Of(1, 2)],
            [new FunctionalDependency(AttributeSet.Of(1), AttributeSet.Of(5))]));
        Assert.Throws<ArgumentException>(() => Chase.IsLossless(u, [AttributeSet.Of(0, 1), AttributeSet.Of(1, 2)], [],
            jds: [new JoinDependency([AttributeSet.Of(0, 1), AttributeSet.Of(1)])]));
        Assert.Throws<ArgumentException>(() => Chase.IsLossless(u, [AttributeSet.Of(0, 1), AttributeSet.Of(1, 7)], []));
        Assert.False(Chase.IsLossless(u, [AttributeSet.Of(0, 1)], []));
    }

    [Fact]
    public void A_tableau_that_explodes_stops_at_the_bound()
    {
        // Eight columns, JD of singletons: the join of three seed rows has 3^8 rows.
        var u = AttributeSet.Range(8);
        var singletons = new JoinDependency(Enumerable.Range(0, 8).Select(AttributeSet.Single));
        var comps = new[] { AttributeSet.Of(0, 1, 2), AttributeSet.Of(3, 4, 5), AttributeSet.Of(5, 6, 7) };
        var ex = Assert.Throws<DependencyLimitException>(() => Chase.IsLossless(u, comps, [], jds: [singletons], maxRows: 100));
        Assert.Contains("100", ex.Message);
        Assert.True(Chase.IsLossless(u, comps, [], jds: [singletons]));
    }

    // Rows 0 and 1 of ImpliesFd's tableau can merge (X -> U); the answer must still be read correctly.
    [Fact]
    public void Fd_implied_when_the_two_rows_become_one()
    {
        var u = AttributeSet.Range(3);
        var fds = new[] { new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(1, 2)) };
        Assert.True(Chase.ImpliesFd(u, new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(2)), fds,
            mvds: [new MultivaluedDependency(AttributeSet.Of(1), AttributeSet.Of(2))]));
    }
}
