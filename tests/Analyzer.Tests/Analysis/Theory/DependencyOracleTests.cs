using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Tests.Analysis.Rules;

namespace SchemaNorm.Analyzer.Tests.Analysis.Theory;

/// <summary>The oracle and the whole analysis against the definitions, on random small dependency sets (fixed seeds).</summary>
public class DependencyOracleTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int s = 1; s <= 12; s++) data.Add(s);
        return data;
    }

    private static IEnumerable<ReferenceModel> Models(int seed, int count = 15)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) yield return ReferenceModel.Random(rng);
    }

    private static DependencyOracle Oracle(ReferenceModel m) => new(m.N, m.Fds, m.Mvds, m.Jds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Closures_and_keys_match_the_chase(int seed)
    {
        foreach (var m in Models(seed))
        {
            var oracle = Oracle(m);
            foreach (var x in m.AllSubsets())
            {
                Assert.True(m.Closure(x) == oracle.Closure(x), $"{m}: closure of {x.Format(m.Names)}");
                Assert.Equal(m.Closure(x) == m.U, oracle.IsSuperkey(x));
            }
            var keys = oracle.CandidateKeys();
            Assert.True(keys.Complete);
            Assert.True(m.Keys().SequenceEqual(keys.Keys), $"{m}: keys");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MVD_implication_matches_the_chase(int seed)
    {
        foreach (var m in Models(seed))
        {
            var oracle = Oracle(m);
            foreach (var x in m.AllSubsets())
                foreach (var y in m.AllSubsets().Where(y => !y.Overlaps(x)))
                    Assert.True(m.ImpliesMvd(x, y) == oracle.ImpliesMvd(new MultivaluedDependency(x, y)),
                        $"{m}: {x.Format(m.Names)} ->> {y.Format(m.Names)}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normal_form_matches_the_definitions(int seed)
    {
        foreach (var m in Models(seed))
        {
            var diagnostics = new DiagnosticBag();
            var analysis = TableBuilder.Analyze(m.ToTable(), diagnostics: diagnostics);
            Assert.Empty(diagnostics.Items);
            Assert.Null(analysis.Undetermined);
            Assert.True(m.NormalForm() == analysis.NormalForm,
                $"{m}: expected {m.NormalForm().Display()}, got {analysis.NormalForm.Display()}: {string.Join(" | ", analysis.Findings.Select(f => f.RuleId + " " + f.Dependency?.Format(m.Names)))}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Wider_FD_only_tables_match_the_definitions(int seed)
    {
        var rng = new Random(1000 + seed);
        for (int i = 0; i < 10; i++)
        {
            var m = ReferenceModel.Random(rng, 5, 7, mvds: false, jds: false);
            m.Fds.AddRange(ReferenceModel.Random(rng, m.N, m.N, mvds: false, jds: false).Fds);
            var analysis = TableBuilder.Analyze(m.ToTable());
            Assert.Equal(m.NormalForm(), analysis.NormalForm);
            Assert.True(m.Keys().SequenceEqual(analysis.CandidateKeys), m.ToString());
        }
    }

    [Fact]
    public void FDs_implied_by_an_MVD_and_an_FD_count()
    {
        // A ->> B with C -> A, B gives A -> B by coalescence: a transitive dependency nobody stated.
        var analysis = new TableBuilder("dbo.R", "A", "B", "C").PrimaryKey("C").Declare("A ->> B").Declare("C -> A, B").Analyze();
        var f = RuleAssert.One(analysis, TransitiveDependencyRule.Id);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(0), 1), f.Dependency!.Fd);
        Assert.True(f.Dependency.IsDerived);
        Assert.Contains(f.Dependency.DerivedFrom, d => d.Mvd is not null);
        Assert.Equal(NormalForm.Second, analysis.NormalForm);
    }

    [Fact]
    public void Hitting_the_key_limit_is_said_and_no_form_is_claimed_beyond_what_was_established()
    {
        // A <-> B, C <-> D, E <-> F, G <-> H: 16 keys; every FD breaks BCNF, none breaks 3NF (all columns are prime).
        var b = new TableBuilder("dbo.Pairs", "A", "B", "C", "D", "E", "F", "G", "H").PrimaryKey("A", "C", "E", "G");
        foreach (var (x, y) in new[] { ("A", "B"), ("C", "D"), ("E", "F"), ("G", "H") }) b.Declare($"{x} -> {y}").Declare($"{y} -> {x}");
        var table = b.Build();

        var full = TableBuilder.Analyze(table);
        Assert.Equal(16, full.CandidateKeys.Count);
        Assert.Equal(NormalForm.Third, full.NormalForm);

        var limited = TableBuilder.Analyze(table, new AnalysisOptions { KeyLimit = 4 });
        Assert.False(limited.KeysComplete);
        Assert.Equal(NormalForm.Second, limited.Undetermined);
        Assert.Equal(NormalForm.First, limited.NormalForm);
        Assert.True(limited.NormalForm <= full.NormalForm);
        Assert.Contains(limited.Notes, n => n.Contains("stopped", StringComparison.Ordinal));
        // BCNF needs no key list: its violations are still reported exactly.
        Assert.Equal(8, limited.Findings.Count(f => f.RuleId == NonKeyDeterminantRule.Id));
    }

    [Fact]
    public void A_search_bound_leaves_the_form_undetermined_instead_of_claiming_it()
    {
        // With MVDs the implied FDs are searched over subsets; a bound below the width stops the search,
        // so 3NF is not claimed (A ->> B with C -> A, B implies A -> B: the table is in 2NF only).
        var b = new TableBuilder("dbo.R", "A", "B", "C").PrimaryKey("C").Declare("A ->> B").Declare("C -> A, B");
        var bounded = b.Analyze(new AnalysisOptions { MaxExhaustiveColumns = 1 });
        Assert.NotNull(bounded.Undetermined);
        Assert.True(bounded.NormalForm <= NormalForm.Second);
        Assert.Contains(bounded.Notes, n => n.Contains("not established", StringComparison.Ordinal));
        Assert.Equal(NormalForm.Second, b.Analyze().NormalForm);
        Assert.Null(b.Analyze().Undetermined);
    }
}

public class ChaseImpliesFdTests
{
    [Fact]
    public void FD_whose_chase_merges_the_two_rows_is_implied()
    {
        // A -> B over (A, B): the chase makes the two starting rows identical (this once read past the tableau).
        var fds = new[] { new FunctionalDependency(AttributeSet.Single(0), 1) };
        Assert.True(Chase.ImpliesFd(AttributeSet.Range(2), fds[0], fds, [], [], Chase.DefaultMaxRows));
        Assert.False(Chase.ImpliesFd(AttributeSet.Range(2), new FunctionalDependency(AttributeSet.Single(1), 0), fds, [], [], Chase.DefaultMaxRows));
    }
}
