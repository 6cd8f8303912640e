using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Theory;

/// <summary>Subsets of a set of columns, smallest first (the order the minimality searches need).</summary>
internal static class Subsets
{
    /// <summary>Every subset of <paramref name="set"/> with <paramref name="minSize"/>..<paramref name="maxSize"/> members, by size, then in lexicographic order of positions.</summary>
    public static IEnumerable<AttributeSet> BySize(AttributeSet set, int minSize = 0, int maxSize = int.MaxValue)
    {
        var items = set.ToArray();
        for (int size = Math.Max(0, minSize); size <= Math.Min(items.Length, maxSize); size++)
            foreach (var s in OfSize(items, size))
                yield return s;
    }

    public static IEnumerable<AttributeSet> OfSize(int[] items, int size) =>
        size > items.Length ? [] : Projection.Combinations(items, size);
}
