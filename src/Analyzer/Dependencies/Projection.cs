namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// π_S(F): the FDs implied by F that mention only columns of S, returned as a minimal cover whose
/// attribute positions are still those of the original table, sorted by left side then right side.
/// <para>
/// Computed by reduction by resolution (Gottlob, "Computing covers for embedded functional
/// dependencies", PODS 1987) instead of closing every subset of S: the columns outside S are
/// eliminated one at a time; eliminating B replaces every pair X -> B, BY -> C by XY -> C and then
/// drops every FD that mentions B. With single-attribute, non-trivial FDs each step keeps a cover of
/// the projection onto the remaining columns, so the result is exact. Subsumed FDs (same right side,
/// larger left side) are dropped as they appear and the set is re-minimised when it doubles.
/// </para>
/// <para>
/// The projection itself can be exponentially larger than F, so the work is bounded: past
/// <paramref name="maxDependencies"/> FDs in the working set a <see cref="DependencyLimitException"/> says so.
/// </para>
/// </summary>
public static class Projection
{
    /// <summary>Widest subschema accepted by the overloads that do not name a bound.</summary>
    public const int DefaultMaxColumns = 1024;

    /// <summary>Largest working set of FDs during elimination before the projection gives up.</summary>
    public const int DefaultMaxDependencies = 50_000;

    public static IReadOnlyList<FunctionalDependency> Project(FunctionalDependencySet fds, AttributeSet onto, int maxColumns = DefaultMaxColumns) =>
        Project(fds, onto, maxColumns, DefaultMaxDependencies);

    public static IReadOnlyList<FunctionalDependency> Project(
        FunctionalDependencySet fds, AttributeSet onto, int maxColumns, int maxDependencies)
    {
        onto &= fds.Universe;
        int width = onto.Count;
        if (width > maxColumns)
            throw new DependencyLimitException(
                $"projecting FDs onto {width} columns: the bound is {maxColumns} columns");

        var working = new List<FunctionalDependency>(MinimalCover.Compute(fds));
        var eliminate = AttributeSet.Empty;
        foreach (var fd in working) eliminate |= fd.Lhs | fd.Rhs;
        eliminate -= onto;

        int lastMinimised = Math.Max(working.Count, 16);
        while (!eliminate.IsEmpty)
        {
            int b = Cheapest(working, eliminate);
            eliminate = eliminate.Without(b);
            working = Eliminate(working, b);
            if (working.Count > maxDependencies)
                throw new DependencyLimitException(
                    $"projecting FDs onto {width} of {fds.AttributeCount} columns: eliminating column #{b} " +
                    $"left {working.Count:N0} FDs, past the bound of {maxDependencies:N0} (a projection can be exponentially large)");
            if (working.Count > 2 * lastMinimised)
            {
                working = [.. MinimalCover.Compute(new FunctionalDependencySet(fds.AttributeCount, working))];
                lastMinimised = Math.Max(working.Count, 16);
            }
        }

        var result = new List<FunctionalDependency>(MinimalCover.Compute(new FunctionalDependencySet(fds.AttributeCount, working)));
        result.Sort(static (x, y) =>
        {
            int c = x.Lhs.CompareTo(y.Lhs);
            return c != 0 ? c : x.Rhs.CompareTo(y.Rhs);
        });
        return result;
    }

    /// <summary>The column whose elimination makes the fewest resolvents (producers × consumers).</summary>
    private static int Cheapest(List<FunctionalDependency> working, AttributeSet candidates)
    {
        int best = -1;
        long bestCost = long.MaxValue;
        foreach (var b in candidates)
        {
            long producers = 0, consumers = 0;
            foreach (var fd in working)
            {
                if (fd.Rhs.Contains(b)) producers++;
                if (fd.Lhs.Contains(b)) consumers++;
            }
            long cost = producers * consumers - producers - consumers;
            if (cost < bestCost) { bestCost = cost; best = b; }
        }
        return best;
    }

    /// <summary>One resolution step. <paramref name="working"/> holds single-attribute, non-trivial FDs.</summary>
    private static List<FunctionalDependency> Eliminate(List<FunctionalDependency> working, int b)
    {
        var producers = new List<AttributeSet>();
        var consumers = new List<FunctionalDependency>();
        var next = new List<FunctionalDependency>(working.Count);
        foreach (var fd in working)
        {
            if (fd.Rhs.Contains(b)) producers.Add(fd.Lhs);
            else if (fd.Lhs.Contains(b)) consumers.Add(fd);
            else next.Add(fd);
        }
        foreach (var c in consumers)
        {
            var rest = c.Lhs.Without(b);
            foreach (var x in producers)
            {
                var lhs = x | rest;
                if (!c.Rhs.IsSubsetOf(lhs)) next.Add(new FunctionalDependency(lhs, c.Rhs));
            }
        }
        return DropSubsumed(next);
    }

    /// <summary>Keeps, per right side, only the left sides with no smaller left side inside them.</summary>
    private static List<FunctionalDependency> DropSubsumed(List<FunctionalDependency> fds)
    {
        var order = Enumerable.Range(0, fds.Count).ToArray();
        Array.Sort(order, (i, j) =>
        {
            int c = fds[i].Lhs.Count.CompareTo(fds[j].Lhs.Count);
            return c != 0 ? c : i.CompareTo(j);
        });
        var tries = new Dictionary<AttributeSet, SetTrie>();
        var keep = new bool[fds.Count];
        foreach (var i in order)
        {
            if (!tries.TryGetValue(fds[i].Rhs, out var trie)) tries[fds[i].Rhs] = trie = new SetTrie();
            if (trie.ContainsSubsetOf(fds[i].Lhs)) continue;
            trie.Add(fds[i].Lhs);
            keep[i] = true;
        }
        var result = new List<FunctionalDependency>();
        for (int i = 0; i < fds.Count; i++) if (keep[i]) result.Add(fds[i]);
        return result;
    }

    /// <summary>Every subset of <paramref name="items"/>, smallest first (kept for callers that enumerate subsets).</summary>
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
