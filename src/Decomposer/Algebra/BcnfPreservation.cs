using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Algebra;

/// <summary>
/// Whether some lossless, dependency-preserving BCNF decomposition exists, with a witness when one does.
/// <see cref="Exists"/> is null when the search hit its bound (<see cref="Reason"/> says so).
/// </summary>
public sealed record PreservationDecision(bool? Exists, IReadOnlyList<AttributeSet> MaximalSubschemas, IReadOnlyList<AttributeSet> Witness, string? Reason);

/// <summary>
/// Decides exactly whether a table has a lossless, dependency-preserving BCNF decomposition.
/// <para>
/// Both properties only get easier when a component grows (while it stays in BCNF) or another component
/// is added, so one exists exactly when the family of all maximal BCNF subschemas is lossless and
/// preserving. It is always lossless: a candidate key has no non-trivial FD among its own columns, so it
/// is in BCNF and lies inside some maximal BCNF subschema, which is then a superkey; only preservation
/// needs checking, by Ullman's closure-over-projections test (<see cref="DependencyPreservation"/>).
/// </para>
/// <para>
/// The maximal BCNF subschemas are found without looking at every subset. For a violation X -> Y of a
/// set S (X no superkey of S, Y = X⁺ ∩ S − X), every BCNF subset T of S either misses a column of X, or
/// holds X and no column of Y, or holds X and some of Y, and then X must be a superkey of T, so T ⊆ X ∪ Y.
/// Searching S − x (x ∈ X), S − Y and X ∪ Y, largest sets first and skipping sets inside a BCNF set
/// already found, reaches exactly the maximal ones. Before searching, two cheap answers are tried: the
/// table itself in BCNF, or a 3NF synthesis whose tables are all in BCNF.
/// </para>
/// </summary>
public static class BcnfPreservation
{
    public static PreservationDecision Decide(
        DependencySpace space, FunctionalDependencySet preserve, IReadOnlyList<AttributeSet>? synthesis = null)
    {
        var universe = space.Universe;
        if (space.IsBcnf(universe)) return new PreservationDecision(true, [universe], [universe], null);
        if (synthesis is { Count: > 0 } && synthesis.All(space.IsBcnf)
            && space.IsLossless(synthesis) && DependencyPreservation.IsPreserving(preserve, synthesis))
            return new PreservationDecision(true, [], synthesis, null);

        IReadOnlyList<AttributeSet> maximal;
        try
        {
            maximal = MaximalBcnfSubschemas(space, space.Limits.MaxBcnfSearchSteps);
        }
        catch (DependencyLimitException e)
        {
            return new PreservationDecision(null, [], [], e.Message);
        }
        if (!DependencyPreservation.IsPreserving(preserve, maximal) || !space.IsLossless(maximal))
            return new PreservationDecision(false, maximal, [], null);
        return new PreservationDecision(true, maximal, Minimize(space, preserve, maximal), null);
    }

    /// <summary>Every maximal subset of the columns that is in BCNF, largest first.</summary>
    public static IReadOnlyList<AttributeSet> MaximalBcnfSubschemas(DependencySpace space, int maxSteps)
    {
        var found = new List<AttributeSet>();
        var seen = new HashSet<AttributeSet>();
        // Largest first: when a set comes up, every BCNF set larger than it is already known.
        var queue = new PriorityQueue<AttributeSet, (int, AttributeSet)>(
            Comparer<(int, AttributeSet)>.Create((a, b) => a.Item1 != b.Item1 ? b.Item1.CompareTo(a.Item1) : a.Item2.CompareTo(b.Item2)));
        void Push(AttributeSet s)
        {
            if (!s.IsEmpty && seen.Add(s)) queue.Enqueue(s, (s.Count, s));
        }
        Push(space.Universe);
        int steps = 0;
        while (queue.TryDequeue(out var s, out _))
        {
            if (found.Any(f => s.IsSubsetOf(f))) continue;
            if (++steps > maxSteps)
                throw new DependencyLimitException($"the search for the maximal BCNF subschemas passed {maxSteps:N0} steps");
            if (space.BcnfViolation(s) is not { } v)
            {
                found.Add(s);
                continue;
            }
            var x = v.Lhs;
            var y = v.Rhs & s;
            Push(x | y);
            Push(s - y);
            foreach (var a in x) Push(s.Without(a));
        }
        return found;
    }

    /// <summary>Drops subschemas, largest first, while the rest stays lossless and preserving.</summary>
    private static List<AttributeSet> Minimize(DependencySpace space, FunctionalDependencySet preserve, IReadOnlyList<AttributeSet> all)
    {
        var kept = all.ToList();
        foreach (var s in all.OrderByDescending(s => s.Count).ThenBy(s => s))
        {
            var without = kept.Where(k => k != s).ToList();
            if (without.Count == 0) continue;
            var covered = without.Aggregate(AttributeSet.Empty, (a, b) => a | b);
            if (covered != space.Universe) continue;
            if (DependencyPreservation.IsPreserving(preserve, without) && space.IsLossless(without)) kept = without;
        }
        kept.Sort();
        return kept;
    }
}
