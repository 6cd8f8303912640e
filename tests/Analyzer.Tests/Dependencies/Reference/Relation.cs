using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies.Reference;

/// <summary>
/// A concrete relation for checking the chase against its meaning: rows of small integers over the
/// columns 0..n-1, with brute-force tests of whether an FD / MVD / JD holds, the natural join of
/// projections, and a naive repair that makes random rows satisfy a set of dependencies.
/// </summary>
internal sealed class Relation
{
    private readonly HashSet<string> _keys = [];

    public Relation(int width) => Width = width;

    public int Width { get; }

    public List<int[]> Rows { get; } = [];

    public bool Add(int[] row)
    {
        if (!_keys.Add(string.Join(",", row))) return false;
        Rows.Add(row);
        return true;
    }

    public bool Contains(int[] row) => _keys.Contains(string.Join(",", row));

    public static Relation Of(int width, IEnumerable<IReadOnlyList<int>> rows)
    {
        var r = new Relation(width);
        foreach (var row in rows) r.Add(row.ToArray());
        return r;
    }

    private static bool Agree(int[] t, int[] s, AttributeSet on) => on.ToArray().All(a => t[a] == s[a]);

    public bool Satisfies(FunctionalDependency fd) =>
        Rows.All(t => Rows.All(s => !Agree(t, s, fd.Lhs) || Agree(t, s, fd.Rhs)));

    /// <summary>X ->> Y: for t, s agreeing on X, the row with t on XY and s elsewhere is present.</summary>
    public bool Satisfies(MultivaluedDependency mvd)
    {
        var xy = mvd.Lhs | mvd.Rhs;
        foreach (var t in Rows)
            foreach (var s in Rows)
            {
                if (!Agree(t, s, mvd.Lhs)) continue;
                var u = new int[Width];
                for (int a = 0; a < Width; a++) u[a] = xy.Contains(a) ? t[a] : s[a];
                if (!Contains(u)) return false;
            }
        return true;
    }

    public bool Satisfies(JoinDependency jd) => Join(jd.Components).Rows.All(Contains);

    public bool SatisfiesAll(IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency> mvds, IEnumerable<JoinDependency> jds) =>
        fds.All(Satisfies) && mvds.All(Satisfies) && jds.All(Satisfies);

    /// <summary>The natural join of the projections onto the components (which must cover every column).</summary>
    public Relation Join(IReadOnlyList<AttributeSet> components)
    {
        var partial = new List<int?[]> { new int?[Width] };
        foreach (var c in components)
        {
            var projection = Rows.Select(r => c.ToArray().ToDictionary(a => a, a => r[a])).ToList();
            var next = new List<int?[]>();
            foreach (var p in partial)
                foreach (var proj in projection)
                {
                    if (proj.Any(kv => p[kv.Key] is { } v && v != kv.Value)) continue;
                    var row = (int?[])p.Clone();
                    foreach (var kv in proj) row[kv.Key] = kv.Value;
                    next.Add(row);
                }
            partial = next;
        }
        var result = new Relation(Width);
        foreach (var p in partial) result.Add(p.Select(v => v ?? throw new InvalidOperationException("components do not cover")).ToArray());
        return result;
    }

    public bool SameRowsAs(Relation other) => Rows.Count == other.Rows.Count && Rows.All(other.Contains);

    /// <summary>
    /// Random rows over a small domain, then repaired until they satisfy the dependencies: an FD
    /// violation merges the two values everywhere in that column, a missing MVD / JD row is added.
    /// </summary>
    public static Relation RandomSatisfying(
        Random rng, int width, int rows, int domain,
        IReadOnlyList<FunctionalDependency> fds, IReadOnlyList<MultivaluedDependency> mvds, IReadOnlyList<JoinDependency> jds)
    {
        var r = new Relation(width);
        for (int i = 0; i < rows; i++) r.Add(Enumerable.Range(0, width).Select(_ => rng.Next(domain)).ToArray());
        while (true)
        {
            bool changed = false;
            foreach (var fd in fds)
                while (FirstViolation(r, fd) is var (col, from, to) && col >= 0)
                {
                    r = Rename(r, col, from, to);
                    changed = true;
                }
            foreach (var m in mvds) changed |= AddAll(r, r.Join([m.Lhs | m.Rhs, AttributeSet.Range(width) - (m.Rhs - m.Lhs)]));
            foreach (var j in jds) changed |= AddAll(r, r.Join(j.Components));
            if (!changed) return r;
        }
    }

    private static (int Column, int From, int To) FirstViolation(Relation r, FunctionalDependency fd)
    {
        foreach (var t in r.Rows)
            foreach (var s in r.Rows)
            {
                if (!Agree(t, s, fd.Lhs)) continue;
                foreach (var a in fd.Rhs)
                    if (t[a] != s[a]) return (a, Math.Max(t[a], s[a]), Math.Min(t[a], s[a]));
            }
        return (-1, 0, 0);
    }

    private static Relation Rename(Relation r, int column, int from, int to)
    {
        var result = new Relation(r.Width);
        foreach (var row in r.Rows)
        {
            var copy = (int[])row.Clone();
            if (copy[column] == from) copy[column] = to;
            result.Add(copy);
        }
        return result;
    }

    private static bool AddAll(Relation r, Relation extra)
    {
        bool changed = false;
        foreach (var row in extra.Rows) changed |= r.Add(row);
        return changed;
    }
}
