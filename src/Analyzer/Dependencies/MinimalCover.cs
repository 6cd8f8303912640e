namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// A minimal (canonical) cover: single-attribute right sides, no extraneous left-hand attribute,
/// no redundant FD (Ullman; Elmasri &amp; Navathe, "minimal set of FDs"). Deterministic: FDs keep
/// the order of the input, left sides are reduced attribute by attribute in column order.
/// Left sides are reduced before redundant FDs are dropped; the other order can leave a redundant FD.
/// </summary>
public static class MinimalCover
{
    public static IReadOnlyList<FunctionalDependency> Compute(FunctionalDependencySet fds)
    {
        // 1. One attribute on the right, trivial parts dropped, duplicates removed.
        var split = new List<FunctionalDependency>();
        var seen = new HashSet<FunctionalDependency>();
        foreach (var fd in fds)
            foreach (var single in fd.SplitRhs())
                if (seen.Add(single)) split.Add(single);

        // 2. Left-reduce against the original set (equivalent to the current one at every step).
        var closure = new ClosureComputer(fds);
        var reduced = new List<FunctionalDependency>(split.Count);
        seen.Clear();
        foreach (var fd in split)
        {
            var lhs = fd.Lhs;
            if (lhs.Count > 1 || (lhs.Count == 1 && fds.Index.EmptyLhs.Length > 0))
                foreach (var b in fd.Lhs)
                {
                    var smaller = lhs.Without(b);
                    if (closure.Determines(smaller, fd.Rhs)) lhs = smaller;
                }
            var r = new FunctionalDependency(lhs, fd.Rhs);
            if (seen.Add(r)) reduced.Add(r);
        }

        // 3. Drop FDs implied by the others, one at a time: switch each off, keep it off when still implied.
        var set = new FunctionalDependencySet(fds.AttributeCount, reduced);
        var cover = new ClosureComputer(set);
        var result = new List<FunctionalDependency>(reduced.Count);
        for (int i = 0; i < reduced.Count; i++)
        {
            cover.Disable(i);
            if (cover.Determines(reduced[i].Lhs, reduced[i].Rhs)) continue;
            cover.Enable(i);
            result.Add(reduced[i]);
        }
        return result;
    }

    /// <summary>Groups a cover by left side (X -> A, X -> B becomes X -> AB), keeping first-seen order.</summary>
    public static IReadOnlyList<FunctionalDependency> Combine(IEnumerable<FunctionalDependency> fds)
    {
        var order = new List<AttributeSet>();
        var byLhs = new Dictionary<AttributeSet, AttributeSet>();
        foreach (var fd in fds)
        {
            if (byLhs.TryGetValue(fd.Lhs, out var rhs)) byLhs[fd.Lhs] = rhs | fd.Rhs;
            else { byLhs[fd.Lhs] = fd.Rhs; order.Add(fd.Lhs); }
        }
        return order.Select(l => new FunctionalDependency(l, byLhs[l])).ToList();
    }
}
