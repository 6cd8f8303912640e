namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Every minimal non-trivial FD X -> A that F implies (A ∉ X, A ∈ X⁺, no proper subset of X determines
/// A): the form in which FD discovery reports dependencies, and the full list of left sides a rule may
/// want to show. Unlike a minimal cover, this set is unique. It can be exponentially large, hence the limit.
/// <para>
/// The minimal determinants of A are the candidate keys other than {A} of F ∪ {A -> U}: under that
/// set a set without A is a superkey exactly when it determines A. So each column is one
/// Lucchesi–Osborn run (see <see cref="CandidateKeys"/>).
/// </para>
/// </summary>
public static class MinimalDependencies
{
    public const int DefaultLimit = 100_000;

    /// <summary>All minimal FDs, ordered by right-hand column, then left side (size, column order).</summary>
    public static IReadOnlyList<FunctionalDependency> Find(FunctionalDependencySet fds, int limit = DefaultLimit) =>
        Collect(fds, fds.Universe, limit);

    /// <summary>
    /// All minimal FDs of the projection onto <paramref name="subschema"/> (X ⊆ S, A ∈ S), found from a
    /// cover of π_S(F); see <see cref="Projection"/> for its bound.
    /// </summary>
    public static IReadOnlyList<FunctionalDependency> Find(FunctionalDependencySet fds, AttributeSet subschema, int limit = DefaultLimit)
    {
        if (!subschema.IsSubsetOf(fds.Universe))
            throw new ArgumentException($"subschema {subschema} names a column outside 0..{fds.AttributeCount - 1}", nameof(subschema));
        if (subschema == fds.Universe) return Find(fds, limit);
        if (subschema.Count <= Projection.SubsetWidth)
        {
            var narrow = Projection.MinimalFdsWithin(fds, subschema);
            if (narrow.Count > limit)
                throw new DependencyLimitException($"more than {limit:N0} minimal functional dependencies over {subschema.Count} columns");
            return narrow;
        }
        var cover = new FunctionalDependencySet(fds.AttributeCount, Projection.Project(fds, subschema));
        return Collect(cover, subschema, limit);
    }

    /// <summary>The minimal sets X ⊆ S − A with A ∈ X⁺, sorted; empty when only A itself determines A.</summary>
    public static IReadOnlyList<AttributeSet> Determinants(FunctionalDependencySet fds, int attribute, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attribute);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(attribute, fds.AttributeCount);
        return DeterminantsWithin(fds, fds.Universe, attribute, limit);
    }

    /// <summary>Widest set of columns whose subsets <see cref="BySubsets"/> closes one by one (2^24 closures).</summary>
    public const int MaxSubsetColumns = 24;

    /// <summary>
    /// Every minimal non-trivial FD X -> A with X and A in <paramref name="s"/>, by closing each proper
    /// subset of S once under <paramref name="closure"/> (FDs alone, or FDs with MVDs and JDs): A ∈ X⁺ − X
    /// is minimal when no X − b already determines it, which the table of the smaller subsets' closures
    /// answers without further closures. Ordered by left side read as a bit mask over the columns of S
    /// (so every subset comes before its supersets), then by right side.
    /// </summary>
    public static List<FunctionalDependency> BySubsets(AttributeSet s, Func<AttributeSet, AttributeSet> closure)
    {
        var columns = s.ToArray();
        int k = columns.Length;
        if (k > MaxSubsetColumns)
            throw new DependencyLimitException($"closing every subset of {k} columns: the bound is {MaxSubsetColumns} columns");
        var closed = new uint[1 << k]; // closed[mask]: the closure of the subset mask, as a mask over S
        var result = new List<FunctionalDependency>();
        // The full set is left out: it determines nothing outside itself within S.
        for (int mask = 0; mask < (1 << k) - 1; mask++)
        {
            var x = AttributeSet.Empty;
            for (int i = 0; i < k; i++) if ((mask >> i & 1) != 0) x = x.With(columns[i]);
            var c = closure(x);
            uint cm = 0;
            for (int i = 0; i < k; i++) if (c.Contains(columns[i])) cm |= 1u << i;
            closed[mask] = cm;

            uint minimal = cm & ~(uint)mask;
            for (int rest = mask; rest != 0 && minimal != 0; rest &= rest - 1)
                minimal &= ~closed[mask & ~(rest & -rest)];
            for (; minimal != 0; minimal &= minimal - 1)
                result.Add(new FunctionalDependency(x, columns[System.Numerics.BitOperations.TrailingZeroCount(minimal)]));
        }
        return result;
    }

    private static IReadOnlyList<FunctionalDependency> Collect(FunctionalDependencySet cover, AttributeSet s, int limit)
    {
        var result = new List<FunctionalDependency>();
        foreach (var a in s)
            foreach (var x in DeterminantsWithin(cover, s, a, limit - result.Count))
                result.Add(new FunctionalDependency(x, AttributeSet.Single(a)));
        return result;
    }

    private static IReadOnlyList<AttributeSet> DeterminantsWithin(FunctionalDependencySet cover, AttributeSet s, int a, int limit)
    {
        // Only an FD with A on its right (and not on its left) can put A into a closure.
        bool produced = false;
        foreach (var fd in cover)
            if (fd.Rhs.Contains(a) && !fd.Lhs.Contains(a) && fd.Lhs.IsSubsetOf(s)) { produced = true; break; }
        if (!produced) return [];

        var single = AttributeSet.Single(a);
        var extended = new FunctionalDependencySet(cover.AttributeCount, cover.Append(new FunctionalDependency(single, s - single)));
        // {A} is one of the keys and does not count against the caller's limit.
        var keys = CandidateKeys.FindWithin(extended, s, limit == int.MaxValue ? limit : limit + 1);
        if (!keys.Complete)
            throw new DependencyLimitException(
                $"more than {Math.Max(limit, 0):N0} minimal functional dependencies over {s.Count} columns; the search stopped there");
        return keys.Keys.Where(k => k != single).ToList();
    }
}
