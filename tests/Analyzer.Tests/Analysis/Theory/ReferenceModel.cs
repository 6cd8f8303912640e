using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Theory;

/// <summary>
/// A random small dependency set, and the slow, obviously-right answers by the definitions: closures by
/// the chase one column at a time, keys by trying every subset, normal forms by trying every left side.
/// </summary>
internal sealed class ReferenceModel
{
    public required int N { get; init; }
    public required List<FunctionalDependency> Fds { get; init; }
    public required List<MultivaluedDependency> Mvds { get; init; }
    public required List<JoinDependency> Jds { get; init; }

    public AttributeSet U => AttributeSet.Range(N);
    public IReadOnlyList<string> Names => Enumerable.Range(0, N).Select(i => ((char)('A' + i)).ToString()).ToList();

    public static ReferenceModel Random(Random rng, int minN = 3, int maxN = 5, bool mvds = true, bool jds = true)
    {
        int n = rng.Next(minN, maxN + 1);
        var u = AttributeSet.Range(n);
        AttributeSet RandomSet(int min, int max, AttributeSet from)
        {
            var items = from.ToArray().OrderBy(_ => rng.Next()).ToArray();
            return AttributeSet.Of(items.Take(Math.Min(items.Length, rng.Next(min, max + 1))));
        }
        var fds = new List<FunctionalDependency>();
        for (int i = rng.Next(0, 4); i > 0; i--)
        {
            var lhs = RandomSet(1, 2, u);
            var rest = u - lhs;
            if (!rest.IsEmpty) fds.Add(new FunctionalDependency(lhs, RandomSet(1, 1, rest)));
        }
        var mvdList = new List<MultivaluedDependency>();
        if (mvds)
            for (int i = rng.Next(0, 3); i > 0; i--)
            {
                var lhs = RandomSet(1, 2, u);
                var rest = u - lhs;
                if (rest.Count >= 2) mvdList.Add(new MultivaluedDependency(lhs, RandomSet(1, rest.Count - 1, rest)));
            }
        var jdList = new List<JoinDependency>();
        if (jds && n <= 4 && rng.Next(3) == 0)
        {
            // Three components of size 2..n-1 that together cover every column.
            var comps = new List<AttributeSet>();
            for (int i = 0; i < 3; i++) comps.Add(RandomSet(2, n - 1, u));
            var missing = u - comps.Aggregate(AttributeSet.Empty, (a, c) => a | c);
            comps[0] |= missing;
            if (comps.All(c => c != u)) jdList.Add(new JoinDependency(comps));
        }
        return new ReferenceModel { N = n, Fds = fds, Mvds = mvdList, Jds = jdList };
    }

    public AttributeSet Closure(AttributeSet x)
    {
        var result = x;
        foreach (var a in U - x)
            if (Chase.ImpliesFd(U, new FunctionalDependency(x, a), Fds, Mvds, Jds, Chase.DefaultMaxRows)) result = result.With(a);
        return result;
    }

    public bool ImpliesMvd(AttributeSet x, AttributeSet y) => Chase.ImpliesMvd(U, new MultivaluedDependency(x, y), Fds, Mvds, Jds);

    public IEnumerable<AttributeSet> AllSubsets() =>
        Enumerable.Range(0, 1 << N).Select(mask => AttributeSet.Of(Enumerable.Range(0, N).Where(i => (mask & (1 << i)) != 0)));

    public List<AttributeSet> Keys()
    {
        var superkeys = AllSubsets().Where(x => Closure(x) == U).ToList();
        return superkeys.Where(k => !superkeys.Any(o => o.IsProperSubsetOf(k))).Order().ToList();
    }

    /// <summary>The highest normal form by the definitions (5NF by Fagin's theorem: every dependency implied by the keys).</summary>
    public NormalForm NormalForm()
    {
        var keys = Keys();
        var prime = keys.Aggregate(AttributeSet.Empty, (a, k) => a | k);
        var subsets = AllSubsets().ToList();
        var closures = subsets.ToDictionary(x => x, Closure);
        bool IsSuperkey(AttributeSet x) => closures[x] == U;

        foreach (var k in keys)
            foreach (var p in subsets.Where(p => p.IsProperSubsetOf(k)))
                if (!(closures[p] - p - prime).IsEmpty) return Analyzer.Analysis.NormalForm.First;
        foreach (var x in subsets.Where(x => !IsSuperkey(x)))
            if (!(closures[x] - x - prime).IsEmpty) return Analyzer.Analysis.NormalForm.Second;
        foreach (var x in subsets.Where(x => !IsSuperkey(x)))
            if (closures[x] != x) return Analyzer.Analysis.NormalForm.Third;
        foreach (var x in subsets.Where(x => !IsSuperkey(x)))
            foreach (var y in subsets.Where(y => !y.IsEmpty && y.IsSubsetOf(U - x) && !(U - x - y).IsEmpty))
                if (ImpliesMvd(x, y)) return Analyzer.Analysis.NormalForm.BCNF;
        var keyFds = keys.Select(k => new FunctionalDependency(k, U)).ToList();
        if (Jds.Any(j => !Chase.ImpliesJd(U, j, keyFds)) || Mvds.Any(m => !Chase.ImpliesMvd(U, m, keyFds)))
            return Analyzer.Analysis.NormalForm.Fourth;
        return Analyzer.Analysis.NormalForm.Fifth;
    }

    /// <summary>The same dependencies as a table with annotations (PRIMARY KEY = the first key), as ingest would give it.</summary>
    public Table ToTable(string name = "dbo.R")
    {
        var b = new TableBuilder(name, [.. Names]);
        b.PrimaryKey([.. Keys()[0].Names(Names)]);
        foreach (var fd in Fds) b.Annotate(new DependencyAnnotation(DependencyKind.Fd, fd.Lhs.Names(Names), fd.Rhs.Names(Names), [], b.Next()));
        foreach (var m in Mvds) b.Annotate(new DependencyAnnotation(DependencyKind.Mvd, m.Lhs.Names(Names), m.Rhs.Names(Names), [], b.Next()));
        foreach (var j in Jds) b.Annotate(new DependencyAnnotation(DependencyKind.Jd, [], [], j.Components.Select(c => c.Names(Names)).ToList(), b.Next()));
        return b.Build();
    }

    public override string ToString() =>
        $"n={N} fds=[{string.Join("; ", Fds.Select(f => f.Format(Names)))}] mvds=[{string.Join("; ", Mvds.Select(m => m.Format(Names)))}] jds=[{string.Join("; ", Jds.Select(j => j.Format(Names)))}]";
}
