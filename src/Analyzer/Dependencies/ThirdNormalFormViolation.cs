namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Finds a 3NF violation of a subschema S under F: X ⊆ S, A ∈ S − X, A ∈ X⁺, X not a superkey of S and
/// A in no candidate key of S. Testing 3NF is NP-complete (it needs the prime columns; Jou &amp; Fischer,
/// IPL 1982), so this works from the keys of S: the projection π_S(F) is computed (by
/// <see cref="Projection"/>), its prime columns by Lucchesi–Osborn, and then checking the FDs of that cover is
/// enough: if X -> A in π_S(F)⁺ violates 3NF, the cover FD V -> A that first adds A to X⁺ has V ⊆ X⁺,
/// so V is no superkey either. Both steps are bounded and throw <see cref="DependencyLimitException"/>.
/// </summary>
public static class ThirdNormalFormViolation
{
    /// <summary>
    /// A violating FD X -> Y with X a left side of the projected minimal cover and Y the non-prime columns
    /// of S that X determines beyond itself; null when S is in 3NF.
    /// </summary>
    public static FunctionalDependency? Find(FunctionalDependencySet fds, AttributeSet subschema, int keyLimit = CandidateKeys.DefaultLimit)
    {
        if (!subschema.IsSubsetOf(fds.Universe))
            throw new ArgumentException($"subschema {subschema} names a column outside 0..{fds.AttributeCount - 1}", nameof(subschema));
        var cover = subschema == fds.Universe ? MinimalCover.Compute(fds) : Projection.Project(fds, subschema);
        var projected = new FunctionalDependencySet(fds.AttributeCount, cover);
        // Only the prime columns matter, and the key search can often stop long before the last key.
        var prime = CandidateKeys.PrimeAttributesWithin(projected, subschema, keyLimit);
        return Find(projected, subschema, prime, cover);
    }

    /// <summary>
    /// The same test when the prime columns of S are already known. <paramref name="cover"/> must be a
    /// cover of π_S(F) (for S = all columns, F itself will do).
    /// </summary>
    public static FunctionalDependency? Find(FunctionalDependencySet fds, AttributeSet subschema, AttributeSet primeAttributes, IEnumerable<FunctionalDependency> cover)
    {
        var closure = new ClosureComputer(fds);
        foreach (var fd in cover)
        {
            if (!fd.Lhs.IsSubsetOf(subschema)) continue;
            var nonPrime = ((fd.Rhs & subschema) - fd.Lhs) - primeAttributes;
            if (nonPrime.IsEmpty || closure.Determines(fd.Lhs, subschema)) continue;
            return new FunctionalDependency(fd.Lhs, ((closure.Closure(fd.Lhs) & subschema) - fd.Lhs) - primeAttributes);
        }
        return null;
    }

    public static bool Is3NF(FunctionalDependencySet fds, AttributeSet subschema, int keyLimit = CandidateKeys.DefaultLimit) =>
        Find(fds, subschema, keyLimit) is null;
}
