using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Analysis.Theory;

/// <summary>The normal form of a set of columns from its projected FDs, against the textbook definitions by brute force.</summary>
public class ProjectedNormalFormTests
{
    /// <summary>Every answer by brute force over the subsets of S.</summary>
    private sealed class BruteForceProjection(List<FunctionalDependency> fds, int width, AttributeSet s) : IProjectedDependencies
    {
        public AttributeSet Columns => s;
        public FunctionalDependencySet? OnlyFds { get; } = new(width, fds);
        public AttributeSet Closure(AttributeSet x) => Naive.Closure(fds, x);
        public IReadOnlyList<FunctionalDependency> Cover() => Naive.MinimalFds(fds, s);
        public IReadOnlyList<AttributeSet> Keys() => Naive.Keys(fds, s);
        public IReadOnlyList<AttributeSet> Basis(AttributeSet x) => throw new InvalidOperationException("FDs alone need no basis");
        public IReadOnlyList<JoinDependency> JoinDependencies() => throw new InvalidOperationException("FDs alone need no JD");
        public int MaxExhaustiveColumns => 20;
        public int ChaseMaxRows => 1_000;
    }

    /// <summary>2NF of S: no non-prime A of S determined by a proper subset of a key of S.</summary>
    private static bool Is2NF(List<FunctionalDependency> fds, AttributeSet s)
    {
        var keys = Naive.Keys(fds, s);
        var nonPrime = s - Naive.Prime(keys);
        return keys.All(k => Naive.Subsets(k).Where(p => p != k).All(p => (Naive.Closure(fds, p) & nonPrime - p).IsEmpty));
    }

    private static NormalForm Expected(List<FunctionalDependency> fds, AttributeSet s) =>
        Naive.IsBcnf(fds, s) ? NormalForm.Fifth
        : Naive.Is3NF(fds, s) ? NormalForm.Third
        : Is2NF(fds, s) ? NormalForm.Second
        : NormalForm.First;

    [Theory]
    [InlineData(4, 21)]
    [InlineData(6, 22)]
    [InlineData(8, 23)]
    public void The_normal_form_of_a_subschema_matches_the_definitions(int width, int seed)
    {
        var rng = new Random(seed);
        var seen = new HashSet<NormalForm>();
        for (int trial = 0; trial < 80; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 2 * width), maxLhs: 3, maxRhs: 2);
            var s = Subset(rng, width, 1, width);
            var expected = Expected(fds, s);
            seen.Add(expected);
            Assert.True(expected == NormalFormTheory.NormalFormOf(new BruteForceProjection(fds, width, s)), $"{string.Join("; ", fds)} on {s}: {expected}");
        }
        Assert.True(seen.Count >= 3, "the cases reach three normal forms at least");
    }

    [Fact]
    public void A_part_of_the_key_determining_a_column_is_first_normal_form()
    {
        // (A, B) is the key; A -> C depends on part of it.
        var fds = new List<FunctionalDependency> { new(AttributeSet.Of(0, 1), AttributeSet.Of(2)), new(AttributeSet.Of(0), AttributeSet.Of(2)) };
        var s = AttributeSet.Range(3);
        Assert.Equal(NormalForm.First, NormalFormTheory.NormalFormOf(new BruteForceProjection(fds, 3, s)));
        Assert.Equal(new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(2)), NormalFormTheory.PartialDependency(new BruteForceProjection(fds, 3, s)));
    }
}
