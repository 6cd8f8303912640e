using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>Time limits, memory budgets, cancellation and progress: bounded runs say what they bounded and report only what is certain.</summary>
public class LimitsTests
{
    private sealed class Collect : IProgress<DiscoveryProgress>
    {
        public List<DiscoveryProgress> Items { get; } = [];
        public void Report(DiscoveryProgress value)
        {
            lock (Items) Items.Add(value);
        }
    }

    [Fact]
    public void A_time_limit_of_zero_reports_what_it_stopped_and_nothing_uncertain()
    {
        var data = BenchmarkDatasetTests.Load("LineItem", '|', true);
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            var r = DependencyDiscovery.Discover(data, new DiscoveryOptions { TimeLimit = TimeSpan.Zero, Strategy = strategy });
            Assert.Contains(r.Limits, l => l.Contains("time limit"));
            Assert.False(r.IsComplete);
            var expected = BenchmarkDatasetTests.Expected("LineItem", false);
            var found = BruteForce.Fds(r);
            Assert.Empty(found.Except(expected));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    public void Wherever_a_time_limit_stops_the_search_the_result_is_exact_up_to_the_level_it_names(int milliseconds)
    {
        // Where the clock stops the run varies; what is reported must hold whatever the point.
        foreach (var (name, sep, header) in new[] { ("LineItem", '|', true), ("CIPublicHighway10k", ',', true), ("echocardiogram", ',', false) })
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            var data = BenchmarkDatasetTests.Load(name, sep, header);
            var r = DependencyDiscovery.Discover(data, new DiscoveryOptions { TimeLimit = TimeSpan.FromMilliseconds(milliseconds), Strategy = strategy });
            var expected = BenchmarkDatasetTests.Expected(name, false);
            if (r.IsComplete)
            {
                Assert.Equal(expected, BruteForce.Fds(r));
                continue;
            }
            int k = r.CompleteUpToLhs ?? -1;
            Assert.Equal(expected.Where(fd => LhsSize(fd) <= k).ToList(), BruteForce.Fds(r));
        }
    }

    private static int LhsSize(string fd) => fd.StartsWith("[]") ? 0 : fd[..fd.IndexOf(']')].Count(ch => ch == ',') + 1;

    [Fact]
    public void A_tiny_memory_budget_lowers_the_left_hand_side_bound_and_keeps_what_is_below_it()
    {
        var data = BenchmarkDatasetTests.Load("LineItem", '|', true);
        foreach (var strategy in new[] { FdStrategy.AllPairs, FdStrategy.Hybrid })
        {
            var r = DependencyDiscovery.Discover(data, new DiscoveryOptions { MemoryBudgetBytes = 1, Strategy = strategy });
            Assert.Contains(r.Limits, l => l.Contains("memory budget"));
            Assert.NotNull(r.CompleteUpToLhs);
            int k = r.CompleteUpToLhs!.Value;
            var expected = BenchmarkDatasetTests.Expected("LineItem", false).Where(fd => LhsSize(fd) <= k).ToList();
            Assert.Equal(expected, BruteForce.Fds(r));
        }
    }

