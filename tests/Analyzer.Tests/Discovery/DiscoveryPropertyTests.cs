using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>Discovery on seeded random tables equals the brute-force definitions.</summary>
public class DiscoveryPropertyTests
{
    public static TheoryData<NullSemantics, int> Strategies()
    {
        var data = new TheoryData<NullSemantics, int>();
        foreach (var nulls in new[] { NullSemantics.Equal, NullSemantics.Distinct })
        foreach (var strategy in new[] { FdStrategy.Auto, FdStrategy.AllPairs, FdStrategy.Hybrid, FdStrategy.SampleThenAllPairs })
            data.Add(nulls, (int)strategy);
        return data;
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Exact_fds_and_keys_equal_the_brute_force_ones(NullSemantics nulls, int strategy)
    {
        for (int seed = 0; seed < 150; seed++)
        {
            var t = RandomTables.Make(seed);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { Nulls = nulls, Strategy = (FdStrategy)strategy });
            Assert.True(BruteForce.MinimalFds(t, nulls).SequenceEqual(BruteForce.Fds(r)), $"FDs differ for seed {seed}");
            Assert.True(BruteForce.MinimalUccs(t, nulls).SequenceEqual(BruteForce.Uccs(r)), $"UCCs differ for seed {seed}");
            Assert.Empty(r.Limits);
            Assert.All(r.Fds, fd => Assert.Equal(0, fd.Error));
        }
    }

