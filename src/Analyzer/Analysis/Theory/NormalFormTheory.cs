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
        var result = new List<MvdViolation>();
        bool complete = true;
        var leftSides = MinimalSplittingLeftSides(universe, x => !oracle.MayHaveNontrivialAt(x) || oracle.IsSuperkey(x), oracle.Basis);
        foreach (var (x, blocks) in leftSides)
        {
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
    /// The minimal X ⊆ <paramref name="columns"/> (at most all but two of them) that are not skipped and
    /// whose basis has two blocks or more, with those blocks, smallest X first.
    /// </summary>
    private static IEnumerable<(AttributeSet Lhs, IReadOnlyList<AttributeSet> Blocks)> MinimalSplittingLeftSides(
        AttributeSet columns, Func<AttributeSet, bool> skip, Func<AttributeSet, IReadOnlyList<AttributeSet>> basis)
    {
        var found = new List<AttributeSet>();
        foreach (var x in Subsets.BySize(columns, 0, columns.Count - 2))
        {
            if (found.Any(f => f.IsSubsetOf(x))) continue;
            if (skip(x)) continue;
            var blocks = basis(x);
            if (blocks.Count < 2) continue;
            found.Add(x);
            yield return (x, blocks);
        }
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

    /// <summary>
    /// The strongest normal form of a set of columns S of a table under the dependencies that hold in it.
    /// Below BCNF, 3NF and 2NF are told apart by <see cref="ThirdNormalFormViolation"/> and
    /// <see cref="PartialDependency"/>; above it, 4NF and 5NF by the MVDs and JDs of S (with FDs alone,
    /// BCNF is 5NF: every dependency of S is then implied by its keys).
    /// </summary>
    public static NormalForm NormalFormOf(IProjectedDependencies s)
    {
        if (BcnfViolation(s) is not null)
        {
            if (ThirdNormalFormViolation(s) is null) return NormalForm.Third;
            return PartialDependency(s) is null ? NormalForm.Second : NormalForm.First;
        }
        if (s.OnlyFds is not null) return NormalForm.Fifth;
        if (EmbeddedMvdViolations(s).Count > 0) return NormalForm.BCNF;
        if (JoinDependencyViolations(s).Count > 0) return NormalForm.Fourth;
        return NormalForm.Fifth;
    }

    /// <summary>
    /// An FD X -> (X⁺ ∩ S) − X of S whose left side is no superkey of S, or null when S is in BCNF. With FDs
    /// alone it is searched without listing the FDs of S (<see cref="Dependencies.BcnfViolation"/>);
    /// otherwise a cover of them decides.
    /// </summary>
    public static FunctionalDependency? BcnfViolation(IProjectedDependencies s)
    {
        if (s.OnlyFds is { } fds) return Dependencies.BcnfViolation.Find(fds, s.Columns);
        var seen = new HashSet<AttributeSet>();
        foreach (var fd in s.Cover())
        {
            if (!seen.Add(fd.Lhs)) continue;
            var closure = s.Closure(fd.Lhs);
            if (s.Columns.IsSubsetOf(closure)) continue;
            var y = (closure & s.Columns) - fd.Lhs;
            if (!y.IsEmpty) return new FunctionalDependency(fd.Lhs, y);
        }
        return null;
    }

    /// <summary>
    /// A 3NF violation of S: X -> its non-prime columns of S, for the first FD of the cover with a non-prime
    /// right side and a left side that is no superkey of S; null when S is in 3NF. A cover is enough: the
    /// cover FD that first adds a non-prime A to a violating X⁺ has its left side inside X⁺, so it is no
    /// superkey either.
    /// </summary>
    public static FunctionalDependency? ThirdNormalFormViolation(IProjectedDependencies s)
    {
        var prime = CandidateKeys.PrimeAttributes(s.Keys());
        foreach (var fd in s.Cover())
        {
            var nonPrime = (fd.Rhs & s.Columns) - fd.Lhs - prime;
            if (nonPrime.IsEmpty || IsSuperkey(s, fd.Lhs)) continue;
            return new FunctionalDependency(fd.Lhs, nonPrime);
        }
        return null;
    }

    /// <summary>
    /// A partial dependency of S: a key minus one column determining non-prime columns of S, or null (S is
    /// then in 2NF). Closure is monotone, so the parts one column short of a key are the only ones to try.
    /// </summary>
    public static FunctionalDependency? PartialDependency(IProjectedDependencies s)
    {
        var keys = s.Keys();
        var prime = CandidateKeys.PrimeAttributes(keys);
        foreach (var key in keys)
            foreach (var k in key)
            {
                var part = key.Without(k);
                var partial = (s.Closure(part) & s.Columns) - part - prime;
                if (!partial.IsEmpty) return new FunctionalDependency(part, partial);
            }
        return null;
    }

    /// <summary>
    /// 4NF of S beyond BCNF: each minimal X ⊆ S that is no superkey of S and has two blocks or more in its
    /// basis within S, with those blocks. Empty with FDs alone. Exhaustive over the subsets of S, so S may
    /// have at most <see cref="IProjectedDependencies.MaxExhaustiveColumns"/> columns.
    /// </summary>
    public static IReadOnlyList<(AttributeSet Lhs, IReadOnlyList<AttributeSet> Blocks)> EmbeddedMvdViolations(IProjectedDependencies s)
    {
        var columns = s.Columns;
        if (s.OnlyFds is not null || columns.Count < 2) return [];
        if (columns.Count > s.MaxExhaustiveColumns)
            throw new DependencyLimitException(
                $"the multivalued dependencies of a subschema: {columns.Count} columns, past the bound of {s.MaxExhaustiveColumns} for an exhaustive search");
        return MinimalSplittingLeftSides(columns, x => IsSuperkey(s, x), s.Basis).ToList();
    }

    /// <summary>5NF of S: the JDs that hold in S and that its keys do not imply. Empty with FDs alone.</summary>
    public static IReadOnlyList<JoinDependency> JoinDependencyViolations(IProjectedDependencies s)
    {
        if (s.OnlyFds is not null) return [];
        var jds = s.JoinDependencies();
        return jds.Count == 0 ? [] : JoinDependenciesNotImpliedByKeys(s.Columns, jds, s.Keys(), s.ChaseMaxRows);
    }

    private static bool IsSuperkey(IProjectedDependencies s, AttributeSet x) => s.Columns.IsSubsetOf(s.Closure(x));

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
