namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// The dependency basis DEP(X) under FDs and MVDs (Beeri, TODS 1980): the finest partition of U − X
/// into blocks such that X ->> Y is implied exactly when Y − X is a union of blocks. FDs V -> W take
/// part as the MVDs V ->> A for each A in W. A column A outside X is determined by X (mixed closure)
/// when {A} is a block and some FD V -> W has A in W − V.
/// </summary>
public static class DependencyBasis
{
    public static IReadOnlyList<AttributeSet> Compute(
        AttributeSet x, AttributeSet universe,
        IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency> mvds)
    {
        var rules = new List<MultivaluedDependency>();
        foreach (var m in mvds) rules.Add(m);
        foreach (var fd in fds)
            foreach (var a in fd.Rhs - fd.Lhs)
                rules.Add(new MultivaluedDependency(fd.Lhs, AttributeSet.Single(a)));

        var blocks = new List<AttributeSet>();
        var rest = universe - x;
        if (!rest.IsEmpty) blocks.Add(rest);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var m in rules)
            {
                for (int i = 0; i < blocks.Count; i++)
                {
                    var y = blocks[i];
                    if (y.Overlaps(m.Lhs)) continue;
                    var inside = y & m.Rhs;
                    var outside = y - m.Rhs;
                    if (inside.IsEmpty || outside.IsEmpty) continue;
                    blocks[i] = inside;
                    blocks.Add(outside);
                    changed = true;
                }
            }
        }
        blocks.Sort();
        return blocks;
    }

    /// <summary>Whether FDs and MVDs imply X ->> Y.</summary>
    public static bool ImpliesMvd(
        MultivaluedDependency mvd, AttributeSet universe,
        IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency> mvds)
    {
        var y = mvd.Rhs - mvd.Lhs;
        foreach (var block in Compute(mvd.Lhs, universe, fds, mvds))
        {
            if (block.IsSubsetOf(y)) y -= block;
            else if (block.Overlaps(y)) return false;
        }
        return y.IsEmpty;
    }

    /// <summary>X⁺ under FDs and MVDs together (the FD closure when MVDs interact with FDs).</summary>
    public static AttributeSet MixedClosure(
        AttributeSet x, AttributeSet universe,
        IReadOnlyCollection<FunctionalDependency> fds, IEnumerable<MultivaluedDependency> mvds)
    {
        var result = x;
        foreach (var block in Compute(x, universe, fds, mvds))
        {
            if (block.Count != 1) continue;
            int a = block.First();
            if (fds.Any(fd => fd.Rhs.Contains(a) && !fd.Lhs.Contains(a))) result = result.With(a);
        }
        return result;
    }
}
