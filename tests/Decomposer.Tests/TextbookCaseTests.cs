using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Algorithms;
using SchemaNorm.Decomposer.Inputs;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Decomposer.Ranking;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// Every textbook case: the proposal is lossless and reaches the target (checked with the analyzer's own
/// chase and BCNF/3NF tests, not the decomposer's), dependency preservation and the lost FDs are as the
/// case lists them, whether a dependency-preserving BCNF decomposition exists is decided as the case says,
/// and the 3NF synthesis is lossless, preserving and in 3NF.
/// </summary>
public class TextbookCaseTests
{
    public static TheoryData<string> Ids() => TextbookCase.Ids();

    public static TheoryData<string> FdOnlyIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in TextbookCase.All)
        {
            bool mvds = c.TryGetProperty("mvds", out var m) && m.GetArrayLength() > 0;
            bool jds = c.TryGetProperty("jds", out var j) && j.GetArrayLength() > 0;
            if (!mvds && !jds) data.Add(c.GetProperty("id").GetString()!);
        }
        return data;
    }

    private static Decomposition Propose(TextbookCase c, NormalForm target, bool withPrimaryKey = false) =>
        Normalizer.Propose(c.Table(withPrimaryKey), c.Dependencies(), null, new DecompositionOptions { Target = target });

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Bcnf_proposal_is_lossless_and_every_table_is_in_bcnf(string id)
    {
        var c = TextbookCase.Load(id);
        var d = Propose(c, NormalForm.BCNF);
        var parts = d.Tables.Select(t => t.Columns).ToList();

        Assert.True(d.Lossless);
        Assert.True(Chase.IsLossless(c.Universe, parts, c.Fds), $"{id}: {d}");
        Assert.Equal(c.Universe, parts.Aggregate(AttributeSet.Empty, (a, b) => a | b));
        foreach (var t in d.Tables)
        {
            Assert.True(BcnfViolation.IsBcnf(c.FdSet, t.Columns), $"{id}: {t} is not in BCNF");
            Assert.True(t.NormalForm >= NormalForm.BCNF, $"{id}: {t} reported as {t.NormalForm}");
        }
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Preservation_is_reported_as_the_case_lists_it(string id)
    {
        var c = TextbookCase.Load(id);
        var d = Propose(c, NormalForm.BCNF);
        var parts = d.Tables.Select(t => t.Columns).ToList();

        // The lost FDs are exactly those of the stated FDs that the tables do not preserve.
        var expectedLost = DependencyPreservation.LostDependencies(c.FdSet, parts).ToHashSet();
        Assert.Equal(expectedLost, d.LostDependencies.Select(l => l.Dependency).ToHashSet());
        Assert.Equal(expectedLost.Count == 0, d.DependencyPreserving);

        if (c.TryExpected("dependencyPreservingBcnfDecompositionExists", out var exists))
        {
            Assert.Equal(exists.GetBoolean(), d.DependencyPreservingBcnfExists);
            // Where one exists the proposal is one; where none does, the proposal cannot be.
            Assert.Equal(exists.GetBoolean(), d.DependencyPreserving);
            if (!exists.GetBoolean())
            {
                var alt = Assert.IsType<Decomposition>(d.Alternative);
                // The synthesis, or the table itself when the synthesis gives it back whole.
                Assert.Equal(alt.Tables.Count == 1 ? DecompositionMethod.None : DecompositionMethod.Synthesis, alt.Method);
                if (alt.Tables.Count == 1) Assert.Equal(c.Universe, alt.Tables[0].Columns);
                Assert.True(alt.Lossless);
                Assert.True(alt.DependencyPreserving);
                Assert.Empty(alt.LostDependencies);
                foreach (var t in alt.Tables) Assert.True(ThirdNormalFormViolation.Is3NF(c.FdSet, t.Columns));
            }
        }

        // Where the proposal is the case's BCNF decomposition, its lost FDs are the case's.
        if (c.TryExpected("bcnfDecomposition", out var bcnf))
        {
            var relations = TextbookCase.AsSet(c.Sets(bcnf.GetProperty("relations")));
            Assert.Equal(bcnf.GetProperty("dependencyPreserving").GetBoolean(), d.DependencyPreserving);
            if (relations.SetEquals(parts))
            {
                var caseLost = bcnf.GetProperty("lostDependencies").EnumerateArray().Select(c.Fd).ToHashSet();
                Assert.Equal(caseLost, d.LostDependencies.Select(l => l.Dependency).ToHashSet());
            }
        }
    }

    [Fact]
    public void The_cases_without_a_preserving_bcnf_decomposition_get_the_textbook_split()
    {
        // SKS dept_advisor and the ABCD exercise: the case's BCNF decomposition, and its lost FD.
        foreach (var id in new[] { "SKS_dept_advisor", "CE_ABCD_AB_C_C_D_D_A" })
        {
            var c = TextbookCase.Load(id);
            var d = Propose(c, NormalForm.BCNF);
            var bcnf = c.Expected.GetProperty("bcnfDecomposition");
            Assert.Equal(TextbookCase.AsSet(c.Sets(bcnf.GetProperty("relations"))), d.Tables.Select(t => t.Columns).ToHashSet());
            Assert.Equal(
                bcnf.GetProperty("lostDependencies").EnumerateArray().Select(c.Fd).ToHashSet(),
                d.LostDependencies.Select(l => l.Dependency).ToHashSet());
            Assert.False(d.DependencyPreservingBcnfExists);
            Assert.All(d.LostDependencies, l => Assert.Contains("indexed view", l.Enforcement));
        }
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Maximal_bcnf_subschemas_are_the_cases(string id)
    {
        var c = TextbookCase.Load(id);
        if (!c.TryExpected("maximalBcnfSubschemas", out var expected)) return;
        var space = new DependencySpace(c.Names.Count, c.Fds);
        var found = BcnfPreservation.MaximalBcnfSubschemas(space, 100_000);
        Assert.Equal(TextbookCase.AsSet(c.Sets(expected)), found.ToHashSet());
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Preservation_decision_is_the_cases_and_its_witness_is_preserving_bcnf(string id)
    {
        var c = TextbookCase.Load(id);
        if (!c.TryExpected("dependencyPreservingBcnfDecompositionExists", out var exists)) return;
        var space = new DependencySpace(c.Names.Count, c.Fds);
        var decision = BcnfPreservation.Decide(space, c.FdSet);
        Assert.Equal(exists.GetBoolean(), decision.Exists);
        if (decision.Exists == true)
        {
            Assert.True(Chase.IsLossless(c.Universe, decision.Witness, c.Fds));
            Assert.True(DependencyPreservation.IsPreserving(c.FdSet, decision.Witness));
            Assert.All(decision.Witness, w => Assert.True(BcnfViolation.IsBcnf(c.FdSet, w)));
        }
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Synthesis_is_lossless_preserving_and_in_3nf(string id)
    {
        var c = TextbookCase.Load(id);
        var space = new DependencySpace(c.Names.Count, c.Fds);
        var tables = Synthesis.Run(space, new KeyChooser(new TableFacts(c.Table(), null))).Select(t => t.Columns).ToList();

        Assert.True(Chase.IsLossless(c.Universe, tables, c.Fds));
        Assert.True(DependencyPreservation.IsPreserving(c.FdSet, tables));
        Assert.All(tables, t => Assert.True(ThirdNormalFormViolation.Is3NF(c.FdSet, t)));
        Assert.DoesNotContain(tables, t => tables.Any(o => o != t && t.IsSubsetOf(o)));
        if (c.TryExpected("threeNFSynthesis", out var synthesis))
            Assert.Equal(TextbookCase.AsSet(c.Sets(synthesis.GetProperty("relations"))), tables.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void Target_3nf_gives_the_synthesis_when_the_table_is_below_3nf(string id)
    {
        var c = TextbookCase.Load(id);
        var d = Propose(c, NormalForm.Third);
        bool in3nf = ThirdNormalFormViolation.Is3NF(c.FdSet, c.Universe);
        Assert.Equal(in3nf ? DecompositionMethod.None : DecompositionMethod.Synthesis, d.Method);
        Assert.True(d.Lossless);
        Assert.True(d.DependencyPreserving);
        Assert.All(d.Tables, t => Assert.True(t.NormalForm >= NormalForm.Third));
    }

    [Fact]
    public void Course_teacher_text_splits_on_its_mvd_into_the_4nf_tables()
    {
        var c = TextbookCase.Load("Date_CTX");
        var d = Propose(c, NormalForm.Fourth);
        var expected = c.Expected.GetProperty("fourNFDecomposition");
        var parts = d.Tables.Select(t => t.Columns).ToList();
        Assert.Equal(TextbookCase.AsSet(c.Sets(expected.GetProperty("relations"))), parts.ToHashSet());
        Assert.True(d.Lossless);
        Assert.True(Chase.IsLossless(c.Universe, parts, c.Fds, c.Mvds));
        Assert.All(d.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
        Assert.Equal(DependencyKind.Mvd, Assert.Single(d.Steps).Kind);

        // BCNF is met already: nothing to do for that target.
        Assert.Equal(DecompositionMethod.None, Propose(c, NormalForm.BCNF).Method);
    }

    [Fact]
    public void Supplier_part_project_splits_into_the_components_of_its_join_dependency()
    {
        var c = TextbookCase.Load("Date_SPJ");
        var d = Propose(c, NormalForm.Fifth);
        var expected = c.Expected.GetProperty("fiveNFDecomposition");
        var parts = d.Tables.Select(t => t.Columns).ToList();
        Assert.Equal(TextbookCase.AsSet(c.Sets(expected.GetProperty("relations"))), parts.ToHashSet());
        Assert.True(d.Lossless);
        Assert.True(Chase.IsLossless(c.Universe, parts, c.Fds, c.Mvds, c.Jds));
        Assert.False(Chase.IsLossless(c.Universe, parts, c.Fds), "without the JD the split would be lossy");
        Assert.All(d.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));

        // The JD implies no MVD: the table is in 4NF, and a 4NF target leaves it alone.
        Assert.Equal(DecompositionMethod.None, Propose(c, NormalForm.Fourth).Method);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Highest_target_proposal_is_lossless_and_reaches_5nf(string id)
    {
        var c = TextbookCase.Load(id);
        var d = Propose(c, NormalForm.Fifth);
        var parts = d.Tables.Select(t => t.Columns).ToList();
        Assert.True(Chase.IsLossless(c.Universe, parts, c.Fds, c.Mvds, c.Jds));
        Assert.All(d.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
        if (c.TryExpected("highestNormalForm", out var hnf) && hnf.GetString() == "5NF")
            Assert.Equal(DecompositionMethod.None, d.Method);
    }

    [Theory]
    [MemberData(nameof(FdOnlyIds))]
    public void A_declared_primary_key_stays_in_one_table_or_the_proposal_says_why_not(string id)
    {
        var c = TextbookCase.Load(id);
        if (!c.TryExpected("candidateKeys", out var keys)) return; // the 1NF case lists its keys after flattening only
        var d = Propose(c, NormalForm.BCNF, withPrimaryKey: true);
        var pk = c.Set(keys[0]);
        Assert.True(d.Lossless);
        Assert.All(d.Tables, t => Assert.True(BcnfViolation.IsBcnf(c.FdSet, t.Columns)));
        if (d.Tables.Any(t => pk.IsSubsetOf(t.Columns)))
            Assert.Contains(d.Tables, t => t.PrimaryKey == pk && t.IsRemainder);
        else
            Assert.Contains(d.Notes, n => n.Contains("primary key", StringComparison.Ordinal));
    }
}
