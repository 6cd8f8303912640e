using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class SubschemaNormalFormTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    [InlineData(13, 4)]
    public void Bcnf_violation_found_exactly_when_brute_force_finds_one(int width, int seed)
    {
        var rng = new Random(seed);
        int inBcnf = 0, violating = 0;
        for (int trial = 0; trial < 150; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 2);
            var set = Set(width, fds);
            var s = rng.Next(5) == 0 ? set.Universe : Subset(rng, width, 1, Math.Min(width, 10));
            var found = BcnfViolation.Find(set, s);
            Assert.Equal(Naive.IsBcnf(fds, s), found is null);
            if (found is not { } v) { inBcnf++; continue; }
            violating++;

            var closure = Naive.Closure(fds, v.Lhs);
            Assert.True(v.Lhs.IsSubsetOf(s));
            Assert.False(v.Rhs.IsEmpty);
            Assert.Equal((closure & s) - v.Lhs, v.Rhs);
            Assert.False(s.IsSubsetOf(closure), $"{v.Lhs} is a superkey of {s}");
            // Minimal for some column it determines.
            Assert.Contains(v.Rhs.ToArray(), a => v.Lhs.ToArray().All(b => !Naive.Closure(fds, v.Lhs.Without(b)).Contains(a)));
        }
        Assert.True(inBcnf > 10 && violating > 10, $"both outcomes should occur ({inBcnf}/{violating})");
    }

    [Fact]
    public void Bcnf_search_past_its_bound_throws()
    {
        // 0 -> 2, 2 -> 1 over {0, 1, 2}; the subschema {0, 1} is in BCNF, which takes two search steps.
        var set = new FunctionalDependencySet(3, [
            new FunctionalDependency(AttributeSet.Of(0), AttributeSet.Of(2)),
            new FunctionalDependency(AttributeSet.Of(2), AttributeSet.Of(1))]);
        var s = AttributeSet.Of(0, 1);
        Assert.True(BcnfViolation.IsBcnf(set, s));
        var ex = Assert.Throws<DependencyLimitException>(() => BcnfViolation.Find(set, s, maxSteps: 1));
        Assert.Contains("search steps", ex.Message);
    }

    [Theory]
    [InlineData(4, 5)]
    [InlineData(7, 6)]
    [InlineData(10, 7)]
    public void Third_normal_form_violation_found_exactly_when_brute_force_finds_one(int width, int seed)
    {
        var rng = new Random(seed);
        int in3nf = 0, violating = 0;
        for (int trial = 0; trial < 120; trial++)
        {
            var fds = Fds(rng, width, rng.Next(0, 2 * width), maxLhs: 3, maxRhs: 2);
            var set = Set(width, fds);
            var s = rng.Next(5) == 0 ? set.Universe : Subset(rng, width, 1, Math.Min(width, 9));
            var found = ThirdNormalFormViolation.Find(set, s);
            Assert.Equal(Naive.Is3NF(fds, s), found is null);
            Assert.Equal(found is null, ThirdNormalFormViolation.Is3NF(set, s));
            if (found is not { } v) { in3nf++; continue; }
            violating++;

            var closure = Naive.Closure(fds, v.Lhs);
            var prime = Naive.Prime(Naive.Keys(fds, s));
            Assert.True(v.Lhs.IsSubsetOf(s));
            Assert.False(v.Rhs.IsEmpty);
            Assert.Equal(((closure & s) - v.Lhs) - prime, v.Rhs);
            Assert.False(s.IsSubsetOf(closure));
        }
        Assert.True(in3nf > 10 && violating > 10, $"both outcomes should occur ({in3nf}/{violating})");
    }
}
