namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// π_S(F): the FDs implied by F that mention only columns of S, returned as a minimal cover whose
/// attribute positions are still those of the original table, sorted by left side then right side.
/// <para>
/// Wide subschemas go by reduction by resolution (Gottlob, "Computing covers for embedded functional
/// dependencies", PODS 1987) instead of closing every subset of S: the columns outside S are eliminated
/// one at a time; eliminating B replaces every pair X -> B, BY -> C by XY -> C and then drops every FD
/// that mentions B. With single-attribute, non-trivial FDs each step keeps a cover of the projection
/// onto the remaining columns, so the result is exact. Narrow subschemas (and wide-ish ones whose
/// resolution grows past 2^|S| closures) close each subset of S once and keep the minimal FDs.
/// </para>
/// <para>
/// The projection itself can be exponentially larger than F, so the work is bounded: past
/// maxDependencies FDs in the working set a <see cref="DependencyLimitException"/> says so.
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
        FunctionalDependencySet fds, AttributeSet onto, int maxColumns, int maxDependencies) =>
        Project(fds, onto, maxColumns, maxDependencies, Method.Auto);

    internal enum Method { Auto, Subsets, Resolution }

    internal static IReadOnlyList<FunctionalDependency> Project(
        FunctionalDependencySet fds, AttributeSet onto, int maxColumns, int maxDependencies, Method method)
    {
        onto &= fds.Universe;
        int width = onto.Count;
        if (width > maxColumns)
            throw new DependencyLimitException(
                $"projecting FDs onto {width} columns: the bound is {maxColumns} columns");

        var original = new ClosureComputer(fds);
        var found = method switch
        {
            Method.Subsets => MinimalFdsBySubsets(original, onto),
            Method.Resolution => ByResolution(fds, original, onto, width, maxDependencies, fallback: false)!,
            _ when width <= SubsetWidth => MinimalFdsBySubsets(original, onto),
            _ => ByResolution(fds, original, onto, width, maxDependencies, fallback: true) ?? MinimalFdsBySubsets(original, onto),
        };

        var result = DropRedundant(found, fds.AttributeCount);
        result.Sort(static (x, y) =>
        {
            int c = x.Lhs.CompareTo(y.Lhs);
            return c != 0 ? c : x.Rhs.CompareTo(y.Rhs);
        });
        return result;
    }

    /// <summary>Up to this many columns the subsets of S are simply enumerated (at most 16,384 closures).</summary>
    internal const int SubsetWidth = 14;

    /// <summary>Every minimal FD of π_S(F), ordered by right side then left side; for |S| ≤ <see cref="SubsetWidth"/>.</summary>
    internal static List<FunctionalDependency> MinimalFdsWithin(FunctionalDependencySet fds, AttributeSet onto)
    {
        var all = MinimalFdsBySubsets(new ClosureComputer(fds), onto & fds.Universe);
        all.Sort(static (x, y) =>
        {
            int c = x.Rhs.First().CompareTo(y.Rhs.First());
            return c != 0 ? c : x.Lhs.CompareTo(y.Lhs);
        });
        return all;
    }

    /// <summary>
    /// Resolution gives way to subset enumeration when its work, counted in closures under F, passes
    /// 2^|S|, for |S| up to this.
    /// </summary>
    private const int FallbackWidth = 16;

    /// <summary>
    /// Reduction by resolution. Returns null when S is narrow enough for subset enumeration and the
    /// resolution work has grown past the number of subsets of S.
    /// </summary>
    private static List<FunctionalDependency>? ByResolution(
        FunctionalDependencySet fds, ClosureComputer original, AttributeSet onto, int width, int maxDependencies, bool fallback)
    {
        long budget = fallback && width <= FallbackWidth ? 1L << width : long.MaxValue;
        long work = 0;
        var working = new List<FunctionalDependency>(MinimalCover.Compute(fds));
        var eliminate = AttributeSet.Empty;
        foreach (var fd in working) eliminate |= fd.Lhs | fd.Rhs;
        eliminate -= onto;

        int lastPruned = Math.Max(working.Count, 64);
        while (!eliminate.IsEmpty)
        {
            int b = Cheapest(working, eliminate);
            eliminate = eliminate.Without(b);
            working = Eliminate(working, b, original, ref work);
            if (working.Count > maxDependencies)
                throw new DependencyLimitException(
                    $"projecting FDs onto {width} of {fds.AttributeCount} columns: eliminating column #{b} " +
                    $"left {working.Count:N0} FDs, past the bound of {maxDependencies:N0} (a projection can be exponentially large)");
            if (working.Count > 2 * lastPruned)
            {
                // One closure per FD, each under the working set rather than under F.
                work += (long)working.Count * Math.Max(1, working.Count / Math.Max(1, fds.Count));
                working = DropRedundant(working, fds.AttributeCount);
                lastPruned = Math.Max(working.Count, 64);
            }
            if (work > budget) return null;
        }
        return working;
    }

    /// <summary>Every minimal FD X -> A of π_S(F), by closing each subset of S under F.</summary>
    private static List<FunctionalDependency> MinimalFdsBySubsets(ClosureComputer original, AttributeSet onto) =>
        MinimalDependencies.BySubsets(onto, original.Closure);

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

    /// <summary>
    /// One resolution step. <paramref name="working"/> holds single-attribute, non-trivial, left-reduced
    /// FDs over the remaining columns R; it is a cover of π_R(F), so for X ⊆ R the closure under it is
    /// X⁺ under F intersected with R, and resolvents are left-reduced against F itself (small and fixed)
    /// rather than against the growing working set. Left-reduced FDs with one right side cannot subsume
    /// each other, so removing duplicates is all the pruning they need here.
    /// </summary>
    private static List<FunctionalDependency> Eliminate(List<FunctionalDependency> working, int b, ClosureComputer original, ref long work)
    {
        var producers = new List<AttributeSet>();
        var consumers = new List<FunctionalDependency>();
        var next = new List<FunctionalDependency>(working.Count);
        var seen = new HashSet<FunctionalDependency>();
        foreach (var fd in working)
        {
            if (fd.Rhs.Contains(b)) producers.Add(fd.Lhs);
            else if (fd.Lhs.Contains(b)) consumers.Add(fd);
            else if (seen.Add(fd)) next.Add(fd);
        }
        foreach (var c in consumers)
        {
            var rest = c.Lhs.Without(b);
            foreach (var x in producers)
            {
                var lhs = x | rest;
                if (c.Rhs.IsSubsetOf(lhs)) continue;
                foreach (var a in x | rest)
                {
                    work++;
                    var smaller = lhs.Without(a);
                    if (original.Determines(smaller, c.Rhs)) lhs = smaller;
                }
                var r = new FunctionalDependency(lhs, c.Rhs);
                if (seen.Add(r)) next.Add(r);
            }
        }
        return next;
    }

    /// <summary>Drops FDs implied by the others (one at a time, in order); the rest stay left-reduced.</summary>
    private static List<FunctionalDependency> DropRedundant(List<FunctionalDependency> fds, int attributeCount)
    {
        var computer = new ClosureComputer(new FunctionalDependencySet(attributeCount, fds));
        var result = new List<FunctionalDependency>(fds.Count);
        for (int i = 0; i < fds.Count; i++)
        {
            computer.Disable(i);
            if (computer.Determines(fds[i].Lhs, fds[i].Rhs)) continue;
            computer.Enable(i);
            result.Add(fds[i]);
        }
        return result;
    }
}
