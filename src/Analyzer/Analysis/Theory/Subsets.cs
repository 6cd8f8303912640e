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

    public static IEnumerable<AttributeSet> OfSize(int[] items, int size)
    {
        if (size > items.Length) yield break;
        var idx = new int[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        while (true)
        {
            var set = AttributeSet.Empty;
            for (int i = 0; i < size; i++) set = set.With(items[idx[i]]);
            yield return set;
            int j = size - 1;
            while (j >= 0 && idx[j] == items.Length - size + j) j--;
            if (j < 0) yield break;
            idx[j]++;
            for (int k = j + 1; k < size; k++) idx[k] = idx[k - 1] + 1;
        }
    }
}
