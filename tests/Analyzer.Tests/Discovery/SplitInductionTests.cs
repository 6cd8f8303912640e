using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Discovery.Engine.Common;
using SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>
/// With several threads a wide table's FD induction runs on one FD tree per thread, each for a share of the
/// right-hand sides: the result must be the one a single tree gives, in the same order.
/// </summary>
public class SplitInductionTests
{
    private const int Wide = 70; // over the width from which the induction is split

    private static List<string> InOrder(DiscoveryResult r) => r.Fds.Select(BruteForce.Format).ToList();

    [Theory]
    [InlineData(1)] // all pairs
    [InlineData(2)] // sampling and validation
    public void Split_trees_give_the_fds_and_keys_of_one_tree_in_the_same_order(int strategyNumber)
    {
        var strategy = (FdStrategy)strategyNumber;
        for (int seed = 0; seed < 12; seed++)
        {
            var t = RandomTables.Make(seed, columns: Wide, rows: 24);
            var one = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 3, Strategy = strategy, Threads = 1 });
            Assert.True(one.Fds.Count > 0, $"seed {seed}: no FDs to compare");
            foreach (int threads in new[] { 2, 3 })
            {
                var split = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 3, Strategy = strategy, Threads = threads });
                Assert.True(InOrder(one).SequenceEqual(InOrder(split)), $"seed {seed}, {threads} threads: FDs differ");
                Assert.Equal(one.UniqueColumnCombinations, split.UniqueColumnCombinations);
                Assert.Equal(one.CompleteUpToLhs, split.CompleteUpToLhs);
                Assert.Equal(one.Limits, split.Limits);
            }
        }
    }

    [Fact]
    public void A_wide_table_gets_one_tree_per_thread_and_a_narrow_one_a_single_tree()
    {
        var control = new RunControl(new DiscoveryOptions());
        var wide = EncodedRelation.Create(RandomTables.Make(1, columns: Wide, rows: 10), Enumerable.Range(0, Wide).ToList(), NullSemantics.Equal);
        var universe = Bits128.FirstN(Wide + 1);
        Assert.Equal(2, new HybridFdSearch<Bits128>(wide, universe, 3, 2, control).TreeCount);
        Assert.Equal(1, new HybridFdSearch<Bits128>(wide, universe, 3, 1, control).TreeCount);
        var narrow = EncodedRelation.Create(RandomTables.Make(1, columns: 8, rows: 10), Enumerable.Range(0, 8).ToList(), NullSemantics.Equal);
        Assert.Equal(1, new HybridFdSearch<Bits64>(narrow, Bits64.FirstN(9), 3, 2, control).TreeCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(250)]
    public void Wherever_a_time_limit_stops_split_trees_the_result_is_exact_up_to_the_level_it_names(int milliseconds)
    {
        // Where the clock stops the run varies; what is reported must hold whatever the point (a run that
        // finishes must equal the full result).
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        for (int seed = 0; seed < 3; seed++)
        {
            var t = RandomTables.Make(seed, columns: Wide, rows: 150);
            var full = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 3, Strategy = strategy, Threads = 1 });
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions
            {
                MaxLhs = 3, Strategy = strategy, Threads = 2, TimeLimit = TimeSpan.FromMilliseconds(milliseconds),
            });
            int k = r.CompleteUpToLhs ?? int.MaxValue;
            Assert.True(InOrder(full).Where(fd => LhsSize(fd) <= k).SequenceEqual(InOrder(r)), $"seed {seed}, {strategy}: not exact up to {k}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Deepening_over_split_trees_reports_exactly_the_levels_it_finished(int finished)
    {
        // A simulated clock: searches bounded at up to `finished` columns are quick, deeper ones (the one-shot
        // search bounded at 6 included) take a second a clock read (the run's own reads are quick), so the one-shot search stops and the
        // bounded searches after it, each on split trees, finish exactly `finished` levels.
        Func<int, TimeSpan> step = bound => bound <= finished || bound == int.MaxValue ? TimeSpan.FromTicks(10) : TimeSpan.FromSeconds(1);
        for (int seed = 0; seed < 3; seed++)
        {
            var t = RandomTables.Make(seed, columns: Wide, rows: 12);
            var bounded = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = finished, Threads = 1 });
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions
            {
                MaxLhs = 6, Threads = 2, TimeLimit = TimeSpan.FromSeconds(10), SimulatedStep = step,
            });
            Assert.True(finished == r.CompleteUpToLhs, $"seed {seed}: complete up to {r.CompleteUpToLhs}: " + string.Join(" / ", r.Limits));
            Assert.True(InOrder(bounded).SequenceEqual(InOrder(r)), $"seed {seed}: not the FDs of up to {finished} columns");
            Assert.Equal(bounded.UniqueColumnCombinations, r.UniqueColumnCombinations);
            Assert.Contains($"time limit reached: FDs and keys are complete only up to {finished} columns on the left", r.Limits);
        }
    }

    [Fact]
    public void A_tiny_memory_budget_cuts_every_tree_to_one_depth_and_keeps_what_is_below_it()
    {
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        for (int seed = 0; seed < 4; seed++)
        {
            var t = RandomTables.Make(seed, columns: Wide, rows: 40);
            var full = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 3, Strategy = strategy, Threads = 1 });
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 3, Strategy = strategy, Threads = 2, MemoryBudgetBytes = 1 });
            Assert.Contains(r.Limits, l => l.Contains("memory budget"));
            int k = r.CompleteUpToLhs!.Value;
            Assert.True(k < 3, $"seed {seed}: the budget cut nothing");
            Assert.True(InOrder(full).Where(fd => LhsSize(fd) <= k).SequenceEqual(InOrder(r)), $"seed {seed}, {strategy}: not exact up to {k}");
        }
    }

    [Fact]
    public void Trees_read_side_by_side_give_each_left_side_once_with_all_its_right_sides()
    {
        var a = new FdTree<Bits64>(6, 6);
        var b = new FdTree<Bits64>(6, 6);
        a.Add(Bits64.Empty, Bits64.Empty.With(0));
        a.Add(Set(1, 2), Bits64.Empty.With(3));
        a.Add(Set(1, 2, 4), Bits64.Empty.With(5));
        b.Add(Set(1, 2), Bits64.Empty.With(0));
        b.Add(Set(1, 3), Bits64.Empty.With(4));
        b.Add(Set(2), Bits64.Empty.With(5));
        var seen = new List<string>();
        FdTree<Bits64>.ForEach([a, b], int.MaxValue, (lhs, rhs) => seen.Add(Text(lhs) + "->" + Text(rhs)));
        Assert.Equal(["[]->[0]", "[1,2]->[0,3]", "[1,2,4]->[5]", "[1,3]->[4]", "[2]->[5]"], seen);
        seen.Clear();
        FdTree<Bits64>.ForEach([a, b], 2, (lhs, rhs) => seen.Add(Text(lhs) + "->" + Text(rhs)));
        Assert.Equal(["[]->[0]", "[1,2]->[0,3]", "[1,3]->[4]", "[2]->[5]"], seen);
    }

    private static Bits64 Set(params int[] bits)
    {
        var set = Bits64.Empty;
        foreach (int bit in bits) set = set.With(bit);
        return set;
    }

    private static string Text(Bits64 bits) => "[" + string.Join(",", Bits.ToArray(bits)) + "]";

    private static int LhsSize(string fd) => fd.StartsWith("[]") ? 0 : fd[..fd.IndexOf(']')].Count(ch => ch == ',') + 1;
}
