using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// Seeded random schemas and dependency sets. Every BCNF / 4NF / 5NF proposal is lossless and each of its
/// tables meets the target, every 3NF synthesis is lossless and preserving; the checks use the analyzer's
/// chase and normal-form tests, or brute force over all subsets, never the decomposer's own answers.
/// </summary>
public class PropertyTests
{
    private static AttributeSet Subset(Random rng, int width, int min, int max)
    {
        int size = Math.Min(width, rng.Next(min, max + 1));
        var set = AttributeSet.Empty;
        while (set.Count < size) set = set.With(rng.Next(width));
        return set;
    }

    private static List<FunctionalDependency> RandomFds(Random rng, int width, int count) =>
        Enumerable.Range(0, count)
            .Select(_ => new FunctionalDependency(Subset(rng, width, rng.Next(20) == 0 ? 0 : 1, 3), Subset(rng, width, 1, 2)))
            .ToList();

    private static Table Table(int width)
    {
        var t = new Table(new QualifiedName("dbo", "R"), new SourceLocation("r.sql", 1, 1));
        for (int i = 0; i < width; i++)
            t.Columns.Add(new Column(((char)('A' + i)).ToString(), new SqlType("int"), new SourceLocation("r.sql", 2 + i, 1)) { IsNullable = false });
        return t;
    }

    private static List<TableDependency> Declared(IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency>? mvds = null, IEnumerable<JoinDependency>? jds = null) =>
    [
        .. fds.Select(f => TableDependency.Functional(f, DependencySource.Declared)),
        .. (mvds ?? []).Select(m => TableDependency.Multivalued(m, DependencySource.Declared)),
        .. (jds ?? []).Select(j => TableDependency.Join(j, DependencySource.Declared)),
    ];

    private static Decomposition Propose(int width, NormalForm target, IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null, IEnumerable<JoinDependency>? jds = null) =>
        Normalizer.Propose(Table(width), Declared(fds, mvds, jds), null, new DecompositionOptions { Target = target });

