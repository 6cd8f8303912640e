using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Algebra;

/// <summary>
/// A small set of FDs equivalent to a large one. FD discovery reports every minimal FD of the rows, often
/// tens of thousands of them, most implied by others; every closure, projection and key search works in
/// proportion to the number of FDs. Taken by left-side size, an FD is kept only when the ones kept so far
/// do not imply it: what is kept is part of the input and implies all of it, so the two have the same
/// closure. Within one left side X the right-hand columns are taken greedily, the one whose addition
/// grows X⁺ most first (an FD from X to a key makes the rest of X's FDs redundant at once). A minimal
/// cover of the (now small) result finishes the job.
/// </summary>
public static class CompactCover
{
    /// <summary>Below this many FDs the input is returned as it is.</summary>
    public const int Threshold = 64;

    public static IReadOnlyList<FunctionalDependency> Compute(int attributeCount, IReadOnlyList<FunctionalDependency> fds)
    {
        if (fds.Count <= Threshold) return fds;
        var kept = new List<FunctionalDependency>();
        foreach (var level in fds.Where(f => !f.IsTrivial).GroupBy(f => f.Lhs.Count).OrderBy(g => g.Key))
        {
            var closure = new ClosureComputer(new FunctionalDependencySet(attributeCount, kept));
            foreach (var group in level.GroupBy(f => f.Lhs))
            {
                var x = group.Key;
                var reached = closure.Closure(x);
                var wanted = group.Aggregate(AttributeSet.Empty, (a, f) => a | f.Rhs) - reached;
                var added = AttributeSet.Empty;
                while (!wanted.IsEmpty)
                {
                    int best = -1;
                    var bestReach = reached;
                    foreach (var a in wanted)
                    {
                        var r = closure.Closure(reached.With(a));
                        if (best < 0 || r.Count > bestReach.Count) { best = a; bestReach = r; }
                    }
                    added = added.With(best);
                    reached = bestReach;
                    wanted -= reached;
                }
                if (!added.IsEmpty) kept.Add(new FunctionalDependency(x, added));
            }
        }
        return MinimalCover.Combine(MinimalCover.Compute(new FunctionalDependencySet(attributeCount, kept)));
    }
}
