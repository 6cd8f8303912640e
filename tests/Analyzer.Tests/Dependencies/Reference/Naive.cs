using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies.Reference;

/// <summary>
/// Slow, obvious reference versions of the dependency algebra: fixpoint closure and enumeration of
/// every subset. Only for small tables; each function reads like its textbook definition.
/// </summary>
internal static class Naive
{
    /// <summary>X⁺ by applying every FD until nothing changes.</summary>
    public static AttributeSet Closure(IEnumerable<FunctionalDependency> fds, AttributeSet x)
    {
        var list = fds.ToList();
        var z = x;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var fd in list)
                if (fd.Lhs.IsSubsetOf(z) && !fd.Rhs.IsSubsetOf(z))
                {
                    z |= fd.Rhs;
                    changed = true;
                }
        }
        return z;
    }

    public static bool Implies(IEnumerable<FunctionalDependency> fds, FunctionalDependency fd) =>
        fd.Rhs.IsSubsetOf(Closure(fds, fd.Lhs));

    public static bool Equivalent(IEnumerable<FunctionalDependency> f, IEnumerable<FunctionalDependency> g) =>
        f.All(fd => Implies(g, fd)) && g.All(fd => Implies(f, fd));

    /// <summary>Every subset of <paramref name="s"/>.</summary>
    public static IEnumerable<AttributeSet> Subsets(AttributeSet s)
    {
        var items = s.ToArray();
        if (items.Length > 20) throw new InvalidOperationException("too many subsets for the reference");
        for (long mask = 0; mask < 1L << items.Length; mask++)
        {
            var set = AttributeSet.Empty;
            for (int i = 0; i < items.Length; i++) if ((mask >> i & 1) != 0) set = set.With(items[i]);
            yield return set;
        }
    }

    /// <summary>Minimal X ⊆ S with S ⊆ X⁺, sorted like <see cref="AttributeSet.CompareTo"/>.</summary>
    public static List<AttributeSet> Keys(IEnumerable<FunctionalDependency> fds, AttributeSet s)
    {
        var list = fds.ToList();
        bool Super(AttributeSet x) => s.IsSubsetOf(Closure(list, x));
        var keys = Subsets(s).Where(x => Super(x) && x.ToArray().All(a => !Super(x.Without(a)))).ToList();
        keys.Sort();
        return keys;
    }

    public static AttributeSet Prime(IEnumerable<AttributeSet> keys) =>
        keys.Aggregate(AttributeSet.Empty, (p, k) => p | k);

    /// <summary>The projection onto S in its most obvious form: X -> (X⁺ ∩ S) for every X ⊆ S.</summary>
    public static List<FunctionalDependency> Projection(IEnumerable<FunctionalDependency> fds, AttributeSet s)
    {
        var list = fds.ToList();
        return Subsets(s).Select(x => new FunctionalDependency(x, Closure(list, x) & s)).ToList();
    }

    /// <summary>BCNF of S: no X ⊆ S determines a column of S outside X without determining all of S.</summary>
    public static bool IsBcnf(IEnumerable<FunctionalDependency> fds, AttributeSet s)
    {
        var list = fds.ToList();
        foreach (var x in Subsets(s))
        {
            var c = Closure(list, x);
            if (!((c & s) - x).IsEmpty && !s.IsSubsetOf(c)) return false;
        }
        return true;
    }

    /// <summary>3NF of S: every such X -> A has A prime in S.</summary>
    public static bool Is3NF(IEnumerable<FunctionalDependency> fds, AttributeSet s)
    {
        var list = fds.ToList();
        var prime = Prime(Keys(list, s));
        foreach (var x in Subsets(s))
        {
            var c = Closure(list, x);
            if (!(((c & s) - x) - prime).IsEmpty && !s.IsSubsetOf(c)) return false;
        }
        return true;
    }

    /// <summary>Whether the union of the brute-force projections onto the components implies the FD.</summary>
    public static bool Preserved(IEnumerable<FunctionalDependency> fds, IEnumerable<AttributeSet> components, FunctionalDependency fd)
    {
        var list = fds.ToList();
        var g = components.SelectMany(r => Projection(list, r)).ToList();
        return Implies(g, fd);
    }

    /// <summary>Every X -> A with A ∈ S, X ⊆ S − A, A ∈ X⁺ and no proper subset of X determining A.</summary>
    public static List<FunctionalDependency> MinimalFds(IEnumerable<FunctionalDependency> fds, AttributeSet s)
    {
        var list = fds.ToList();
        var result = new List<FunctionalDependency>();
        foreach (var a in s)
        {
            bool Determines(AttributeSet x) => Closure(list, x).Contains(a);
            var lhs = Subsets(s.Without(a))
                .Where(x => Determines(x) && x.ToArray().All(b => !Determines(x.Without(b))))
                .OrderBy(x => x).ToList();
            result.AddRange(lhs.Select(x => new FunctionalDependency(x, AttributeSet.Single(a))));
        }
        return result;
    }
}
