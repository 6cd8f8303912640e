using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Ranking;

namespace SchemaNorm.Decomposer.Algorithms;

/// <summary>One table of a 3NF synthesis: its columns, and the FD (or key) it was made for.</summary>
internal sealed record SynthesizedTable(AttributeSet Columns, FunctionalDependency? Source, AttributeSet Key);

/// <summary>
/// 3NF synthesis (Bernstein, TODS 1976, as the textbooks give it): a minimal cover; one table per
/// left-hand side, holding it and everything the cover says it determines; a table holding a candidate
/// key when no other table does (which makes the join lossless); and no table that lies inside another.
/// Every table is in 3NF and every FD of the cover lies in one table, so the result preserves the
/// dependencies. The key table is the declared primary key when it is a candidate key, else the key the
/// <see cref="KeyChooser"/> likes best.
/// </summary>
internal static class Synthesis
{
    public static IReadOnlyList<SynthesizedTable> Run(DependencySpace space, KeyChooser keys)
    {
        var universe = space.Universe;
        var cover = space.FdOnly
            ? MinimalCover.Compute(space.Fds)
            : MinimalCover.Compute(new FunctionalDependencySet(space.AttributeCount, space.Cover(universe)));

        var tables = new List<SynthesizedTable>();
        foreach (var group in MinimalCover.Combine(cover))
            tables.Add(new SynthesizedTable(group.Lhs | group.Rhs, group, group.Lhs));

        var candidateKeys = space.Keys(universe).Keys;
        if (!tables.Any(t => candidateKeys.Any(k => k.IsSubsetOf(t.Columns))))
        {
            var key = keys.Choose(candidateKeys, null);
            tables.Add(new SynthesizedTable(key, null, key));
        }

        // Drop a table inside another (the first of two equal tables stays).
        var kept = new List<SynthesizedTable>();
        for (int i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            bool inside = false;
            for (int j = 0; j < tables.Count && !inside; j++)
            {
                if (i == j) continue;
                var other = tables[j].Columns;
                inside = t.Columns.IsProperSubsetOf(other) || (t.Columns == other && j < i);
            }
            if (!inside) kept.Add(t);
        }
        return kept;
    }
}