    [Fact]
    public void Every_bcnf_proposal_is_lossless_in_bcnf_and_honest_about_preservation()
    {
        var rng = new Random(20240601);
        for (int run = 0; run < 300; run++)
        {
            int width = rng.Next(3, 8);
            var fds = RandomFds(rng, width, rng.Next(1, 7));
            var set = new FunctionalDependencySet(width, fds);
            var universe = AttributeSet.Range(width);
            var d = Propose(width, NormalForm.BCNF, fds);
            var parts = d.Tables.Select(t => t.Columns).ToList();
            string what = $"run {run}: {string.Join("; ", fds)} -> {string.Join(" ", parts)}";

            Assert.Equal(universe, parts.Aggregate(AttributeSet.Empty, (a, b) => a | b));
            Assert.True(Chase.IsLossless(universe, parts, fds), what);
            Assert.True(d.Lossless, what);
            Assert.All(parts, p => Assert.True(BcnfViolation.IsBcnf(set, p), what));
            Assert.All(d.Tables, t => Assert.True(t.NormalForm >= NormalForm.BCNF, what));
            var lost = DependencyPreservation.LostDependencies(set, parts);
            Assert.Equal(lost.Count == 0, d.DependencyPreserving);
            Assert.Equal(lost.ToHashSet(), d.LostDependencies.Select(l => l.Dependency).ToHashSet());

            // Whether a preserving BCNF decomposition exists, by brute force over all subsets.
            bool exists = DependencyPreservation.IsPreserving(set, MaximalBcnfByBruteForce(set, width));
            Assert.Equal(exists, d.DependencyPreservingBcnfExists);
            Assert.Equal(exists, d.DependencyPreserving);
            if (!exists)
            {
                var alt = Assert.IsType<Decomposition>(d.Alternative);
                Assert.True(Chase.IsLossless(universe, alt.Tables.Select(t => t.Columns).ToList(), fds), what);
                Assert.True(DependencyPreservation.IsPreserving(set, alt.Tables.Select(t => t.Columns).ToList()), what);
            }
            // Every table has a key, and every foreign key names another table's primary key.
            foreach (var t in d.Tables)
            {
                Assert.True(set.Determines(t.PrimaryKey, t.Columns), what);
                foreach (var fk in t.ForeignKeys.Where(f => !f.IsExternal))
                    Assert.Equal(fk.Columns, d.Find(fk.ReferencedTable)!.PrimaryKey);
            }
            Assert.Equal(d.Tables.Count, d.Tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void Maximal_bcnf_subschemas_match_brute_force()
    {
        var rng = new Random(7);
        for (int run = 0; run < 200; run++)
        {
            int width = rng.Next(2, 9);
            var fds = RandomFds(rng, width, rng.Next(1, 8));
            var set = new FunctionalDependencySet(width, fds);
            var found = BcnfPreservation.MaximalBcnfSubschemas(new DependencySpace(width, fds), 1_000_000);
            Assert.Equal(MaximalBcnfByBruteForce(set, width).ToHashSet(), found.ToHashSet());
        }
    }

    private static List<AttributeSet> MaximalBcnfByBruteForce(FunctionalDependencySet set, int width)
    {
        var bcnf = new List<AttributeSet>();
        for (int mask = 1; mask < 1 << width; mask++)
        {
            var s = AttributeSet.Of(Enumerable.Range(0, width).Where(i => (mask >> i & 1) != 0));
            if (BcnfViolation.IsBcnf(set, s)) bcnf.Add(s);
        }
        return bcnf.Where(s => !bcnf.Any(o => o != s && s.IsSubsetOf(o))).ToList();
    }

    [Fact]
    public void Every_3nf_synthesis_is_lossless_preserving_and_in_3nf()
    {
        var rng = new Random(3);
        for (int run = 0; run < 300; run++)
        {
            int width = rng.Next(3, 9);
            var fds = RandomFds(rng, width, rng.Next(1, 8));
            var set = new FunctionalDependencySet(width, fds);
            var universe = AttributeSet.Range(width);
            var d = Propose(width, NormalForm.Third, fds);
            var parts = d.Tables.Select(t => t.Columns).ToList();
            string what = $"run {run}: {string.Join("; ", fds)} -> {string.Join(" ", parts)}";
            Assert.True(Chase.IsLossless(universe, parts, fds), what);
            Assert.True(DependencyPreservation.IsPreserving(set, parts), what);
            Assert.True(d.DependencyPreserving && d.Lossless, what);
            Assert.All(parts, p => Assert.True(ThirdNormalFormViolation.Is3NF(set, p), what));
        }
    }

    [Fact]
    public void Every_4nf_proposal_is_lossless_and_free_of_embedded_mvd_violations()
    {
        var rng = new Random(44);
        for (int run = 0; run < 120; run++)
        {
            int width = rng.Next(3, 7);
            var fds = RandomFds(rng, width, rng.Next(0, 3));
            var mvds = Enumerable.Range(0, rng.Next(1, 3))
                .Select(_ => new MultivaluedDependency(Subset(rng, width, 0, 2), Subset(rng, width, 1, Math.Max(1, width / 2))))
                .ToList();
            var universe = AttributeSet.Range(width);
            var d = Propose(width, NormalForm.Fourth, fds, mvds);
            var parts = d.Tables.Select(t => t.Columns).ToList();
            string what = $"run {run}: {string.Join("; ", fds)} | {string.Join("; ", mvds)} -> {string.Join(" ", parts)}";
            Assert.True(Chase.IsLossless(universe, parts, fds, mvds), what);
            Assert.True(d.Lossless, what);
            foreach (var p in parts)
                Assert.True(Meets4nf(universe, p, fds, mvds, []), what + $": {p} is not in 4NF");
            Assert.All(d.Tables, t => Assert.True(t.NormalForm >= NormalForm.Fourth, what));
        }
    }

    [Fact]
    public void Every_5nf_proposal_is_lossless_and_free_of_embedded_mvd_violations()
    {
        var rng = new Random(55);
        for (int run = 0; run < 60; run++)
        {
            int width = rng.Next(3, 6);
            var fds = RandomFds(rng, width, rng.Next(0, 2));
            var comps = Enumerable.Range(0, 3).Select(_ => Subset(rng, width, 1, width - 1)).ToList();
            for (int a = 0; a < width; a++)
                if (!comps.Any(c => c.Contains(a))) comps[rng.Next(3)] = comps[rng.Next(3)].With(a);
            if (comps.Aggregate(AttributeSet.Empty, (x, y) => x | y) != AttributeSet.Range(width)) continue;
            var jd = new JoinDependency(comps);
            var universe = AttributeSet.Range(width);
            var d = Propose(width, NormalForm.Fifth, fds, null, [jd]);
            var parts = d.Tables.Select(t => t.Columns).ToList();
            string what = $"run {run}: {string.Join("; ", fds)} | {jd} -> {string.Join(" ", parts)}";
            Assert.True(Chase.IsLossless(universe, parts, fds, null, [jd]), what);
            foreach (var p in parts)
                Assert.True(Meets4nf(universe, p, fds, [], [jd]), what + $": {p} is not in 4NF");
            Assert.All(d.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
        }
    }

    /// <summary>
    /// Brute force: no X ⊆ T and split of T − X into non-empty Y, Z such that X ->> Y | Z holds among T's
    /// columns while X is no superkey of T.
    /// </summary>
    private static bool Meets4nf(AttributeSet universe, AttributeSet t, List<FunctionalDependency> fds, List<MultivaluedDependency> mvds, List<JoinDependency> jds)
    {
        var cols = t.ToArray();
        for (int xm = 0; xm < 1 << cols.Length; xm++)
        {
            var x = AttributeSet.Of(cols.Where((_, i) => (xm >> i & 1) != 0));
            var rest = (t - x).ToArray();
            if (rest.Length < 2) continue;
            if (Implies(universe, new FunctionalDependency(x, t), fds, mvds, jds)) continue;
            for (int ym = 1; ym < (1 << rest.Length) - 1; ym++)
            {
                var y = AttributeSet.Of(rest.Where((_, i) => (ym >> i & 1) != 0));
                var z = t - x - y;
                if (Chase.ImpliesEmbeddedMvd(universe, x, y, z, fds, mvds, jds)) return false;
            }
        }
        return true;
    }

    private static bool Implies(AttributeSet universe, FunctionalDependency fd, List<FunctionalDependency> fds, List<MultivaluedDependency> mvds, List<JoinDependency> jds)
    {
        try
        {
            return Chase.ImpliesFd(universe, fd, fds, mvds, jds);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The chase merged its two seed rows: they agree everywhere, so X determines every column.
            return true;
        }
    }

    [Fact]
    public void Embedded_chase_agrees_with_the_analyzers_lossless_test_on_full_decompositions()
    {
        var rng = new Random(11);
        for (int run = 0; run < 300; run++)
        {
            int width = rng.Next(3, 7);
            var fds = RandomFds(rng, width, rng.Next(0, 4));
            var mvds = Enumerable.Range(0, rng.Next(0, 2))
                .Select(_ => new MultivaluedDependency(Subset(rng, width, 0, 2), Subset(rng, width, 1, 2))).ToList();
            var comps = Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Subset(rng, width, 1, width - 1)).ToList();
            var universe = AttributeSet.Range(width);
            for (int a = 0; a < width; a++)
                if (!comps.Any(c => c.Contains(a))) comps[0] = comps[0].With(a);
            Assert.Equal(Chase.IsLossless(universe, comps, fds, mvds), Chase.ImpliesEmbeddedJd(universe, comps, fds, mvds));
        }
    }

    [Fact]
    public void Embedded_chase_finds_an_mvd_that_holds_in_a_projection_and_rejects_one_that_does_not()
    {
        // A ->> B over ABCD: among A, B, C the embedded A ->> B | C holds; A ->> C | D among A, C, D does not.
        var universe = AttributeSet.Range(4);
        MultivaluedDependency[] mvds = [new(AttributeSet.Of(0), AttributeSet.Of(1))];
        Assert.True(Chase.ImpliesEmbeddedMvd(universe, AttributeSet.Of(0), AttributeSet.Of(1), AttributeSet.Of(2), [], mvds));
        Assert.False(Chase.ImpliesEmbeddedMvd(universe, AttributeSet.Of(0), AttributeSet.Of(2), AttributeSet.Of(3), [], mvds));
        // With C -> D as well, A ->> C | D among A, C, D is still not implied, but A ->> B | D among A, B, D is.
        FunctionalDependency[] fds = [new(AttributeSet.Of(2), AttributeSet.Of(3))];
        Assert.False(Chase.ImpliesEmbeddedMvd(universe, AttributeSet.Of(0), AttributeSet.Of(2), AttributeSet.Of(3), fds, mvds));
        Assert.True(Chase.ImpliesEmbeddedMvd(universe, AttributeSet.Of(0), AttributeSet.Of(1), AttributeSet.Of(3), fds, mvds));
    }
}