    [Theory]
    [InlineData(NullSemantics.Equal, 0.05)]
    [InlineData(NullSemantics.Equal, 0.2)]
    [InlineData(NullSemantics.Distinct, 0.1)]
    [InlineData(NullSemantics.Equal, 0.5)]
    public void Approximate_fds_equal_the_brute_force_ones(NullSemantics nulls, double maxError)
    {
        for (int seed = 0; seed < 80; seed++)
        {
            var t = RandomTables.Make(seed);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { Nulls = nulls, MaxError = maxError });
            Assert.True(BruteForce.MinimalFds(t, nulls, maxError).SequenceEqual(BruteForce.Fds(r)), $"approximate FDs differ for seed {seed}");
            foreach (var fd in r.Fds)
                Assert.Equal(BruteForce.G3(t, fd.Lhs.ToArray(), fd.Rhs, nulls), fd.Error, 9);
            // Keys stay exact with an error bound.
            Assert.True(BruteForce.MinimalUccs(t, nulls).SequenceEqual(BruteForce.Uccs(r)), $"UCCs differ for seed {seed}");
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    public void Max_lhs_keeps_exactly_the_minimal_fds_that_small_and_says_so(int maxLhs, int strategyNumber)
    {
        var strategy = (FdStrategy)strategyNumber; // 1 = all pairs, 2 = hybrid
        for (int seed = 0; seed < 60; seed++)
        {
            var t = RandomTables.Make(seed, columns: 6, rows: 25);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = maxLhs, Strategy = strategy });
            Assert.True(BruteForce.MinimalFds(t, NullSemantics.Equal, maxLhs: maxLhs).SequenceEqual(BruteForce.Fds(r)), $"seed {seed}");
            Assert.True(BruteForce.MinimalUccs(t, NullSemantics.Equal, maxLhs).SequenceEqual(BruteForce.Uccs(r)), $"seed {seed}");
            Assert.Contains(r.Limits, l => l.Contains("max-lhs"));
            Assert.Equal(maxLhs, r.CompleteUpToLhs);
        }
    }

    [Fact]
    public void Approximate_search_with_max_lhs_equals_the_brute_force_one()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var t = RandomTables.Make(seed, columns: 6, rows: 25);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 2, MaxError = 0.1 });
            Assert.True(BruteForce.MinimalFds(t, NullSemantics.Equal, 0.1, 2).SequenceEqual(BruteForce.Fds(r)), $"seed {seed}");
        }
    }

    [Fact]
    public void Fds_come_sorted_by_left_side_then_right_side()
    {
        foreach (var t in new[] { RandomTables.Make(11, columns: 6, rows: 30), BenchmarkDatasetTests.Load("echocardiogram", ',', false) })
        {
            var fds = DependencyDiscovery.Discover(t).Fds;
            var sorted = fds.OrderBy(f => f.Lhs).ThenBy(f => f.Rhs).ToList();
            Assert.Equal(sorted, fds);
        }
        var wide = DependencyDiscovery.Discover(RandomTables.Make(12, columns: 70, rows: 12), new DiscoveryOptions { MaxLhs = 1 }).Fds;
        Assert.Equal(wide.OrderBy(f => f.Lhs).ThenBy(f => f.Rhs).ToList(), wide);
    }

    [Fact]
    public void Key_candidates_are_the_keys_without_nullable_columns()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var t = RandomTables.Make(seed, nullRate: 0.05);
            var r = DependencyDiscovery.Discover(t);
            var nullable = Enumerable.Range(0, t.ColumnCount).Where(c => t.Columns[c].HasNulls).ToHashSet();
            var expected = r.UniqueColumnCombinations.Where(u => !u.ToArray().Any(nullable.Contains));
            Assert.Equal(expected, r.KeyCandidates);
            // And they are exactly the minimal unique sets among the NULL-free columns.
            var free = Enumerable.Range(0, t.ColumnCount).Where(c => !nullable.Contains(c)).ToArray();
            var unique = BruteForce.Subsets(free).Where(x => BruteForce.Unique(t, x, NullSemantics.Equal)).ToList();
            var minimal = unique.Where(x => !unique.Any(y => y.Length < x.Length && y.All(x.Contains)))
                .Select(x => string.Join(",", x)).Order().ToList();
            Assert.Equal(minimal, r.KeyCandidates.Select(k => string.Join(",", k.ToArray())).Order().ToList());
        }
    }

    [Theory]
    [InlineData(63, 4)]
    [InlineData(64, 5)]
    [InlineData(127, 6)]
    [InlineData(70, 1)]
    [InlineData(130, 2)]
    [InlineData(300, 3)]
    public void Wide_tables_give_sound_minimal_results_and_both_strategies_agree(int columns, int seed)
    {
        // A wide table: a few random base columns and many columns derived from pairs of them.
        var rng = new Random(seed);
        int n = 40;
        var baseCols = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, n).Select(_ => rng.Next(3)).ToArray()).ToArray();
        var recipe = Enumerable.Range(0, columns).Select(c => (rng.Next(6), rng.Next(6), rng.Next(2))).ToArray();
        var builder = new SchemaNorm.Analyzer.Data.TableDataBuilder(Enumerable.Range(0, columns).Select(c => "c" + c).ToList());
        for (int r = 0; r < n; r++)
            builder.AddRow(recipe.Select(x => (string?)(x.Item3 == 0 ? "" + baseCols[x.Item1][r] : baseCols[x.Item1][r] + "-" + baseCols[x.Item2][r])).ToArray());
        var t = builder.Build();
        var options = new DiscoveryOptions { MaxLhs = 2 };
        var a = DependencyDiscovery.Discover(t, options with { Strategy = FdStrategy.AllPairs });
        var h = DependencyDiscovery.Discover(t, options with { Strategy = FdStrategy.Hybrid });
        Assert.Equal(BruteForce.Fds(a), BruteForce.Fds(h));
        Assert.Equal(BruteForce.Uccs(a), BruteForce.Uccs(h));
        Assert.NotEmpty(a.Fds);
        foreach (var fd in a.Fds.Where((_, i) => i % 7 == 0))
        {
            var lhs = fd.Lhs.ToArray();
            Assert.True(BruteForce.Holds(t, lhs, fd.Rhs, NullSemantics.Equal));
            foreach (var b in lhs)
                Assert.False(BruteForce.Holds(t, lhs.Where(x => x != b).ToArray(), fd.Rhs, NullSemantics.Equal));
        }
    }
}
