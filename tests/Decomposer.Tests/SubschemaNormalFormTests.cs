using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Algebra;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>The normal form of a subschema with MVDs and JDs, as the decomposer asks the theory for it.</summary>
public class SubschemaNormalFormTests
{
    [Fact]
    public void A_multivalued_dependency_on_no_key_leaves_the_table_in_bcnf_and_its_projections_in_5nf()
    {
        // Course ->> Teacher | Book, no FD.
        var space = new DependencySpace(3, [], [new MultivaluedDependency(AttributeSet.Of(0), AttributeSet.Of(1))]);

        Assert.Equal(NormalForm.BCNF, space.NormalFormOf(space.Universe));
        Assert.Equal(NormalForm.Fifth, space.NormalFormOf(AttributeSet.Of(0, 1)));
        Assert.Equal([(AttributeSet.Of(0), (IReadOnlyList<AttributeSet>)[AttributeSet.Of(1), AttributeSet.Of(2)])],
            space.MvdViolations(space.Universe).Select(v => (v.Lhs, v.Blocks)).ToList(), MvdComparer.Instance);
    }

    [Fact]
    public void A_join_dependency_of_three_parts_leaves_the_table_in_4nf()
    {
        var jd = new JoinDependency([AttributeSet.Of(0, 1), AttributeSet.Of(1, 2), AttributeSet.Of(0, 2)]);
        var space = new DependencySpace(3, [], jds: [jd]);

        Assert.Equal(NormalForm.Fourth, space.NormalFormOf(space.Universe));
        Assert.Equal([jd], space.JdViolations(space.Universe));
        Assert.Equal(NormalForm.Fifth, space.NormalFormOf(AttributeSet.Of(1, 2)));
    }

    [Fact]
    public void With_an_mvd_the_fds_of_a_subschema_come_from_closing_its_subsets_smaller_left_sides_first()
    {
        // A -> B and A ->> C: within {A, B, C} the only FD is A -> B, and (A, C) the key, so B depends on part of it.
        var space = new DependencySpace(4, [new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(1))],
            [new MultivaluedDependency(AttributeSet.Of(0), AttributeSet.Of(2))]);

        Assert.Equal([new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(1))], space.Cover(AttributeSet.Of(0, 1, 2)));
        Assert.Equal(NormalForm.First, space.NormalFormOf(AttributeSet.Of(0, 1, 2)));
        Assert.Equal(NormalForm.Fifth, space.NormalFormOf(AttributeSet.Of(0, 1)));
    }

    private sealed class MvdComparer : IEqualityComparer<(AttributeSet, IReadOnlyList<AttributeSet>)>
    {
        public static readonly MvdComparer Instance = new();
        public bool Equals((AttributeSet, IReadOnlyList<AttributeSet>) a, (AttributeSet, IReadOnlyList<AttributeSet>) b) =>
            a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2);
        public int GetHashCode((AttributeSet, IReadOnlyList<AttributeSet>) v) => v.Item1.GetHashCode();
    }
}
