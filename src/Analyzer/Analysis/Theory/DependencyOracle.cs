using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Theory;

/// <summary>Which reasoning a set of dependencies needs.</summary>
public enum ImplicationMode
{
    /// <summary>FDs only: linear-time closure, Lucchesi–Osborn keys, the given FDs decide 3NF and BCNF.</summary>
    FunctionalOnly,
    /// <summary>FDs and MVDs: the dependency basis (Beeri 1980) gives closures and MVD implication exactly.</summary>
    WithMultivalued,
    /// <summary>FDs, MVDs and JDs with three or more components: the chase, within a budget.</summary>
    WithJoin,
}

/// <summary>Bounds on the oracle's work (see <see cref="AnalysisOptions"/>).</summary>
public sealed record OracleLimits(int ChaseMaxRows = Chase.DefaultMaxRows, int ChaseBudget = 20_000, int MaxExhaustiveColumns = 20)
{
    public static OracleLimits Default { get; } = new();
}

/// <summary>
/// Exact implication questions about one table's FDs, MVDs and JDs: the FD closure X⁺ under all of them,
/// superkeys, the dependency basis DEP(X), MVD implication and candidate keys. With FDs only it is the
/// classical FD algebra; with MVDs, FDs implied by FDs and MVDs together (coalescence) are included, so
/// that keys and closures are those of the whole dependency set, not of its FDs alone. Answers are
/// cached. A question that would need more chase runs than the budget throws <see cref="DependencyLimitException"/>.
/// </summary>
public sealed class DependencyOracle
{
    private readonly List<FunctionalDependency> _fdList;
    private readonly AttributeSet _determinable; // columns on the right of some FD (only they can be determined)
    private readonly Dictionary<AttributeSet, AttributeSet> _closures = [];
    private readonly Dictionary<AttributeSet, bool> _superkeys = [];
    private readonly Dictionary<AttributeSet, IReadOnlyList<AttributeSet>> _bases = [];
    private FunctionalDependencySet? _upper; // FDs plus each MVD read as an FD: a cheap upper bound of the closure
    private int _chaseRuns;

    public DependencyOracle(
        int attributeCount,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        OracleLimits? limits = null)
    {
        Limits = limits ?? OracleLimits.Default;
        Universe = AttributeSet.Range(attributeCount);
        Fds = new FunctionalDependencySet(attributeCount, fds);
        _fdList = Fds.ToList();
        foreach (var fd in _fdList) _determinable |= fd.Rhs - fd.Lhs;

        var mvdList = new List<MultivaluedDependency>();
        foreach (var m in mvds ?? [])
        {
            if (!m.Lhs.IsSubsetOf(Universe) || !m.Rhs.IsSubsetOf(Universe))
                throw new ArgumentException($"MVD {m} names a column outside 0..{attributeCount - 1}.", nameof(mvds));
            var normalized = m.Normalized;
            if (!normalized.IsTrivial(Universe) && !mvdList.Contains(normalized)) mvdList.Add(normalized);
        }

        var jdList = new List<JoinDependency>();
        foreach (var jd in jds ?? [])
        {
            if (jd.Attributes != Universe)
                throw new ArgumentException($"JD {jd} does not cover every column of the table.", nameof(jds));
            if (jd.IsTrivial(Universe)) continue;
            if (jd.Components.Count == 2)
            {
                // ⋈[R1, R2] is the MVD R1 ∩ R2 ->> R1 − R2.
                var x = jd.Components[0] & jd.Components[1];
                var m = new MultivaluedDependency(x, jd.Components[0] - x);
                if (!m.IsTrivial(Universe) && !mvdList.Contains(m)) mvdList.Add(m);
            }
            else if (!jdList.Contains(jd)) jdList.Add(jd);
        }
        Mvds = mvdList;
        Jds = jdList;
        Mode = jdList.Count > 0 ? ImplicationMode.WithJoin
            : mvdList.Count > 0 ? ImplicationMode.WithMultivalued
            : ImplicationMode.FunctionalOnly;
        if (Mode == ImplicationMode.WithMultivalued)
            _upper = new FunctionalDependencySet(attributeCount, _fdList.Concat(mvdList.Select(m => new FunctionalDependency(m.Lhs, m.Rhs))));
    }

    /// <summary>
    /// A superset of <see cref="Closure"/> computed in linear time: with FDs and MVDs, the closure under
    /// the FDs and every MVD X ->> Y read as X -> Y (which implies the MVD, so it implies at least as much).
    /// With JDs there is no such bound, and the universe is returned.
    /// </summary>
    public AttributeSet UpperClosure(AttributeSet x) => Mode switch
    {
        ImplicationMode.FunctionalOnly => Fds.Closure(x),
        ImplicationMode.WithMultivalued => _upper!.Closure(x),
        _ => Universe,
    };

