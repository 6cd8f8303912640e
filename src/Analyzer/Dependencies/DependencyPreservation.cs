namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Whether a decomposition R1..Rk preserves F, without computing any projection (Ullman, Principles of
/// Database and Knowledge-Base Systems I, 1988): X -> Y is preserved iff Y ⊆ Z, where Z starts as X and
/// grows by ((Z ∩ Ri)⁺ ∩ Ri) for each component until it stops changing. Polynomial in |F|, k and the
/// number of columns.
/// </summary>
public static class DependencyPreservation
{
    /// <summary>
    /// The FDs of <paramref name="fds"/> that the components do not preserve, each cut down to the part
    /// of its right side that is lost (X -> AB with only B lost is reported as X -> B), in input order.
    /// Empty when the decomposition preserves every dependency.
    /// </summary>
    public static IReadOnlyList<FunctionalDependency> LostDependencies(FunctionalDependencySet fds, IReadOnlyList<AttributeSet> components)
    {
        var closure = new ClosureComputer(fds);
        var lost = new List<FunctionalDependency>();
        foreach (var fd in fds)
        {
            var rhs = fd.Rhs - fd.Lhs;
            if (rhs.IsEmpty) continue;
            var reached = Reach(closure, components, fd.Lhs, rhs);
            if (!rhs.IsSubsetOf(reached)) lost.Add(new FunctionalDependency(fd.Lhs, rhs - reached));
        }
        return lost;
    }

    public static bool IsPreserving(FunctionalDependencySet fds, IReadOnlyList<AttributeSet> components) =>
        LostDependencies(fds, components).Count == 0;

    /// <summary>Whether X -> Y follows from the union of the projections of F onto the components.</summary>
    public static bool IsPreserved(FunctionalDependencySet fds, IReadOnlyList<AttributeSet> components, FunctionalDependency fd)
    {
        var rhs = fd.Rhs - fd.Lhs;
        return rhs.IsEmpty || rhs.IsSubsetOf(Reach(new ClosureComputer(fds), components, fd.Lhs, rhs));
    }

    /// <summary>The closure of X under ∪ π_Ri(F), stopping early once <paramref name="goal"/> is inside.</summary>
    private static AttributeSet Reach(ClosureComputer closure, IReadOnlyList<AttributeSet> components, AttributeSet x, AttributeSet goal)
    {
        var z = x;
        bool changed = true;
        while (changed && !goal.IsSubsetOf(z))
        {
            changed = false;
            foreach (var r in components)
            {
                var seed = z & r;
                var gained = (closure.Closure(seed) & r) - z;
                if (gained.IsEmpty) continue;
                z |= gained;
                changed = true;
            }
        }
        return z;
    }
}
