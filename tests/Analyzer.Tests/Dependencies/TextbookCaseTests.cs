using System.Text.Json;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

/// <summary>
/// Every case of ../shared/cases/textbook-cases.json against the algebra: keys, prime columns, minimal
/// cover, the violation lists, the maximal BCNF subschemas, and the facts stated of each decomposition
/// (lossless, dependency preserving, lost FDs, components in BCNF / 3NF) and of the MVDs and JDs.
/// </summary>
public class TextbookCaseTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Cases)));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.Value.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    /// <summary>One case over a list of attribute names; the JSON names sets of attributes and FDs by name.</summary>
    private sealed class Case
    {
        public Case(JsonElement json, IReadOnlyList<string>? attributes = null)
        {
            Json = json;
            Expected = json.GetProperty("expected");
            Names = attributes ?? json.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToList();
            Universe = AttributeSet.Range(Names.Count);
            Fds = json.GetProperty("fds").EnumerateArray().Select(Fd).ToList();
            Mvds = json.TryGetProperty("mvds", out var m) ? m.EnumerateArray().Select(x => new MultivaluedDependency(Set(x.GetProperty("lhs")), Set(x.GetProperty("rhs")))).ToList() : [];
            Jds = json.TryGetProperty("jds", out var j) ? j.EnumerateArray().Select(Jd).ToList() : [];
            FdSet = new FunctionalDependencySet(Names.Count, Fds);
        }

        public JsonElement Json { get; }
        public JsonElement Expected { get; }
        public IReadOnlyList<string> Names { get; }
        public AttributeSet Universe { get; }
        public List<FunctionalDependency> Fds { get; }
        public List<MultivaluedDependency> Mvds { get; }
        public List<JoinDependency> Jds { get; }
        public FunctionalDependencySet FdSet { get; }

        public AttributeSet Set(JsonElement names) => AttributeSet.Of(names.EnumerateArray().Select(n =>
        {
            int i = Names.ToList().IndexOf(n.GetString()!);
            Assert.True(i >= 0, $"unknown attribute {n}");
            return i;
        }));

        public FunctionalDependency Fd(JsonElement fd) => new(Set(fd.GetProperty("lhs")), Set(fd.GetProperty("rhs")));

        public JoinDependency Jd(JsonElement jd) => new(jd.EnumerateArray().Select(Set));

        public List<AttributeSet> Sets(JsonElement list) => list.EnumerateArray().Select(Set).ToList();

        public string Show(AttributeSet s) => "{" + s.Format(Names) + "}";

        public string Show(FunctionalDependency fd) => fd.Format(Names);
    }

    private static Case Load(string id) =>
        new(Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id));

    /// <summary>A case with a set-valued column is analysed after flattening it (its afterFlatteningTo1NF attributes).</summary>
    private static Case Flattened(Case c) =>
        c.Expected.TryGetProperty("afterFlatteningTo1NF", out var flat)
            ? new Case(c.Json, flat.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToList())
            : c;

    private static void AssertSameSets<T>(IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> show)
    {
        var e = expected.Select(show).Order().ToList();
        var a = actual.Select(show).Order().ToList();
        Assert.Equal(e, a);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Keys_prime_columns_and_minimal_cover(string id)
    {
        var c = Load(id);
        var keysJson = c.Expected.TryGetProperty("candidateKeys", out var k) ? k : c.Expected.GetProperty("afterFlatteningTo1NF").GetProperty("candidateKeys");
        c = Flattened(c);

        var keys = CandidateKeys.Find(c.FdSet);
        Assert.True(keys.Complete);
        AssertSameSets(c.Sets(keysJson), keys.Keys, c.Show);

        if (c.Expected.TryGetProperty("primeAttributes", out var prime))
        {
            Assert.Equal(c.Set(prime), CandidateKeys.PrimeAttributes(keys.Keys));
            Assert.Equal(c.Set(prime), CandidateKeys.PrimeAttributes(c.FdSet));
        }

        if (c.Expected.TryGetProperty("minimalCover", out var coverJson))
        {
            var expected = coverJson.EnumerateArray().Select(c.Fd).ToList();
            var cover = MinimalCover.Compute(c.FdSet);
            MinimalCoverTests.AssertMinimalCoverOf(c.Fds, cover);
            MinimalCoverTests.AssertMinimalCoverOf(c.Fds, expected);
            // Every minimal cover is made of minimal FDs; when each FD of the expected cover is needed
            // even beside all the other minimal FDs, every minimal cover contains it, so the cover is unique.
            var allMinimal = Naive.MinimalFds(c.Fds, c.Universe);
            bool unique = expected.All(fd => !Naive.Implies(allMinimal.Where(m => m != fd), fd));
            if (unique) AssertSameSets(expected, cover, c.Show);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Normal_form_violations_of_the_whole_relation(string id)
    {
        var c = Load(id);
        if (c.Json.TryGetProperty("nonAtomicAttributes", out _))
        {
            c = Flattened(c);
            var flat = c.Expected.GetProperty("afterFlatteningTo1NF");
            AssertSameSets(flat.GetProperty("violations2NF").EnumerateArray().Select(c.Fd), PartialDependencies(c), c.Show);
            return;
        }

        // The MVDs and JDs of these cases add no FD, so the FD algorithms decide 2NF..BCNF on their own.
        foreach (var x in Naive.Subsets(c.Universe))
            foreach (var a in c.Universe - x)
                Assert.Equal(c.FdSet.Determines(x, AttributeSet.Single(a)),
                    Chase.ImpliesFd(c.Universe, new FunctionalDependency(x, a), c.Fds, c.Mvds, c.Jds));

        var violations = c.Expected.GetProperty("violations");
        var satisfies = c.Expected.GetProperty("satisfies");
        var prime = CandidateKeys.PrimeAttributes(c.FdSet);
        var minimal = MinimalDependencies.Find(c.FdSet);
        var given = c.Fds.SelectMany(fd => fd.SplitRhs()).ToList();
        bool NotSuperkey(FunctionalDependency fd) => !c.FdSet.IsSuperkey(fd.Lhs);
        bool NonPrime(FunctionalDependency fd) => !fd.Rhs.IsSubsetOf(prime);

        var partial = PartialDependencies(c);
        AssertSameSets(violations.GetProperty("2NF_minimalPartialDependencies").EnumerateArray().Select(c.Fd), partial, c.Show);
        AssertSameSets(violations.GetProperty("BCNF_closureMinimal").EnumerateArray().Select(c.Fd), minimal.Where(NotSuperkey), c.Show);
        AssertSameSets(violations.GetProperty("3NF_closureMinimal").EnumerateArray().Select(c.Fd), minimal.Where(fd => NotSuperkey(fd) && NonPrime(fd)), c.Show);
        AssertSameSets(violations.GetProperty("BCNF_givenFDs").EnumerateArray().Select(c.Fd), given.Where(NotSuperkey), c.Show);
        AssertSameSets(violations.GetProperty("3NF_givenFDs").EnumerateArray().Select(c.Fd), given.Where(fd => NotSuperkey(fd) && NonPrime(fd)), c.Show);

        Assert.Equal(satisfies.GetProperty("2NF").GetBoolean(), partial.Count == 0);
        Assert.Equal(satisfies.GetProperty("3NF").GetBoolean(), ThirdNormalFormViolation.Find(c.FdSet, c.Universe) is null);
        Assert.Equal(satisfies.GetProperty("BCNF").GetBoolean(), BcnfViolation.Find(c.FdSet, c.Universe) is null);
    }

    /// <summary>Minimal X -> A with A non-prime and X a proper subset of some key (2NF over all keys).</summary>
    private static List<FunctionalDependency> PartialDependencies(Case c)
    {
        var keys = CandidateKeys.FindAll(c.FdSet);
        var prime = CandidateKeys.PrimeAttributes(keys);
        return MinimalDependencies.Find(c.FdSet)
            .Where(fd => !fd.Rhs.IsSubsetOf(prime) && keys.Any(k => fd.Lhs.IsProperSubsetOf(k)))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Maximal_bcnf_subschemas_and_preserving_bcnf_decompositions(string id)
    {
        var c = Load(id);
        if (!c.Expected.TryGetProperty("maximalBcnfSubschemas", out var maximalJson)) return;
        var listed = c.Sets(maximalJson);

        // Exactly the maximal subschemas in BCNF: each is, and every BCNF subschema lies in one of them.
        var inBcnf = Naive.Subsets(c.Universe).Where(s => BcnfViolation.IsBcnf(c.FdSet, s)).ToList();
        Assert.All(inBcnf, s => Assert.True(Naive.IsBcnf(c.Fds, s)));
        var maximal = inBcnf.Where(s => !inBcnf.Any(t => s.IsProperSubsetOf(t))).ToList();
        AssertSameSets(listed, maximal, c.Show);

        bool exists = Chase.IsLossless(c.Universe, listed, c.Fds) && DependencyPreservation.IsPreserving(c.FdSet, listed);
        Assert.Equal(c.Expected.GetProperty("dependencyPreservingBcnfDecompositionExists").GetBoolean(), exists);

        if (c.Expected.TryGetProperty("dependencyPreservingBcnfWitness", out var witnessJson))
        {
            var witness = c.Sets(witnessJson);
            Assert.True(Chase.IsLossless(c.Universe, witness, c.Fds));
            Assert.True(DependencyPreservation.IsPreserving(c.FdSet, witness));
            Assert.All(witness, s => Assert.True(BcnfViolation.IsBcnf(c.FdSet, s)));
        }
    }

    private static readonly HashSet<string> DecompositionFactsNotAboutTheAlgebra = ["relations", "origin", "note", "componentHighestNF"];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Stated_facts_of_every_decomposition(string id)
    {
        var c = Load(id);
        int checkedDecompositions = 0;
        foreach (var prop in c.Expected.EnumerateObject())
        {
            if (prop.Value.ValueKind != JsonValueKind.Object || !prop.Value.TryGetProperty("relations", out var relationsJson)) continue;
            // The 1NF fix decomposes the flattened relation.
            var over = prop.Name == "decomposition" ? Flattened(c) : c;
            var relations = over.Sets(relationsJson);
            checkedDecompositions++;

            foreach (var fact in prop.Value.EnumerateObject())
            {
                string where = $"{id}.{prop.Name}.{fact.Name}";
                switch (fact.Name)
                {
                    case "lossless":
                        Assert.True(fact.Value.GetBoolean() == Chase.IsLossless(over.Universe, relations, over.Fds, over.Mvds, over.Jds), where);
                        break;
                    case "dependencyPreserving":
                    case "dependencyPreserving(FDs)":
                        Assert.True(fact.Value.GetBoolean() == DependencyPreservation.IsPreserving(over.FdSet, relations), where);
                        break;
                    case "lostDependencies":
                        AssertSameSets(fact.Value.EnumerateArray().Select(over.Fd), DependencyPreservation.LostDependencies(over.FdSet, relations), over.Show);
                        break;
                    case "allComponentsBCNF":
                        Assert.True(fact.Value.GetBoolean() == relations.All(r => BcnfViolation.IsBcnf(over.FdSet, r)), where);
                        break;
                    case "allComponents3NF":
                        Assert.True(fact.Value.GetBoolean() == relations.All(r => ThirdNormalFormViolation.Is3NF(over.FdSet, r)), where);
                        break;
                    case "relationAlreadyIn3NF":
                        Assert.True(fact.Value.GetBoolean() == ThirdNormalFormViolation.Is3NF(over.FdSet, over.Universe), where);
                        break;
                    case "bcnfComponents":
                        AssertSameSets(over.Sets(fact.Value), relations.Where(r => BcnfViolation.IsBcnf(over.FdSet, r)), over.Show);
                        break;
                    default:
                        Assert.True(DecompositionFactsNotAboutTheAlgebra.Contains(fact.Name), $"{where}: a fact this test does not check");
                        break;
                }
            }
        }
        Assert.True(checkedDecompositions > 0, "no decomposition in the case");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Multivalued_and_join_dependency_facts(string id)
    {
        var c = Load(id);
        if (c.Mvds.Count == 0 && c.Jds.Count == 0) return;
        var violations = c.Expected.GetProperty("violations");
        var keys = CandidateKeys.FindAll(c.FdSet);

        // Each stated MVD holds, by the chase and by the dependency basis.
        foreach (var m in c.Mvds)
        {
            Assert.True(Chase.ImpliesMvd(c.Universe, m, c.Fds, c.Mvds, c.Jds));
            if (c.Jds.Count == 0) Assert.True(DependencyBasis.ImpliesMvd(m, c.Universe, c.Fds, c.Mvds));
        }

        // 4NF: the listed MVDs are implied, non-trivial, with no superkey on the left; every other such
        // MVD has one of their left sides inside its own.
        var listed = violations.GetProperty("4NF_nontrivialMVDsWithNonSuperkeyLHS(minimalLHS)").EnumerateArray().ToList();
        foreach (var v in listed)
        {
            var mvd = new MultivaluedDependency(c.Set(v.GetProperty("lhs")), c.Set(v.GetProperty("rhs")));
            Assert.True(Chase.ImpliesMvd(c.Universe, mvd, c.Fds, c.Mvds, c.Jds));
            Assert.False(mvd.IsTrivial(c.Universe));
            Assert.False(c.FdSet.IsSuperkey(mvd.Lhs));
            Assert.Equal(c.Set(v.GetProperty("complement")), mvd.Complement(c.Universe));
        }
        var lhsListed = listed.Select(v => c.Set(v.GetProperty("lhs"))).ToList();
        foreach (var x in Naive.Subsets(c.Universe).Where(x => !c.FdSet.IsSuperkey(x)))
            foreach (var y in Naive.Subsets(c.Universe - x))
            {
                var mvd = new MultivaluedDependency(x, y);
                if (mvd.IsTrivial(c.Universe) || !Chase.ImpliesMvd(c.Universe, mvd, c.Fds, c.Mvds, c.Jds)) continue;
                Assert.Contains(lhsListed, l => l.IsSubsetOf(x));
            }

        // 5NF: the listed JDs follow from the dependencies but not from the keys alone.
        if (violations.GetProperty("5NF_JDsNotImpliedByKeys") is { ValueKind: JsonValueKind.Array } jds)
        {
            var keyFds = keys.Select(k => new FunctionalDependency(k, c.Universe)).ToList();
            foreach (var jd in jds.EnumerateArray().Select(c.Jd))
            {
                Assert.True(Chase.ImpliesJd(c.Universe, jd, c.Fds, c.Mvds, c.Jds));
                Assert.False(Chase.ImpliesJd(c.Universe, jd, keyFds));
            }
        }
    }
}
