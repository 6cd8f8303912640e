using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class CandidateKeyTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 3)]
    [InlineData(10, 4)]
    public void Keys_are_all_minimal_superkeys(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 3);
            var set = Set(width, fds);
            var expected = Naive.Keys(fds, set.Universe);

            var result = CandidateKeys.Find(set);
            Assert.True(result.Complete);
            Assert.Null(result.LimitMessage);
            Assert.Equal(expected, result.Keys);
            Assert.Equal(expected, CandidateKeys.FindAll(set));

            var prime = Naive.Prime(expected);
            Assert.Equal(prime, CandidateKeys.PrimeAttributes(result.Keys));
            Assert.Equal(prime, CandidateKeys.PrimeAttributes(set));

            // Minimising any superkey gives one of the keys, inside it.
            var super = Subset(rng, width, 0, width) | expected[rng.Next(expected.Count)];
            var key = CandidateKeys.Minimize(set, super);
            Assert.Contains(key, expected);
            Assert.True(key.IsSubsetOf(super));
        }
    }

    [Theory]
    [InlineData(7, 5)]
    [InlineData(10, 6)]
    public void Keys_of_a_subschema_are_its_minimal_superkeys(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 2 * width));
            var set = Set(width, fds);
            var s = Subset(rng, width, 1, width);
            var result = CandidateKeys.Find(set, s);
            Assert.True(result.Complete);
            Assert.Equal(Naive.Keys(fds, s), result.Keys);
        }
    }

    /// <summary>Columns a0..a(n-1), b0..b(n-1), c with ai -> bi, bi -> ai, (all a) -> c: 2^n keys.</summary>
    private static FunctionalDependencySet Pairs(int n)
    {
        var fds = new List<FunctionalDependency>();
        for (int i = 0; i < n; i++)
        {
            fds.Add(new FunctionalDependency(AttributeSet.Of(i), AttributeSet.Of(n + i)));
            fds.Add(new FunctionalDependency(AttributeSet.Of(n + i), AttributeSet.Of(i)));
        }
        fds.Add(new FunctionalDependency(AttributeSet.Range(n), AttributeSet.Of(2 * n)));
        return new FunctionalDependencySet(2 * n + 1, fds);
    }

    [Fact]
    public void Exponentially_many_keys_are_all_found_below_the_limit()
    {
        var set = Pairs(5);
        var result = CandidateKeys.Find(set);
        Assert.True(result.Complete);
        Assert.Equal(Naive.Keys(set, set.Universe), result.Keys);
    }

    [Fact]
    public void Past_the_limit_the_result_says_so()
    {
        var set = Pairs(6);
        int all = Naive.Keys(set, set.Universe).Count;
        var result = CandidateKeys.Find(set, limit: all - 1);
        Assert.False(result.Complete);
        Assert.Equal(all - 1, result.Keys.Count);
        Assert.Contains((all - 1).ToString(), result.LimitMessage);
        Assert.All(result.Keys, k => Assert.True(set.IsSuperkey(k)));

        var ex = Assert.Throws<DependencyLimitException>(() => CandidateKeys.FindAll(set, limit: all - 1));
        Assert.Equal(result.LimitMessage, ex.Message);
        Assert.Equal(all, CandidateKeys.FindAll(set, limit: all).Count);
    }

    [Fact]
    public void Prime_columns_are_known_long_before_every_key_is()
    {
        var set = Pairs(6);
        var expected = Naive.Prime(Naive.Keys(set, set.Universe));
        Assert.Equal(expected, CandidateKeys.PrimeAttributes(set, limit: 8));
        Assert.Throws<DependencyLimitException>(() => CandidateKeys.PrimeAttributes(set, limit: 1));
        // So 3NF is decided with fewer keys than the table has.
        int all = Naive.Keys(set, set.Universe).Count;
        Assert.Equal(Naive.Is3NF(set, set.Universe), ThirdNormalFormViolation.Is3NF(set, set.Universe, keyLimit: all / 4));
    }

    [Fact]
    public void No_fds_make_the_whole_table_the_key()
    {
        var set = new FunctionalDependencySet(4, []);
        Assert.Equal([set.Universe], CandidateKeys.Find(set).Keys);
        var empty = new FunctionalDependencySet(0, []);
        Assert.Equal([AttributeSet.Empty], CandidateKeys.Find(empty).Keys);
    }
}
