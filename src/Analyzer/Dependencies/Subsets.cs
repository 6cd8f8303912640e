namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// The subsets of a set of columns, smallest first and, within a size, in <see cref="AttributeSet.CompareTo"/>
/// order: every subset of a set comes before it, which the minimality searches rely on.
/// </summary>
public static class Subsets
{
    /// <summary>Every subset of <paramref name="set"/> with <paramref name="minSize"/>..<paramref name="maxSize"/> members.</summary>
    public static IEnumerable<AttributeSet> BySize(AttributeSet set, int minSize = 0, int maxSize = int.MaxValue)
    {
        var items = set.ToArray();
        int last = Math.Min(items.Length, maxSize);
        for (int size = Math.Max(0, minSize); size <= last; size++)
            foreach (var s in OfSize(items, size))
                yield return s;
    }

    /// <summary>Every subset of <paramref name="set"/> with exactly <paramref name="size"/> members.</summary>
    public static IEnumerable<AttributeSet> OfSize(AttributeSet set, int size) => OfSize(set.ToArray(), size);

    private static IEnumerable<AttributeSet> OfSize(int[] items, int size)
    {
        if (size < 0 || size > items.Length) yield break;
        // The chosen positions in items, increasing; the next combination bumps the last one that can move.
        var chosen = new int[size];
        for (int i = 0; i < size; i++) chosen[i] = i;
        while (true)
        {
            var set = AttributeSet.Empty;
            for (int i = 0; i < size; i++) set = set.With(items[chosen[i]]);
            yield return set;
            int j = size - 1;
            while (j >= 0 && chosen[j] == items.Length - size + j) j--;
            if (j < 0) yield break;
            chosen[j]++;
            for (int k = j + 1; k < size; k++) chosen[k] = chosen[k - 1] + 1;
        }
    }
}
