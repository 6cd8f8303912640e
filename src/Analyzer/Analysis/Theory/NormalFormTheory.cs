using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Theory;

/// <summary>A list that a bounded search produced; <see cref="Complete"/> is false when a bound cut it short.</summary>
public sealed record Bounded<T>(IReadOnlyList<T> Items, bool Complete);

/// <summary>X ->> Y | Z: a non-trivial MVD (Y and Z = U − X − Y both non-empty) whose left side is not a superkey.</summary>
public sealed record MvdViolation(AttributeSet Lhs, AttributeSet Rhs, AttributeSet Complement)
{
    public MultivaluedDependency Mvd => new(Lhs, Rhs);
}

/// <summary>
/// The violation lists of the normal forms, as the textbooks state them (Elmasri &amp; Navathe for 2NF and
/// 3NF, Fagin 1977 and 1979 for 4NF and PJ/NF). Each works on a <see cref="DependencyOracle"/>, so FDs
/// implied by MVDs and JDs count as well.
/// </summary>
public static class NormalFormTheory
{
    /// <summary>
    /// 2NF: every minimal partial dependency P -> A with P a proper subset of some candidate key, A non-prime,
    /// and no proper subset of P determining A. Keys wider than <paramref name="maxKeyWidth"/> are not
    /// searched (the result is then incomplete). A table violates 2NF exactly when the list is non-empty.
    /// </summary>
    public static Bounded<FunctionalDependency> MinimalPartialDependencies(
        DependencyOracle oracle, IReadOnlyList<AttributeSet> keys, AttributeSet prime, int maxKeyWidth = 20)
    {
        var found = new List<FunctionalDependency>();
        bool complete = true;
        foreach (var key in keys)
        {
            // No column outside the key and the prime ones (a table keyed by all its columns): nothing to find.
            if ((oracle.Universe - key - prime).IsEmpty) continue;
            // Closure is monotone: a proper subset of K determines A only if some K − {a} does.
            var candidates = AttributeSet.Empty;
            foreach (var a in key) candidates |= oracle.Closure(key.Without(a));
            candidates = candidates - key - prime;
            if (candidates.IsEmpty) continue;
            if (key.Count > maxKeyWidth) { complete = false; continue; }
            foreach (var target in candidates)
            {
                var minimal = new List<AttributeSet>();
                foreach (var p in Subsets.BySize(key, 0, key.Count - 1))
                {
                    if (minimal.Any(m => m.IsSubsetOf(p))) continue;
                    if (oracle.Closure(p).Contains(target)) minimal.Add(p);
                }
                foreach (var p in minimal)
                {
                    var fd = new FunctionalDependency(p, target);
                    if (!found.Contains(fd)) found.Add(fd);
                }
            }
        }
        return new(Sorted(found), complete);
    }

    /// <summary>
    /// 3NF / BCNF "given FDs": the stated FDs, right sides split, that break the form: X -> A with A ∉ X and
    /// X not a superkey (for 3NF, A also non-prime). For FDs alone this decides the form: the table is in
    /// it exactly when the list is empty.
    /// </summary>
    public static IReadOnlyList<FunctionalDependency> GivenFdViolations(
        DependencyOracle oracle, IEnumerable<FunctionalDependency> given, NormalForm form, AttributeSet prime)
    {
        CheckForm(form);
        var result = new List<FunctionalDependency>();
        foreach (var fd in given)
        {
            var rhs = fd.Rhs - fd.Lhs;
            if (form == NormalForm.Third) rhs -= prime;
            if (rhs.IsEmpty || oracle.IsSuperkey(fd.Lhs)) continue;
            foreach (var a in rhs)
            {
                var single = new FunctionalDependency(fd.Lhs, a);
                if (!result.Contains(single)) result.Add(single);
            }
        }
        return result;
    }

    /// <summary>
    /// 3NF / BCNF "closure-minimal": every X -> A in the closure with A ∉ X, X not a superkey, and no proper
    /// subset of X determining A (for 3NF, A non-prime). Exhaustive over subsets of the columns, so only for
    /// tables of at most <paramref name="maxColumns"/> columns (otherwise incomplete and empty).
    /// </summary>
    public static Bounded<FunctionalDependency> ClosureMinimalViolations(
        DependencyOracle oracle, NormalForm form, AttributeSet prime, int maxColumns = 20) =>
        ClosureMinimalViolations(oracle, form, prime, AttributeSet.Empty, maxColumns);