    public OracleLimits Limits { get; }
    public AttributeSet Universe { get; }
    public int AttributeCount => Fds.AttributeCount;
    public FunctionalDependencySet Fds { get; }

    /// <summary>The non-trivial MVDs, normalized (X ∩ Y = ∅), including binary JDs.</summary>
    public IReadOnlyList<MultivaluedDependency> Mvds { get; }

    /// <summary>The non-trivial JDs with three or more components.</summary>
    public IReadOnlyList<JoinDependency> Jds { get; }

    public ImplicationMode Mode { get; }

    /// <summary>Chase runs so far (JD reasoning).</summary>
    public int ChaseRuns => _chaseRuns;

    /// <summary>X⁺: every column X determines under all the dependencies.</summary>
    public AttributeSet Closure(AttributeSet x)
    {
        if (Mode == ImplicationMode.FunctionalOnly) return Fds.Closure(x);
        if (_closures.TryGetValue(x, out var cached)) return cached;
        var result = DependencyBasis.MixedClosure(x, Universe, _fdList, Mvds);
        if (Mode == ImplicationMode.WithJoin && MayHaveNontrivialAt(x))
        {
            // The FDs and MVDs alone give a lower bound; each further column needs the chase.
            foreach (var a in _determinable - result)
                if (ChaseImpliesFd(new FunctionalDependency(x, a))) result = result.With(a);
        }
        _closures[x] = result;
        return result;
    }

    public bool Implies(FunctionalDependency fd) => fd.Rhs.IsSubsetOf(Closure(fd.Lhs));

    /// <summary>Whether X determines every column.</summary>
    public bool IsSuperkey(AttributeSet x)
    {
        if (Mode == ImplicationMode.FunctionalOnly) return Fds.IsSuperkey(x);
        if (!(Universe - x).IsSubsetOf(_determinable) || UpperClosure(x) != Universe) return false;
        if (_superkeys.TryGetValue(x, out var known)) return known;
        bool result;
        if (Mode == ImplicationMode.WithMultivalued || _closures.ContainsKey(x)) result = Closure(x) == Universe;
        else result = DependencyBasis.MixedClosure(x, Universe, _fdList, Mvds) == Universe
                      || ChaseImpliesFd(new FunctionalDependency(x, Universe - x));
        _superkeys[x] = result;
        return result;
    }

    /// <summary>
    /// DEP(X): the finest partition of U − X such that X ->> Y holds exactly when Y − X is a union of blocks.
    /// With JDs the blocks are first found from the FDs, MVDs and the MVDs each JD gives alone, then split
    /// further where the chase shows a finer MVD.
    /// </summary>
    public IReadOnlyList<AttributeSet> Basis(AttributeSet x)
    {
        if (Mode != ImplicationMode.WithJoin) return DependencyBasis.Compute(x, Universe, _fdList, Mvds);
        if (_bases.TryGetValue(x, out var cached)) return cached;
        var rest = Universe - x;
        List<AttributeSet> blocks;
        if (rest.IsEmpty) blocks = [];
        else if (!MayHaveNontrivialAt(x)) blocks = [rest];
        else
        {
            var rules = new List<MultivaluedDependency>(Mvds);
            foreach (var jd in Jds)
                foreach (var component in HingeComponents(jd, x))
                    rules.Add(new MultivaluedDependency(x, component));
            blocks = [];
            foreach (var block in DependencyBasis.Compute(x, Universe, _fdList, rules))
                blocks.AddRange(Refine(x, block));
            blocks.Sort();
        }
        _bases[x] = blocks;
        return blocks;
    }

    /// <summary>Whether the dependencies imply X ->> Y.</summary>
    public bool ImpliesMvd(MultivaluedDependency mvd)
    {
        if (mvd.IsTrivial(Universe)) return true;
        if (Mode != ImplicationMode.WithJoin) return DependencyBasis.ImpliesMvd(mvd, Universe, _fdList, Mvds);
        var y = mvd.Rhs - mvd.Lhs;
        foreach (var block in Basis(mvd.Lhs))
        {
            if (block.IsSubsetOf(y)) y -= block;
            else if (block.Overlaps(y)) return false;
        }
        return y.IsEmpty;
    }

    /// <summary>
    /// False when no non-trivial FD or MVD can have X as its left side: then the two rows that agree
    /// exactly on X satisfy every dependency (each FD and MVD with its left side in X is satisfied by them,
    /// and each JD is, because its components minus X stay connected), and they break every X -> A and
    /// X ->> Y with A, Y outside X. So X⁺ = X and DEP(X) = {U − X}. True is only "maybe".
    /// </summary>
    public bool MayHaveNontrivialAt(AttributeSet x)
    {
        foreach (var fd in _fdList)
            if (fd.Lhs.IsSubsetOf(x) && !fd.Rhs.IsSubsetOf(x)) return true;
        foreach (var m in Mvds)
            if (m.Lhs.IsSubsetOf(x) && !(m.Rhs - x).IsEmpty && !(Universe - m.Lhs - m.Rhs - x).IsEmpty) return true;
        foreach (var jd in Jds)
            if (HingeComponents(jd, x).Count > 1) return true;
        return false;
    }

