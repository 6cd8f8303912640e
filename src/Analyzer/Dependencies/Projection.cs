namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// π_S(F): the FDs implied by F that mention only columns of S, returned as a minimal cover whose
/// attribute positions are still those of the original table. Exact, and exponential in |S| in the
/// worst case (the projection itself can be exponentially large), so it is bounded.
/// </summary>
public static class Projection
{
    public const int DefaultMaxColumns = 24;

    public static IReadOnlyList<FunctionalDependency> Project(FunctionalDependencySet fds, AttributeSet onto, int maxColumns = DefaultMaxColumns)
    {
        var s = onto.ToArray();
        if (s.Length > maxColumns)
            throw new DependencyLimitException($"projecting FDs onto {s.Length} columns (the bound is {maxColumns})");

        var found = new List<FunctionalDependency>();
        // Subsets of S in order of size, so that a left side is only kept when no smaller one did the job.
        foreach (var x in SubsetsBySize(s))
        {
            var implied = fds.Closure(x) & onto;
            var rhs = implied - x;
            if (rhs.IsEmpty) continue;
            if (found.Count > 0)
            {
                var current = new FunctionalDependencySet(fds.AttributeCount, found);
                rhs -= current.Closure(x);
                if (rhs.IsEmpty) continue;
            }
            found.Add(new FunctionalDependency(x, rhs));
        }
        return MinimalCover.Compute(new FunctionalDependencySet(fds.AttributeCount, found));
    }

    internal static IEnumerable<AttributeSet> SubsetsBySize(int[] items)
    {
        for (int size = 0; size <= items.Length; size++)
            foreach (var subset in Combinations(items, size))
                yield return subset;
    }

    internal static IEnumerable<AttributeSet> Combinations(int[] items, int size)
    {
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