    /// <summary>
    /// As above, over the left sides that contain <paramref name="within"/> (minimality is still checked
    /// against every subset). Only the columns outside it are enumerated, so the bound applies to those.
    /// </summary>
    public static Bounded<FunctionalDependency> ClosureMinimalViolations(
        DependencyOracle oracle, NormalForm form, AttributeSet prime, AttributeSet within, int maxColumns)
    {
        CheckForm(form);
        var universe = oracle.Universe;
        var free = universe - within;
        if (free.Count > maxColumns) return new([], false);
        var found = new List<FunctionalDependency>();
        foreach (var s in Subsets.BySize(free, 0, free.Count - 1))
        {
            var x = within | s;
            if (!oracle.MayHaveNontrivialAt(x) || oracle.UpperClosure(x) == x) continue;
            var determined = oracle.Closure(x) - x;
            if (form == NormalForm.Third) determined -= prime;
            if (determined.IsEmpty || oracle.IsSuperkey(x)) continue;
            foreach (var a in determined)
            {
                bool minimal = true;
                foreach (var b in x)
                    if (oracle.Closure(x.Without(b)).Contains(a)) { minimal = false; break; }
                if (minimal) found.Add(new FunctionalDependency(x, a));
            }
        }
        return new(Sorted(found), true);
    }

    /// <summary>
    /// 4NF: the non-trivial MVDs X ->> Y implied by the dependencies whose left side X is not a superkey,
    /// for minimal such X, one per complementary pair {Y, U − X − Y} (Y is the smaller side). Exhaustive
    /// over subsets, so bounded by <paramref name="maxColumns"/>; a left side whose basis has more than
    /// <paramref name="maxBlocks"/> blocks lists one MVD per block (and the list is marked incomplete).
    /// </summary>
    public static Bounded<MvdViolation> FourthNormalFormViolations(DependencyOracle oracle, int maxColumns = 20, int maxBlocks = 10)
    {
        var universe = oracle.Universe;
        if (universe.Count > maxColumns) return new([], false);
        var lhsFound = new List<AttributeSet>();
        var result = new List<MvdViolation>();
        bool complete = true;
        foreach (var x in Subsets.BySize(universe, 0, universe.Count - 2))
        {
            if (lhsFound.Any(l => l.IsSubsetOf(x))) continue;
            if (!oracle.MayHaveNontrivialAt(x) || oracle.IsSuperkey(x)) continue;
            var blocks = oracle.Basis(x);
            if (blocks.Count < 2) continue;
            lhsFound.Add(x);
            var rest = universe - x;
            if (blocks.Count > maxBlocks)
            {
                complete = false;
                foreach (var b in blocks) result.Add(Pair(x, b, rest - b));
                continue;
            }
            // Masks over all blocks but the last name each complementary pair once.
            int pairs = (1 << (blocks.Count - 1)) - 1;
            for (int mask = 1; mask <= pairs; mask++)
            {
                var y = AttributeSet.Empty;
                for (int i = 0; i < blocks.Count - 1; i++)
                    if ((mask & (1 << i)) != 0) y |= blocks[i];
                result.Add(Pair(x, y, rest - y));
            }
        }
        return new(result, complete);
    }

    /// <summary>
    /// PJ/NF (5NF): the given JDs that the candidate keys do not imply (Fagin 1979: a table is in 5NF
    /// exactly when every dependency of its set is implied by its key dependencies). Decided by the chase.
    /// </summary>
    public static IReadOnlyList<JoinDependency> JoinDependenciesNotImpliedByKeys(
        AttributeSet universe, IEnumerable<JoinDependency> jds, IReadOnlyList<AttributeSet> keys, int maxRows = Chase.DefaultMaxRows)
    {
        var keyFds = KeyFds(universe, keys);
        var result = new List<JoinDependency>();
        foreach (var jd in jds)
            if (!jd.IsTrivial(universe) && !Chase.ImpliesJd(universe, jd, keyFds, maxRows: maxRows) && !result.Contains(jd))
                result.Add(jd);
        return result;
    }

    /// <summary>K -> U for each key K.</summary>
    public static IReadOnlyList<FunctionalDependency> KeyFds(AttributeSet universe, IEnumerable<AttributeSet> keys) =>
        keys.Select(k => new FunctionalDependency(k, universe)).ToList();

    private static MvdViolation Pair(AttributeSet x, AttributeSet y, AttributeSet z)
    {
        // The smaller side on the right; on a tie, the side with the first column.
        bool swap = z.Count < y.Count || (z.Count == y.Count && z.First() < y.First());
        return swap ? new MvdViolation(x, z, y) : new MvdViolation(x, y, z);
    }

    private static List<FunctionalDependency> Sorted(List<FunctionalDependency> fds)
    {
        fds.Sort((a, b) =>
        {
            int c = a.Lhs.CompareTo(b.Lhs);
            return c != 0 ? c : a.Rhs.CompareTo(b.Rhs);
        });
        return fds;
    }

    private static void CheckForm(NormalForm form)
    {
        if (form is not (NormalForm.Third or NormalForm.BCNF))
            throw new ArgumentOutOfRangeException(nameof(form), "3NF or BCNF");
    }
}
