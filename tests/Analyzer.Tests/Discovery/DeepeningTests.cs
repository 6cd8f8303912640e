using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>
/// A time limit without a bound: after the one-shot search stops at its share of the limit, searches bounded
/// at one column more each time report the deepest level that finished. Time is simulated (each clock read by
/// a search costs what the test says for its bound), so where the limit trips is chosen, not measured.
/// </summary>
public class DeepeningTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Searches bounded at up to <paramref name="fastUpTo"/> columns read the clock in a microsecond, deeper ones in a second.</summary>
    private static Func<int, TimeSpan> FastUpTo(int fastUpTo) =>
        bound => bound <= fastUpTo || bound == int.MaxValue ? TimeSpan.FromTicks(10) : TimeSpan.FromSeconds(1);

    private static int Deepest(List<string> fds) => fds.Count == 0 ? 0 : fds.Max(LhsSize);

    private static int LhsSize(string fd) => fd.StartsWith("[]") ? 0 : fd[..fd.IndexOf(']')].Count(ch => ch == ',') + 1;

    public static TheoryData<int, int> Cases()
    {
        var data = new TheoryData<int, int>();
        foreach (int seed in new[] { 3, 11, 29 })
            foreach (int k in new[] { 1, 2, 3 })
                data.Add(seed, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_stopped_one_shot_search_is_followed_by_bounded_ones_and_the_deepest_finished_level_is_reported(int seed, int k)
    {
        var t = RandomTables.Make(seed, columns: 8, rows: 40);
        var allFds = BruteForce.MinimalFds(t, NullSemantics.Equal);
        Assert.True(Deepest(allFds) > k); // a level beyond the bound is there to be cut off
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            var options = new DiscoveryOptions { TimeLimit = Limit, SimulatedStep = FastUpTo(k), Strategy = strategy };
            var r = DependencyDiscovery.Discover(t, options);
            Assert.Equal(k, r.CompleteUpToLhs);
            Assert.Equal(allFds.Where(fd => LhsSize(fd) <= k).ToList(), BruteForce.Fds(r));
            Assert.Equal(BruteForce.MinimalUccs(t, NullSemantics.Equal, k), BruteForce.Uccs(r));
            Assert.Equal([$"time limit reached: FDs and keys are complete only up to {k} columns on the left"], r.Limits);

            // The one-shot search alone, with the whole limit, finishes no level on this clock.
            var alone = DependencyDiscovery.Discover(t, options with { Deepen = false });
            Assert.Equal(-1, alone.CompleteUpToLhs);
            Assert.Empty(alone.Fds);
        }
    }

    [Fact]
    public void Deepening_stops_at_a_bound_its_search_cannot_keep_within_the_memory_budget_and_claims_nothing_beyond()
    {
        var t = RandomTables.Make(11, columns: 8, rows: 40);
        var allFds = BruteForce.MinimalFds(t, NullSemantics.Equal);
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            // Fast enough for three columns; the budget holds the tree to one.
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions
            {
                TimeLimit = Limit, SimulatedStep = FastUpTo(3), MemoryBudgetBytes = 1, Strategy = strategy,
            });
            Assert.Equal(1, r.CompleteUpToLhs);
            Assert.Equal(allFds.Where(fd => LhsSize(fd) <= 1).ToList(), BruteForce.Fds(r));
            Assert.Contains("time limit reached: FDs and keys are complete only up to 1 columns on the left", r.Limits);
            Assert.Contains(r.Limits, l => l.StartsWith("memory budget") && l.EndsWith("when searching 2 columns on the left"));
        }
    }

    [Fact]
    public void A_bounded_search_that_cut_nothing_off_is_the_complete_result()
    {
        // Every minimal FD within two columns: the search bounded at two drops nothing and is all there is.
        var b = new SchemaNorm.Analyzer.Data.TableDataBuilder(["a", "b", "c", "d", "e", "f", "g"]);
        var rng = new Random(5);
        for (int r = 0; r < 30; r++)
        {
            int x = rng.Next(4), y = rng.Next(3);
            b.AddRow("a" + x, "b" + y, "c" + (x + y), "d" + x * y, "e" + rng.Next(5), "f" + r, "g" + (x % 2));
        }
        var t = b.Build();
        var unlimited = DependencyDiscovery.Discover(t);
        Assert.True(unlimited.IsComplete);
        int deepest = Deepest(BruteForce.Fds(unlimited));
        var r2 = DependencyDiscovery.Discover(t, new DiscoveryOptions { TimeLimit = Limit, SimulatedStep = FastUpTo(t.ColumnCount - 2) });
        Assert.True(r2.IsComplete, string.Join(" / ", r2.Limits));
        Assert.True(deepest > 1);
        Assert.Equal(BruteForce.Fds(unlimited), BruteForce.Fds(r2));
        Assert.Equal(BruteForce.Uccs(unlimited), BruteForce.Uccs(r2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(17)]
    public void A_search_that_finishes_within_its_limit_reports_what_an_unlimited_one_does(int seed)
    {
        var t = RandomTables.Make(seed, columns: 7, rows: 30);
        var unlimited = DependencyDiscovery.Discover(t);
        foreach (var options in new[]
        {
            new DiscoveryOptions { TimeLimit = TimeSpan.FromHours(1) },
            new DiscoveryOptions { TimeLimit = Limit, SimulatedStep = _ => TimeSpan.FromTicks(10) },
            new DiscoveryOptions { TimeLimit = Limit, SimulatedStep = _ => TimeSpan.FromTicks(10), Deepen = false },
        })
        {
            var r = DependencyDiscovery.Discover(t, options);
            Assert.True(r.IsComplete);
            Assert.Null(r.CompleteUpToLhs);
            Assert.Empty(r.Limits);
            Assert.Equal(BruteForce.Fds(unlimited), BruteForce.Fds(r));
            Assert.Equal(BruteForce.Uccs(unlimited), BruteForce.Uccs(r));
            Assert.Equal(unlimited.KeyCandidates, r.KeyCandidates);
        }
    }

    [Fact]
    public void A_bound_the_user_set_keeps_the_whole_limit_and_is_not_deepened()
    {
        var t = RandomTables.Make(3, columns: 8, rows: 40);
        // Slow for every search: a bounded one-shot search alone, as before, stops with nothing finished.
        var options = new DiscoveryOptions { TimeLimit = Limit, SimulatedStep = FastUpTo(0), MaxLhs = 3 };
        var r = DependencyDiscovery.Discover(t, options);
        var alone = DependencyDiscovery.Discover(t, options with { Deepen = false });
        Assert.Equal(alone.CompleteUpToLhs, r.CompleteUpToLhs);
        Assert.Equal(alone.Limits, r.Limits);
        Assert.Equal(BruteForce.Fds(alone), BruteForce.Fds(r));
    }
}
