using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>MVDs and JDs found on random tables against their definitions.</summary>
public class MvdJdPropertyTests
{
    [Fact]
    public void Mvds_found_hold_and_imply_every_mvd_that_holds()
    {
        for (int seed = 0; seed < 120; seed++)
        {
            var t = RandomTables.Make(seed, columns: 3 + seed % 3, rows: 4 + seed % 12);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true });
            int m = t.ColumnCount;
            var universe = AttributeSet.Range(m);
            foreach (var mvd in r.Mvds)
            {
                Assert.False(mvd.Rhs.IsEmpty || mvd.Complement.IsEmpty);
                Assert.Equal(universe, mvd.Lhs | mvd.Rhs | mvd.Complement);
                Assert.True(BruteForce.MvdHolds(t, mvd.Lhs.ToArray(), mvd.Rhs.ToArray(), NullSemantics.Equal), $"seed {seed}: {mvd} does not hold");
            }
            var fds = r.Fds.Select(f => f.ToDependency()).ToList();
            var mvds = r.Mvds.Select(x => x.ToDependency()).ToList();
            foreach (var x in BruteForce.Subsets(Enumerable.Range(0, m).ToArray()))
            {
                var rest = Enumerable.Range(0, m).Except(x).ToArray();
                foreach (var y in BruteForce.Subsets(rest))
                {
                    if (y.Length == 0 || y.Length == rest.Length) continue;
                    if (!BruteForce.MvdHolds(t, x, y, NullSemantics.Equal)) continue;
                    var holding = new MultivaluedDependency(AttributeSet.Of(x), AttributeSet.Of(y));
                    Assert.True(DependencyBasis.ImpliesMvd(holding, universe, fds, mvds), $"seed {seed}: {holding} holds but does not follow from what was found");
                }
            }
        }
    }

    [Fact]
    public void Keys_and_fds_found_first_leave_the_mvds_and_jds_unchanged()
    {
        // The search skips left sides that a key or an FD settles; without them (Fds and Uccs off) it searches them all.
        int settledByKey = 0, settledByFd = 0, withMvds = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var t = RandomTables.Make(seed, columns: 3 + seed % 4, rows: 3 + seed % 13, nullRate: seed % 2 == 0 ? 0 : 0.1);
            var known = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true });
            var unaided = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true, Fds = false, Uccs = false });
            Assert.Equal(unaided.Mvds, known.Mvds);
            Assert.Equal(unaided.Jds.Select(Text), known.Jds.Select(Text));
            Assert.Equal(unaided.Limits, known.Limits);
            if (known.UniqueColumnCombinations.Any(k => k.Count < t.ColumnCount)) settledByKey++;
            if (known.Fds.Any(f => f.Lhs.Count < t.ColumnCount - 2)) settledByFd++;
            if (known.Mvds.Count > 0) withMvds++;
        }
        Assert.True(settledByKey >= 20 && settledByFd >= 100 && withMvds >= 10, $"keys {settledByKey}, FDs {settledByFd}, MVDs {withMvds}: too few tables exercise the shortcuts");
    }

    [Fact]
    public void Fds_found_first_leave_only_the_splits_they_allow_to_test()
    {
        // p <-> q and r <-> s vary independently; k is constant. Keys {p, r} etc. settle every one-column
        // left side; for X = {} the FDs tie p to q and r to s, and X determines k, so one split is left.
        var b = new TableDataBuilder(["p", "q", "r", "s", "k"]);
        for (int p = 0; p < 3; p++)
        for (int r = 0; r < 3; r++)
            b.AddRow(["p" + p, "q" + p, "r" + r, "s" + r, "k"]);
        var t = b.Build();
        var known = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true });
        var unaided = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true, Fds = false, Uccs = false });
        Assert.Equal(1, known.Statistics.MultivaluedTests);
        Assert.NotEmpty(known.Mvds);
        Assert.Equal(unaided.Mvds, known.Mvds);
        Assert.True(unaided.Statistics.MultivaluedTests > 1);
    }

    [Fact]
    public void Fds_found_first_leave_the_mvds_unchanged_on_tables_of_derived_columns()
    {
        // Random independent blocks of columns (so MVDs hold) with columns derived from several others
        // (so FDs with wide left sides bound the splits), with and without NULLs and an FD bound.
        int withMvds = 0, saved = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var t = DerivedColumns(seed);
            foreach (var maxLhs in new int?[] { null, 1 })
            {
                var nulls = seed % 3 == 0 ? NullSemantics.Distinct : NullSemantics.Equal;
                var known = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true, Nulls = nulls, MaxLhs = maxLhs });
                var unaided = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true, Nulls = nulls, MaxLhs = maxLhs, Fds = false, Uccs = false });
                Assert.Equal(unaided.Mvds, known.Mvds);
                Assert.Equal(unaided.Jds.Select(Text), known.Jds.Select(Text));
                if (known.Mvds.Count > 0) withMvds++;
                if (maxLhs is null && known.Statistics.MultivaluedTests < unaided.Statistics.MultivaluedTests) saved++;
            }
        }
        Assert.True(withMvds >= 20 && saved >= 40, $"MVDs on {withMvds} runs, fewer tests on {saved}: too few tables exercise the FD sides");
    }

    [Fact]
    public void A_bounded_fd_list_does_not_rule_out_a_split()
    {
        // x1 x2 ->> b | c a holds (b and c vary independently within each (x1, x2) group). The FDs into a are
        // {b, c} -> a (b names its group) and {x1, x2, c} -> a; with left sides bounded to 2 columns only the
        // first is listed, and it crosses the split: the list is not the whole story, so it may not confine.
        var b = new TableDataBuilder(["x1", "x2", "b", "c", "a"]);
        for (int x1 = 0; x1 < 2; x1++)
        for (int x2 = 0; x2 < 2; x2++)
        for (int j = 0; j < 2; j++)
        for (int c = 0; c < 3; c++)
            b.AddRow(["x" + x1, "y" + x2, "b" + (4 * x1 + 2 * x2 + j), "c" + c, "a" + ((x1 ^ x2) + 2 * c)]);
        var t = b.Build();
        var options = new DiscoveryOptions { Mvds = true, MaxLhs = 2 };
        var known = DependencyDiscovery.Discover(t, options);
        var unaided = DependencyDiscovery.Discover(t, options with { Fds = false, Uccs = false });
        Assert.Contains(known.Fds, f => f.Rhs == 4 && f.Lhs == AttributeSet.Of(2, 3));
        Assert.DoesNotContain(known.Fds, f => f.Rhs == 4 && f.Lhs == AttributeSet.Of(0, 1, 3));
        Assert.Contains(unaided.Mvds, m => m.Lhs == AttributeSet.Of(0, 1) && (m.Rhs == AttributeSet.Of(2) || m.Complement == AttributeSet.Of(2)));
        Assert.Equal(unaided.Mvds, known.Mvds);
    }

    /// <summary>Two or three independent random parts, each of one to two columns, and one or two columns computed from several.</summary>
    private static TableData DerivedColumns(int seed)
    {
        var rng = new Random(seed);
        var parts = Enumerable.Range(0, rng.Next(2, 4)).Select(_ => rng.Next(1, 3)).ToList()
            .Select(w => Enumerable.Range(0, rng.Next(4, 9)).Select(_ => Enumerable.Range(0, w).Select(_ => rng.Next(3)).ToArray()).ToList()).ToList();
        int width = parts.Sum(p => p[0].Length);
        int derived = rng.Next(1, 3);
        var names = Enumerable.Range(0, width + derived).Select(i => "c" + i).ToList();
        var builder = new TableDataBuilder(names);
        var weights = Enumerable.Range(0, derived).Select(_ => Enumerable.Range(0, width).Select(_ => rng.Next(0, 3)).ToArray()).ToList();
        void Emit(List<int> values)
        {
            var row = values.Select(v => (string?)("v" + v)).ToList();
            foreach (var w in weights) row.Add("d" + values.Select((v, i) => v * w[i]).Sum() % (2 + seed % 2));
            if (seed % 3 == 0 && rng.NextDouble() < 0.05) row[rng.Next(row.Count)] = null;
            builder.AddRow(row.ToArray());
        }
        void Product(int i, List<int> prefix)
        {
            if (i == parts.Count) { Emit(prefix); return; }
            foreach (var tuple in parts[i].Distinct(new ArrayComparer()))
                Product(i + 1, [.. prefix, .. tuple]);
        }
        Product(0, []);
        return builder.Build();
    }

    private sealed class ArrayComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x!.SequenceEqual(y!);
        public int GetHashCode(int[] a) => a.Aggregate(17, (h, v) => h * 31 + v);
    }

    private static string Text(DiscoveredJd jd) => string.Join(" * ", jd.Components);

    [Fact]
    public void A_one_column_key_settles_the_whole_mvd_search()
    {
        // id is a key; (course, book) vary independently of each other within a teacher, but each row has its own id.
        var b = new TableDataBuilder(["id", "teacher", "course", "book"]);
        b.AddRow(["1", "t1", "c1", "b1"]);
        b.AddRow(["2", "t1", "c1", "b2"]);
        b.AddRow(["3", "t1", "c2", "b1"]);
        b.AddRow(["4", "t1", "c2", "b2"]);
        var t = b.Build();
        var withKeys = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true });
        var without = DependencyDiscovery.Discover(t, new DiscoveryOptions { Mvds = true, Jds = true, Fds = false, Uccs = false });
        Assert.Contains(AttributeSet.Of([0]), withKeys.UniqueColumnCombinations);
        Assert.Empty(withKeys.Mvds);
        Assert.Equal(without.Mvds, withKeys.Mvds);
        Assert.Empty(withKeys.Limits);
    }

    [Fact]
    public void Jds_found_are_exactly_the_finest_three_way_jds_on_all_key_tables()
    {
        int allKey = 0, withJd = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var t = seed % 2 == 0 ? JoinOfRandomProjections(seed) : DenseRandomRows(seed);
            var r = DependencyDiscovery.Discover(t, new DiscoveryOptions { Jds = true });
            int m = t.ColumnCount;
            var cols = Enumerable.Range(0, m).ToArray();
            bool anyFd = cols.Any(a => BruteForce.Holds(t, cols.Where(c => c != a).ToArray(), a, NullSemantics.Equal));
            if (anyFd || m < 3)
            {
                Assert.Empty(r.Jds);
                continue;
            }
            allKey++;
            // Every assignment of columns to "missing from component 1, 2, 3, or none", with each missing set non-empty.
            var valid = new List<AttributeSet[]>();
            foreach (var assignment in Assignments(m))
            {
                var missing = Enumerable.Range(1, 3).Select(k => AttributeSet.Of(cols.Where(c => assignment[c] == k))).ToArray();
                if (missing.Any(s => s.IsEmpty) || missing[0].First() > missing[1].First() || missing[1].First() > missing[2].First()) continue;
                var comps = missing.Select(s => AttributeSet.Range(m) - s).ToArray();
                if (BruteForce.JdHolds(t, comps)) valid.Add(missing);
            }
            var finest = valid.Where(v => !valid.Any(w => w != v && Finer(w, v)))
                .Select(v => new JoinDependency(v.Select(s => AttributeSet.Range(m) - s)))
                .Select(j => j.ToString()).Order().ToList();
            Assert.Equal(finest, r.Jds.Select(j => j.ToDependency().ToString()).Order().ToList());
            if (finest.Count > 0) withJd++;
        }
        Assert.True(allKey > 20 && withJd > 5, $"the generator gave {allKey} all-key tables, {withJd} with a JD");
    }

    private static bool Finer(AttributeSet[] w, AttributeSet[] v) =>
        Permutations().Any(p => v[0].IsSubsetOf(w[p[0]]) && v[1].IsSubsetOf(w[p[1]]) && v[2].IsSubsetOf(w[p[2]]));

    private static IEnumerable<int[]> Permutations() =>
        [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    private static IEnumerable<int[]> Assignments(int m)
    {
        int total = (int)Math.Pow(4, m);
        for (int code = 0; code < total; code++)
        {
            var a = new int[m];
            int x = code;
            for (int i = 0; i < m; i++) { a[i] = x % 4; x /= 4; }
            yield return a;
        }
    }

    /// <summary>A random part of the product of small domains: dense enough that often no FD holds.</summary>
    private static TableData DenseRandomRows(int seed)
    {
        var rng = new Random(seed);
        int m = 3 + seed % 3 / 2;
        var builder = new TableDataBuilder(Enumerable.Range(0, m).Select(i => "c" + i).ToList());
        int total = (int)Math.Pow(3, m);
        double density = 0.3 + rng.NextDouble() * 0.6;
        for (int code = 0; code < total; code++)
        {
            if (rng.NextDouble() > density) continue;
            var row = new string?[m];
            int x = code;
            for (int i = 0; i < m; i++) { row[i] = "v" + x % 3; x /= 3; }
            builder.AddRow(row);
        }
        return builder.Build();
    }

    /// <summary>The join of random relations on AB, BC and CA (and D riding with one of them): a cyclic JD holds by construction.</summary>
    private static TableData JoinOfRandomProjections(int seed)
    {
        var rng = new Random(seed);
        int m = 3 + seed % 4 / 2;
        HashSet<(int, int)> Rel() => Enumerable.Range(0, rng.Next(4, 12)).Select(_ => (rng.Next(3), rng.Next(3))).ToHashSet();
        var ab = Rel();
        var bc = Rel();
        var ca = Rel();
        var builder = new TableDataBuilder(Enumerable.Range(0, m).Select(i => "c" + i).ToList());
        foreach (var (a, b) in ab)
        foreach (var (b2, c) in bc)
        {
            if (b != b2 || !ca.Contains((c, a))) continue;
            if (m == 3) builder.AddRow("a" + a, "b" + b, "c" + c);
            else
                for (int d = 0; d < 2; d++)
                    builder.AddRow("a" + a, "b" + b, "c" + c, "d" + ((a + d) % 2));
        }
        return builder.Build();
    }
}