    /// <summary>
    /// Every candidate key. FDs only: Lucchesi–Osborn. Otherwise the FDs that MVDs and JDs imply have no
    /// finite cover to run it on, so minimal superkeys are searched by size over the columns that some FD
    /// can determine (the others are in every key), within <see cref="OracleLimits.MaxExhaustiveColumns"/>;
    /// past it the keys of the FDs alone are minimised and the result is marked incomplete.
    /// </summary>
    public CandidateKeyResult CandidateKeys(int limit = Dependencies.CandidateKeys.DefaultLimit)
    {
        if (Mode == ImplicationMode.FunctionalOnly) return Dependencies.CandidateKeys.Find(Fds, limit);

        var core = Universe - _determinable;
        if (IsSuperkey(core)) return new CandidateKeyResult([core], true);
        var optional = Universe & _determinable;
        if (optional.Count > Limits.MaxExhaustiveColumns)
        {
            var fdKeys = Dependencies.CandidateKeys.Find(Fds, limit).Keys;
            var minimized = fdKeys.Select(Minimize).Distinct().ToList();
            minimized.Sort();
            return new CandidateKeyResult(minimized, false);
        }

        var keys = new List<AttributeSet>();
        foreach (var s in Subsets.BySize(optional, 1))
        {
            var x = core | s;
            if (keys.Any(k => k.IsSubsetOf(x))) continue;
            if (!IsSuperkey(x)) continue;
            if (keys.Count >= limit)
            {
                keys.Sort();
                return new CandidateKeyResult(keys, false);
            }
            keys.Add(x);
        }
        keys.Sort();
        return new CandidateKeyResult(keys, true);
    }

    /// <summary>Removes columns from a superkey, highest position first, while it stays a superkey.</summary>
    public AttributeSet Minimize(AttributeSet superkey)
    {
        var key = superkey;
        var attrs = superkey.ToArray();
        for (int i = attrs.Length - 1; i >= 0; i--)
        {
            var smaller = key.Without(attrs[i]);
            if (IsSuperkey(smaller)) key = smaller;
        }
        return key;
    }

    /// <summary>
    /// The connected parts of U − X under the components of a JD with X removed. The JD alone implies
    /// X ->> P for each part P (its components merge into one X-hinged JD per part).
    /// </summary>
    internal List<AttributeSet> HingeComponents(JoinDependency jd, AttributeSet x)
    {
        var parts = new List<AttributeSet>();
        foreach (var c in jd.Components)
        {
            var part = c - x;
            if (part.IsEmpty) continue;
            for (int i = parts.Count - 1; i >= 0; i--)
                if (parts[i].Overlaps(part))
                {
                    part |= parts[i];
                    parts.RemoveAt(i);
                }
            parts.Add(part);
        }
        return parts;
    }

    /// <summary>Splits a block of an implied MVD into the finest blocks the chase confirms.</summary>
    private IEnumerable<AttributeSet> Refine(AttributeSet x, AttributeSet block)
    {
        var remaining = block;
        while (remaining.Count > 1)
        {
            if (remaining.Count > Limits.MaxExhaustiveColumns)
                throw new DependencyLimitException($"refining a dependency basis block of {remaining.Count} columns (the bound is {Limits.MaxExhaustiveColumns})");
            // The atom holding the first column is the smallest implied set that holds it (implied sets are
            // closed under intersection); the rest of the block is then implied too (difference).
            int first = remaining.First();
            var others = remaining.Without(first);
            var atom = remaining;
            foreach (var s in Subsets.BySize(others, 0, others.Count - 1))
            {
                var candidate = s.With(first);
                if (ChaseImpliesMvd(new MultivaluedDependency(x, candidate))) { atom = candidate; break; }
            }
            yield return atom;
            remaining -= atom;
        }
        if (!remaining.IsEmpty) yield return remaining;
    }

    private bool ChaseImpliesFd(FunctionalDependency fd)
    {
        Spend();
        return Chase.ImpliesFd(Universe, fd, _fdList, Mvds, Jds, Limits.ChaseMaxRows);
    }

    private bool ChaseImpliesMvd(MultivaluedDependency mvd)
    {
        Spend();
        return Chase.ImpliesMvd(Universe, mvd, _fdList, Mvds, Jds, Limits.ChaseMaxRows);
    }

    private void Spend()
    {
        if (++_chaseRuns > Limits.ChaseBudget)
            throw new DependencyLimitException($"more than {Limits.ChaseBudget:N0} chase runs");
    }
}