    [Fact]
    public void The_approximate_search_stops_at_the_memory_budget_and_keeps_the_levels_it_finished()
    {
        var data = BenchmarkDatasetTests.Load("bridges", ',', false);
        var r = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxError = 0.05, MemoryBudgetBytes = 1, Uccs = false });
        Assert.Contains(r.Limits, l => l.Contains("memory budget"));
        int k = r.CompleteUpToLhs!.Value;
        var full = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxError = 0.05, Uccs = false });
        Assert.Equal(BruteForce.Fds(full).Where(fd => LhsSize(fd) <= k), BruteForce.Fds(r));
    }

    [Fact]
    public void Cancellation_throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var data = RandomTables.Make(1, columns: 5, rows: 20);
        Assert.ThrowsAny<OperationCanceledException>(() => DependencyDiscovery.Discover(data, new DiscoveryOptions { Cancellation = cts.Token }));
    }

    [Fact]
    public void Progress_names_the_phases()
    {
        var progress = new Collect();
        var data = BenchmarkDatasetTests.Load("CIPublicHighway700", ',', true);
        DependencyDiscovery.Discover(data, new DiscoveryOptions { Progress = progress, Strategy = FdStrategy.Hybrid });
        var phases = progress.Items.Select(p => p.Phase).Distinct().ToList();
        Assert.Contains(DiscoveryPhase.Sampling, phases);
        Assert.Contains(DiscoveryPhase.Validation, phases);
        Assert.Equal(DiscoveryPhase.Done, progress.Items[^1].Phase);
    }

    [Fact]
    public void Unobserved_columns_are_left_out()
    {
        var t = RandomTables.Make(7, columns: 5, rows: 20);
        var hidden = new SchemaNorm.Analyzer.Data.TableData(t.ColumnNames, t.Columns, t.RowCount)
        {
            UnobservedColumns = AttributeSet.Of(1, 3),
        };
        var r = DependencyDiscovery.Discover(hidden);
        // The same as discovery on the table without them, with column numbers mapped back (0,1,2 → 0,2,4).
        int[] map = [0, 2, 4];
        var expected = BruteForce.MinimalFds(t.Select(map), NullSemantics.Equal);
        var found = r.Fds.Select(f => BruteForce.Format(f.Lhs.ToArray().Select(c => Array.IndexOf(map, c)).ToArray(), Array.IndexOf(map, f.Rhs)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, found);
        Assert.Equal(AttributeSet.Of(map), r.Columns);
    }

    [Fact]
    public void Tables_with_no_columns_or_one_column()
    {
        var none = new SchemaNorm.Analyzer.Data.TableDataBuilder([]);
        none.EndRow();
        none.EndRow();
        var r0 = DependencyDiscovery.Discover(none.Build());
        Assert.Empty(r0.Fds);
        Assert.Empty(r0.UniqueColumnCombinations);

        var one = new SchemaNorm.Analyzer.Data.TableDataBuilder(["a"]);
        foreach (var v in new[] { "x", "y", "x" }) one.AddRow(v);
        var r1 = DependencyDiscovery.Discover(one.Build());
        Assert.Empty(r1.Fds);
        Assert.Empty(r1.UniqueColumnCombinations);
        var unique = new SchemaNorm.Analyzer.Data.TableDataBuilder(["a"]);
        foreach (var v in new[] { "x", "y", null }) unique.AddRow(v);
        var r2 = DependencyDiscovery.Discover(unique.Build());
        Assert.Equal(["[0]"], BruteForce.Uccs(r2));
        Assert.Empty(r2.KeyCandidates); // a NULL rules the column out of a primary key
    }

    [Theory]
    [InlineData(600)]
    [InlineData(1100)]
    public void Very_wide_tables_are_searched_up_to_the_widest_bit_set_and_say_what_was_left_out(int columns)
    {
        var rng = new Random(columns);
        var b = new SchemaNorm.Analyzer.Data.TableDataBuilder(Enumerable.Range(0, columns).Select(c => "c" + c).ToList());
        for (int r = 0; r < 12; r++)
            b.AddRow(Enumerable.Range(0, columns).Select(c => (string?)("v" + (c % 7 == 0 ? r : rng.Next(3)))).ToArray());
        var t = b.Build();
        var r1 = DependencyDiscovery.Discover(t, new DiscoveryOptions { MaxLhs = 1 });
        int searched = Math.Min(columns, DependencyDiscovery.MaxColumns);
        Assert.Equal(searched, r1.Columns.Count);
        Assert.Equal(columns > DependencyDiscovery.MaxColumns, r1.Limits.Any(l => l.Contains("first 1023")));
        // Column 0 is unique: it determines every searched column, and is a key.
        Assert.Equal(Enumerable.Range(1, searched - 1), r1.Fds.Where(f => f.Lhs == AttributeSet.Of(0)).Select(f => f.Rhs));
        Assert.Contains(AttributeSet.Of(0), r1.UniqueColumnCombinations);
        foreach (var fd in r1.Fds.Where((_, i) => i % 97 == 0))
            Assert.True(BruteForce.Holds(t, fd.Lhs.ToArray(), fd.Rhs, NullSemantics.Equal));
    }

    [Fact]
    public void Tables_with_no_rows_or_one_row_have_constant_columns_and_the_empty_key()
    {
        foreach (int rows in new[] { 0, 1 })
        {
            var t = RandomTables.Make(3, columns: 3, rows: rows);
            var r = DependencyDiscovery.Discover(t);
            Assert.Equal(["[]->0", "[]->1", "[]->2"], BruteForce.Fds(r));
            Assert.Equal(["[]"], BruteForce.Uccs(r));
        }
    }
}
