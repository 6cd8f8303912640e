using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Analysis;

/// <summary>
/// Every case of ../shared/cases/textbook-cases.json, built as a table the way the DDL would give it
/// (columns = attributes, PRIMARY KEY = the first candidate key, the dependencies as annotations, the
/// sample rows as table data), analysed, and compared with the case's verified answers.
/// </summary>
public class TextbookCasesTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Cases)));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.Value.RootElement.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private sealed record Case(
        string Id, JsonElement Json, IReadOnlyList<string> Attributes,
        IReadOnlyList<FunctionalDependency> Fds, IReadOnlyList<MultivaluedDependency> Mvds, IReadOnlyList<JoinDependency> Jds)
    {
        public JsonElement Expected => Json.GetProperty("expected");

        public AttributeSet Set(JsonElement names)
        {
            var set = AttributeSet.Empty;
            foreach (var n in names.EnumerateArray())
            {
                int i = Attributes.ToList().IndexOf(n.GetString()!);
                Assert.True(i >= 0, $"{Id}: unknown attribute {n}");
                set = set.With(i);
            }
            return set;
        }

        public bool TryViolations(string name, out JsonElement list)
        {
            list = default;
            return Expected.TryGetProperty("violations", out var v) && v.TryGetProperty(name, out list) && list.ValueKind == JsonValueKind.Array;
        }

        public HashSet<FunctionalDependency> FdList(JsonElement list) =>
            list.EnumerateArray().Select(e => new FunctionalDependency(Set(e.GetProperty("lhs")), Set(e.GetProperty("rhs")))).ToHashSet();

        public DependencyOracle Oracle() => new(Attributes.Count, Fds, Mvds, Jds);
    }

    private static Case Load(string id)
    {
        var json = Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var attributes = json.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToList();
        var c = new Case(id, json, attributes, [], [], []);
        var fds = Items(json, "fds").Select(e => new FunctionalDependency(c.Set(e.GetProperty("lhs")), c.Set(e.GetProperty("rhs")))).ToList();
        var mvds = Items(json, "mvds").Select(e => new MultivaluedDependency(c.Set(e.GetProperty("lhs")), c.Set(e.GetProperty("rhs")))).ToList();
        var jds = Items(json, "jds").Select(e => new JoinDependency(e.EnumerateArray().Select(c.Set))).ToList();
        return c with { Fds = fds, Mvds = mvds, Jds = jds };
    }

    private static IEnumerable<JsonElement> Items(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static IEnumerable<string> Names(JsonElement names) => names.EnumerateArray().Select(n => n.GetString()!);

    /// <summary>The table as the DDL would declare it, with the dependencies as "-- schemanorm:" annotations.</summary>
    private static Table BuildTable(Case c)
    {
        var b = new TableBuilder("dbo." + c.Json.GetProperty("relation").GetString(), [.. c.Attributes]);
        IEnumerable<string> pk = c.Expected.TryGetProperty("candidateKeys", out var keys)
            ? Names(keys[0])
            // No keys listed (the 1NF case): the first key its FDs give.
            : CandidateKeys.FindAll(new FunctionalDependencySet(c.Attributes.Count, c.Fds))[0].Names(c.Attributes);
        b.PrimaryKey([.. pk]);
        foreach (var e in Items(c.Json, "fds"))
            b.Annotate(new DependencyAnnotation(DependencyKind.Fd, Names(e.GetProperty("lhs")).ToList(), Names(e.GetProperty("rhs")).ToList(), [], b.Next()));
        foreach (var e in Items(c.Json, "mvds"))
            b.Annotate(new DependencyAnnotation(DependencyKind.Mvd, Names(e.GetProperty("lhs")).ToList(), Names(e.GetProperty("rhs")).ToList(), [], b.Next()));
        foreach (var e in Items(c.Json, "jds"))
            b.Annotate(new DependencyAnnotation(DependencyKind.Jd, [], [], e.EnumerateArray().Select(x => (IReadOnlyList<string>)Names(x).ToList()).ToList(), b.Next()));

        var table = b.Build();
        if (c.Json.TryGetProperty("sampleData", out var sample))
        {
            var diagnostics = new DiagnosticBag();
            var csv = CsvReader.Parse(sample.GetProperty("csv").GetString()!, c.Id + ".csv", new CsvOptions { Delimiter = ',' }, diagnostics);
            Assert.NotNull(csv);
            Assert.False(diagnostics.HasErrors);
            Assert.Equal(c.Attributes, csv!.Header);
            table.Data = csv.Data;
        }
        return table;
    }

    private static (Case Case, TableAnalysis Analysis) Run(string id)
    {
        var c = Load(id);
        var diagnostics = new DiagnosticBag();
        var analysis = TableBuilder.Analyze(BuildTable(c), diagnostics: diagnostics);
        Assert.Empty(diagnostics.Items);
        return (c, analysis);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Highest_normal_form_and_satisfied_forms(string id)
    {
        var (c, analysis) = Run(id);
        Assert.Equal(c.Expected.GetProperty("highestNormalForm").GetString(), analysis.NormalForm.Display());
        foreach (var p in c.Expected.GetProperty("satisfies").EnumerateObject())
            Assert.Equal(p.Value.GetBoolean(), analysis.Meets(NormalForms.Parse(p.Name)));
        Assert.Null(analysis.Undetermined);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Candidate_keys_and_prime_attributes(string id)
    {
        var (c, analysis) = Run(id);
        Assert.True(analysis.KeysComplete);
        if (c.Expected.TryGetProperty("candidateKeys", out var keys))
            Assert.Equal(keys.EnumerateArray().Select(c.Set).ToHashSet(), analysis.CandidateKeys.ToHashSet());
        if (c.Expected.TryGetProperty("primeAttributes", out var prime))
            Assert.Equal(c.Set(prime), analysis.PrimeAttributes);
        // Keys are reported sorted by (size, column order).
        Assert.Equal(analysis.CandidateKeys.Order().ToList(), analysis.CandidateKeys);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Violation_lists_match(string id)
    {
        var c = Load(id);
        if (!c.Expected.TryGetProperty("candidateKeys", out _)) return; // the 1NF case lists no FD violations
        var oracle = c.Oracle();
        var keys = oracle.CandidateKeys();
        Assert.True(keys.Complete);
        var prime = CandidateKeys.PrimeAttributes(keys.Keys);

        if (c.TryViolations("2NF_minimalPartialDependencies", out var partial))
        {
            var found = NormalFormTheory.MinimalPartialDependencies(oracle, keys.Keys, prime);
            Assert.True(found.Complete);
            Assert.Equal(c.FdList(partial), found.Items.ToHashSet());
        }
        foreach (var (name, form) in new[] { ("3NF_givenFDs", NormalForm.Third), ("BCNF_givenFDs", NormalForm.BCNF) })
            if (c.TryViolations(name, out var given))
                Assert.Equal(c.FdList(given), NormalFormTheory.GivenFdViolations(oracle, c.Fds, form, prime).ToHashSet());
        foreach (var (name, form) in new[] { ("3NF_closureMinimal", NormalForm.Third), ("BCNF_closureMinimal", NormalForm.BCNF) })
            if (c.TryViolations(name, out var minimal))
            {
                var found = NormalFormTheory.ClosureMinimalViolations(oracle, form, prime);
                Assert.True(found.Complete);
                Assert.Equal(c.FdList(minimal), found.Items.ToHashSet());
            }

        var fourth = NormalFormTheory.FourthNormalFormViolations(oracle);
        Assert.True(fourth.Complete);
        if (c.TryViolations("4NF_nontrivialMVDsWithNonSuperkeyLHS(minimalLHS)", out var mvds))
        {
            var expected = mvds.EnumerateArray()
                .Select(e => Pair(c.Set(e.GetProperty("lhs")), c.Set(e.GetProperty("rhs")), c.Set(e.GetProperty("complement"))))
                .ToHashSet();
            Assert.Equal(expected, fourth.Items.Select(v => Pair(v.Lhs, v.Rhs, v.Complement)).ToHashSet());
        }
        else if (c.TryViolations("BCNF_closureMinimal", out var bcnf) && c.Mvds.Count == 0 && c.Jds.Count == 0)
        {
            // FD-only: X ->> Y violates 4NF exactly where some X -> A violates BCNF; the minimal left sides agree.
            var lhs = c.FdList(bcnf).Select(f => f.Lhs).ToList();
            var minimalLhs = lhs.Where(l => !lhs.Any(o => o.IsProperSubsetOf(l))).ToHashSet();
            Assert.Equal(minimalLhs, fourth.Items.Select(v => v.Lhs).ToHashSet());
        }

        if (c.TryViolations("5NF_JDsNotImpliedByKeys", out var jds))
        {
            var expected = jds.EnumerateArray().Select(j => Components(j.EnumerateArray().Select(c.Set))).ToHashSet();
            var found = NormalFormTheory.JoinDependenciesNotImpliedByKeys(oracle.Universe, c.Jds, keys.Keys);
            Assert.Equal(expected, found.Select(j => Components(j.Components)).ToHashSet());
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Findings_name_the_listed_violations(string id)
    {
        var (c, analysis) = Run(id);
        var established = analysis.Findings.Where(f => f.Established).ToList();
        Assert.Equal(analysis.Findings, established); // no schema inference in a single table

        // The weakest form a finding breaks is the one just above the normal form.
        if (analysis.NormalForm < NormalForm.Fifth)
            Assert.Equal(analysis.NormalForm + 1, established.Min(f => f.Violates));
        else
            Assert.Empty(established);

        if (c.Json.TryGetProperty("nonAtomicAttributes", out var nonAtomic))
        {
            var flagged = established.Where(f => f.RuleId == MultiValuedColumnRule.Id).Select(f => f.Columns).ToHashSet();
            Assert.Equal(Names(nonAtomic).Select(n => c.Set(JsonSerializer.SerializeToElement(new[] { n }))).ToHashSet(), flagged);
            Assert.All(established.Where(f => f.RuleId == MultiValuedColumnRule.Id), f => Assert.NotEmpty(f.Witnesses));
        }
        if (c.Expected.TryGetProperty("afterFlatteningTo1NF", out var flat))
        {
            // The FD findings are those of the flattened table (same columns, by position).
            var flatNames = Names(flat.GetProperty("attributes")).ToList();
            AttributeSet FlatSet(JsonElement names) => AttributeSet.Of(Names(names).Select(n => flatNames.IndexOf(n)));
            Assert.Equal(flat.GetProperty("candidateKeys").EnumerateArray().Select(FlatSet).ToHashSet(), analysis.CandidateKeys.ToHashSet());
            var expected = flat.GetProperty("violations2NF").EnumerateArray()
                .Select(e => new FunctionalDependency(FlatSet(e.GetProperty("lhs")), FlatSet(e.GetProperty("rhs")))).ToHashSet();
            Assert.Equal(expected, established.Where(f => f.RuleId == PartialDependencyRule.Id)
                .SelectMany(f => f.Dependency!.Fd!.Value.SplitRhs()).ToHashSet());
        }

        var split = (string rule) => established.Where(f => f.RuleId == rule)
            .SelectMany(f => f.Dependency!.Fd!.Value.SplitRhs()).ToHashSet();
        if (c.TryViolations("2NF_minimalPartialDependencies", out var partial))
            Assert.Equal(c.FdList(partial), split(PartialDependencyRule.Id));
        if (c.TryViolations("BCNF_givenFDs", out var bcnf))
        {
            var expected = c.FdList(bcnf);
            var third = split(TransitiveDependencyRule.Id);
            var boyceCodd = split(NonKeyDeterminantRule.Id);
            Assert.Subset(expected, third);
            Assert.Subset(expected, boyceCodd);
            Assert.All(third, fd => Assert.False(analysis.PrimeAttributes.Overlaps(fd.Rhs)));
            Assert.All(boyceCodd, fd => Assert.True(fd.Rhs.IsSubsetOf(analysis.PrimeAttributes)));
            // Every listed violation is reported, or covered by a partial dependency with a smaller left side.
            var partialFds = split(PartialDependencyRule.Id);
            foreach (var fd in expected)
                Assert.True(third.Contains(fd) || boyceCodd.Contains(fd) || partialFds.Any(p => p.Lhs.IsSubsetOf(fd.Lhs) && p.Rhs == fd.Rhs),
                    $"{id}: {fd.Format(c.Attributes)} is not reported");
        }
        if (c.TryViolations("4NF_nontrivialMVDsWithNonSuperkeyLHS(minimalLHS)", out var mvds))
        {
            var expected = mvds.EnumerateArray().Select(e => Pair(c.Set(e.GetProperty("lhs")), c.Set(e.GetProperty("rhs")), c.Set(e.GetProperty("complement")))).ToHashSet();
            var found = established.Where(f => f.RuleId == MultivaluedDependencyRule.Id)
                .Select(f => f.Dependency!.Mvd!.Value)
                .Select(m => Pair(m.Lhs, m.Rhs - m.Lhs, m.Complement(AttributeSet.Range(c.Attributes.Count))))
                .ToHashSet();
            Assert.Equal(expected, found);
        }
        if (c.TryViolations("5NF_JDsNotImpliedByKeys", out var jds))
        {
            var expected = jds.EnumerateArray().Select(j => Components(j.EnumerateArray().Select(c.Set))).ToHashSet();
            var found = established.Where(f => f.RuleId == JoinDependencyRule.Id).Select(f => Components(f.Dependency!.Components)).ToHashSet();
            Assert.Equal(expected, found);
        }

        // Each finding points at the annotation or key that states its dependency, and explains itself.
        foreach (var f in established.Where(f => f.Dependency is not null))
        {
            Assert.Equal("test.sql", f.Location.File);
            Assert.Contains(f.Location, analysis.Dependencies.Select(d => d.Location));
            Assert.Equal(3, f.Anomalies.Select(a => a.Kind).Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
        }
    }

    private static string Pair(AttributeSet lhs, AttributeSet rhs, AttributeSet complement) =>
        lhs + "|" + string.Join("/", new[] { rhs, complement }.Order().Select(s => s.ToString()));

    private static string Components(IEnumerable<AttributeSet> components) =>
        string.Join("/", components.Order().Select(s => s.ToString()));
}
