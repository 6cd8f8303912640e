using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>
/// The obvious, slow definitions, written from the text books and not from the engine: every subset of
/// the columns, every pair of rows, values compared as strings. For tables of a handful of columns.
/// </summary>
internal static class BruteForce
{
    /// <summary>Two values are equal: NULL = NULL under Equal; under Distinct a NULL equals nothing.</summary>
    public static bool Same(string? a, string? b, NullSemantics nulls) =>
        a is null || b is null ? nulls == NullSemantics.Equal && a is null && b is null : a == b;

    public static bool Agree(TableData t, int r1, int r2, IEnumerable<int> columns, NullSemantics nulls) =>
        columns.All(c => Same(t.Value(r1, c), t.Value(r2, c), nulls));

    public static bool Holds(TableData t, int[] lhs, int rhs, NullSemantics nulls)
    {
        for (int i = 0; i < t.RowCount; i++)
        for (int j = i + 1; j < t.RowCount; j++)
            if (Agree(t, i, j, lhs, nulls) && !Same(t.Value(i, rhs), t.Value(j, rhs), nulls)) return false;
        return true;
    }

    /// <summary>g3: the fewest rows to delete so that X -> A holds (keep, per X-group, the rows of its most common A value).</summary>
    public static double G3(TableData t, int[] lhs, int rhs, NullSemantics nulls)
    {
        if (t.RowCount == 0) return 0;
        // Group rows by equality on lhs, pairwise (no hashing), so NULL ≠ NULL works without tricks.
        var groups = new List<List<int>>();
        for (int r = 0; r < t.RowCount; r++)
        {
            var g = groups.FirstOrDefault(g => Agree(t, g[0], r, lhs, nulls));
            if (g is null) groups.Add([r]);
            else g.Add(r);
        }
        int keep = 0;
        foreach (var g in groups)
            keep += g.Max(r => g.Count(s => s == r || Same(t.Value(r, rhs), t.Value(s, rhs), nulls))); // a row always equals itself
        return (double)(t.RowCount - keep) / t.RowCount;
    }

    public static bool Unique(TableData t, int[] columns, NullSemantics nulls)
    {
        for (int i = 0; i < t.RowCount; i++)
        for (int j = i + 1; j < t.RowCount; j++)
            if (Agree(t, i, j, columns, nulls)) return false;
        return true;
    }

    public static IEnumerable<int[]> Subsets(int[] of)
    {
        for (int mask = 0; mask < 1 << of.Length; mask++)
            yield return of.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
    }

    private static bool ProperSubset(int[] a, int[] b) => a.Length < b.Length && a.All(b.Contains);

    /// <summary>Every X -> A with g3 ≤ maxError, |X| ≤ maxLhs, and no proper subset of X within the bound.</summary>
    public static List<string> MinimalFds(TableData t, NullSemantics nulls, double maxError = 0, int maxLhs = int.MaxValue)
    {
        var cols = Enumerable.Range(0, t.ColumnCount).ToArray();
        var result = new List<string>();
        foreach (var a in cols)
        {
            var within = Subsets(cols.Where(c => c != a).ToArray())
                .Where(x => maxError == 0 ? Holds(t, x, a, nulls) : G3(t, x, a, nulls) <= maxError + 1e-12)
                .ToList();
            foreach (var x in within)
                if (x.Length <= maxLhs && !within.Any(y => ProperSubset(y, x)))
                    result.Add(Format(x, a));
        }
        return result.Order(StringComparer.Ordinal).ToList();
    }

    public static List<string> MinimalUccs(TableData t, NullSemantics nulls, int maxSize = int.MaxValue)
    {
        var cols = Enumerable.Range(0, t.ColumnCount).ToArray();
        var unique = Subsets(cols).Where(x => Unique(t, x, nulls)).ToList();
        return unique.Where(x => x.Length <= maxSize && !unique.Any(y => ProperSubset(y, x)))
            .Select(x => "[" + string.Join(",", x) + "]").Order(StringComparer.Ordinal).ToList();
    }

    public static string Format(int[] lhs, int rhs) => "[" + string.Join(",", lhs) + "]->" + rhs;

    public static string Format(DiscoveredFd fd) => Format(fd.Lhs.ToArray(), fd.Rhs);

    public static List<string> Fds(DiscoveryResult r) => r.Fds.Select(Format).Order(StringComparer.Ordinal).ToList();

    public static List<string> Uccs(DiscoveryResult r) =>
        r.UniqueColumnCombinations.Select(u => "[" + string.Join(",", u.ToArray()) + "]").Order(StringComparer.Ordinal).ToList();

    /// <summary>X ->> Y by definition: for any two rows agreeing on X, the row with t1's Y and t2's rest exists.</summary>
    public static bool MvdHolds(TableData t, int[] x, int[] y, NullSemantics nulls)
    {
        var z = Enumerable.Range(0, t.ColumnCount).Where(c => !x.Contains(c) && !y.Contains(c)).ToArray();
        for (int i = 0; i < t.RowCount; i++)
        for (int j = 0; j < t.RowCount; j++)
        {
            if (!Agree(t, i, j, x, nulls)) continue;
            bool found = false;
            for (int k = 0; k < t.RowCount && !found; k++)
                found = Agree(t, k, i, x, nulls) && Agree(t, k, i, y, nulls) && Agree(t, k, j, z, nulls);
            if (!found) return false;
        }
        return true;
    }

    /// <summary>⋈ of the projections equals the rows: every combination of projected tuples that joins is a row.</summary>
    public static bool JdHolds(TableData t, IReadOnlyList<AttributeSet> components)
    {
        // Build the join incrementally over distinct projected tuples (values as strings, NULL = NULL).
        var universe = Enumerable.Range(0, t.ColumnCount).ToArray();
        var partial = new List<Dictionary<int, string?>> { new() };
        foreach (var comp in components)
        {
            var cols = comp.ToArray();
            var tuples = Enumerable.Range(0, t.RowCount)
                .Select(r => cols.ToDictionary(c => c, c => t.Value(r, c)))
                .DistinctBy(d => string.Join("\u0001", cols.Select(c => d[c] ?? "\u0000NULL")))
                .ToList();
            var next = new List<Dictionary<int, string?>>();
            foreach (var p in partial)
            foreach (var tu in tuples)
            {
                if (cols.Any(c => p.ContainsKey(c) && p[c] != tu[c])) continue;
                var merged = new Dictionary<int, string?>(p);
                foreach (var c in cols) merged[c] = tu[c];
                next.Add(merged);
            }
            partial = next.DistinctBy(d => string.Join("\u0001", d.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + (kv.Value ?? "\u0000NULL")))).ToList();
        }
        var rows = Enumerable.Range(0, t.RowCount)
            .Select(r => string.Join("\u0001", universe.Select(c => t.Value(r, c) ?? "\u0000NULL"))).ToHashSet();
        return partial.All(p => rows.Contains(string.Join("\u0001", universe.Select(c => p[c] ?? "\u0000NULL"))));
    }
}
