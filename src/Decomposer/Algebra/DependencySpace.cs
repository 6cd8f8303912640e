using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Algebra;

/// <summary>Bounds on the work the decomposer may do for one table.</summary>
public sealed record SpaceLimits
{
    public static SpaceLimits Default { get; } = new();

    /// <summary>
    /// Widest subschema whose subsets are enumerated (FDs of a projection when MVDs or JDs are present,
    /// embedded MVDs for 4NF). FDs alone never need it.
    /// </summary>
    public int MaxExhaustiveColumns { get; init; } = 14;

    /// <summary>Rows a chase tableau may grow to.</summary>
    public int ChaseMaxRows { get; init; } = 5_000;

    public int KeyLimit { get; init; } = CandidateKeys.DefaultLimit;

    /// <summary>Search steps for the maximal BCNF subschemas (deciding whether a dependency-preserving BCNF decomposition exists).</summary>
    public int MaxBcnfSearchSteps { get; init; } = 20_000;
}

/// <summary>
/// The dependencies of one table that a decomposition works with (FDs, MVDs, full JDs over its column
/// positions), and the questions it asks about a subschema S: the FDs that hold in S, its keys, its
/// embedded MVDs and JDs (<see cref="Projected"/>), from which <see cref="NormalFormTheory"/> tells whether S
/// breaks 2NF, 3NF, BCNF, 4NF or 5NF. With FDs alone every answer comes from the exact FD
/// algebra (projection by resolution, Lucchesi–Osborn keys, the BCNF search), and 4NF and 5NF of a
/// subschema coincide with BCNF: the chase of two rows by FDs only ever equates them on X⁺, so an
/// embedded X ->> Y | Z holds exactly when X -> Y or X -> Z does. With MVDs or JDs the FDs of S come from
/// closing each subset of S under all dependencies (<see cref="DependencyOracle"/>), and embedded MVDs and
/// JDs are decided by <see cref="Chase.ImpliesEmbeddedJd"/>; both are bounded by <see cref="SpaceLimits"/>.
/// </summary>
public sealed class DependencySpace
{
    private readonly Dictionary<AttributeSet, IReadOnlyList<FunctionalDependency>> _covers = [];
    private readonly Dictionary<AttributeSet, CandidateKeyResult> _keys = [];
    private readonly List<FunctionalDependency> _fdList;

    public DependencySpace(
        int attributeCount, IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null, IEnumerable<JoinDependency>? jds = null,
        SpaceLimits? limits = null)
    {
        Limits = limits ?? SpaceLimits.Default;
        Universe = AttributeSet.Range(attributeCount);
        _fdList = fds.Where(f => !f.IsTrivial).Distinct().ToList();
        Oracle = new DependencyOracle(attributeCount, _fdList, mvds, jds,
            new OracleLimits(Limits.ChaseMaxRows, 20_000, Limits.MaxExhaustiveColumns));
        Fds = Oracle.Fds;
    }

    public SpaceLimits Limits { get; }
    public AttributeSet Universe { get; }
    public int AttributeCount => Universe.Count;
    public FunctionalDependencySet Fds { get; }
    public DependencyOracle Oracle { get; }

    /// <summary>The non-trivial MVDs (normalized, binary JDs included).</summary>
    public IReadOnlyList<MultivaluedDependency> Mvds => Oracle.Mvds;

    /// <summary>The non-trivial JDs of three or more components.</summary>
    public IReadOnlyList<JoinDependency> Jds => Oracle.Jds;

    public bool FdOnly => Oracle.Mode == ImplicationMode.FunctionalOnly;

    public AttributeSet Closure(AttributeSet x) => FdOnly ? Fds.Closure(x) : Oracle.Closure(x);

    public bool Determines(AttributeSet x, AttributeSet y) => FdOnly ? Fds.Determines(x, y) : y.IsSubsetOf(Closure(x));

    /// <summary>Whether X determines every column of S.</summary>
    public bool IsSuperkeyOf(AttributeSet x, AttributeSet s) => Determines(x, s);

    /// <summary>Whether the whole decomposition joins back losslessly under all the dependencies (the chase).</summary>
    public bool IsLossless(IReadOnlyList<AttributeSet> components) =>
        Chase.IsLossless(Universe, components, _fdList, Mvds, Jds, Limits.ChaseMaxRows);

    /// <summary>
    /// A cover of the FDs that hold in S: single columns on the right, left sides minimal. FDs only: the
    /// projection (<see cref="Projection"/>); otherwise every minimal X -> A with X ⊆ S, found by closing the
    /// subsets of S (bounded by <see cref="SpaceLimits.MaxExhaustiveColumns"/>).
    /// </summary>
    public IReadOnlyList<FunctionalDependency> Cover(AttributeSet s)
    {
        if (_covers.TryGetValue(s, out var cached)) return cached;
        IReadOnlyList<FunctionalDependency> result;
        if (FdOnly) result = s == Universe ? MinimalCover.Compute(Fds) : Projection.Project(Fds, s);
        else result = MinimalFdsBySubsets(s);
        _covers[s] = result;
        return result;
    }

    private List<FunctionalDependency> MinimalFdsBySubsets(AttributeSet s)
    {
        CheckWidth(s, "the FDs of a subschema under MVDs or JDs");
        var result = MinimalDependencies.BySubsets(s, Closure);
        // Left sides smallest first, then in column order: the order the splits are tried in.
        result.Sort(static (a, b) =>
        {
            int c = a.Lhs.CompareTo(b.Lhs);
            return c != 0 ? c : a.Rhs.CompareTo(b.Rhs);
        });
        return result;
    }

    /// <summary>The candidate keys of S (minimal X ⊆ S determining S).</summary>
    public CandidateKeyResult Keys(AttributeSet s)
    {
        if (_keys.TryGetValue(s, out var cached)) return cached;
        CandidateKeyResult result;
        if (FdOnly) result = s == Universe ? CandidateKeys.Find(Fds, Limits.KeyLimit) : CandidateKeys.Find(Fds, s, Limits.KeyLimit);
        else result = KeysBySubsets(s);
        _keys[s] = result;
        return result;
    }

    private CandidateKeyResult KeysBySubsets(AttributeSet s)
    {
        var determinable = AttributeSet.Empty;
        foreach (var fd in _fdList) determinable |= fd.Rhs - fd.Lhs;
        var core = s - determinable;
        if (IsSuperkeyOf(core, s)) return new CandidateKeyResult([core], true);
        var optional = s & determinable;
        CheckWidth(optional, "the keys of a subschema under MVDs or JDs");
        var keys = new List<AttributeSet>();
        foreach (var extra in Subsets.BySize(optional, 1, optional.Count))
        {
            var x = core | extra;
            if (keys.Any(k => k.IsSubsetOf(x))) continue;
            if (IsSuperkeyOf(x, s)) keys.Add(x);
        }
        keys.Sort();
        return new CandidateKeyResult(keys, true);
    }

    public AttributeSet PrimeAttributes(AttributeSet s) => CandidateKeys.PrimeAttributes(Keys(s).Keys);

    /// <summary>
    /// Every FD of the cover of S whose left side is no superkey of S, as X -> (X⁺ ∩ S) − X, one per left
    /// side, in cover order: the splits a BCNF decomposition of S may make.
    /// </summary>
    public IReadOnlyList<FunctionalDependency> BcnfViolations(AttributeSet s, IEnumerable<AttributeSet>? moreLhs = null)
    {
        var result = new List<FunctionalDependency>();
        var seen = new HashSet<AttributeSet>();
        IEnumerable<AttributeSet> lhs;
        try
        {
            lhs = Cover(s).Select(f => f.Lhs);
        }
        catch (DependencyLimitException) when (FdOnly)
        {
            // The projection is too large to list: the FDs of F inside S, and one violation found by search.
            lhs = _fdList.Where(f => f.Lhs.IsSubsetOf(s)).Select(f => f.Lhs);
            if (Analyzer.Dependencies.BcnfViolation.Find(Fds, s) is { } v) lhs = lhs.Append(v.Lhs);
        }
        foreach (var x in lhs.Concat(moreLhs ?? []))
        {
            if (!x.IsSubsetOf(s) || !seen.Add(x)) continue;
            var closure = Closure(x);
            if (s.IsSubsetOf(closure)) continue;
            var y = (closure & s) - x;
            if (!y.IsEmpty) result.Add(new FunctionalDependency(x, y));
        }
        return result;
    }

    /// <summary>The dependencies that hold in S, as the normal-form tests ask for them.</summary>
    public IProjectedDependencies Projected(AttributeSet s) => new Subschema(this, s);

    /// <summary>A BCNF violation of S, or null when S is in BCNF.</summary>
    public FunctionalDependency? BcnfViolation(AttributeSet s) => NormalFormTheory.BcnfViolation(Projected(s));

    public bool IsBcnf(AttributeSet s) => BcnfViolation(s) is null;

    /// <summary>
    /// 4NF violations of S beyond its BCNF violations: for each minimal X ⊆ S that is no superkey of S and
    /// has at least two blocks in its embedded dependency basis within S, those blocks. Empty with FDs only.
    /// </summary>
    public IReadOnlyList<(AttributeSet Lhs, IReadOnlyList<AttributeSet> Blocks)> MvdViolations(AttributeSet s) =>
        NormalFormTheory.EmbeddedMvdViolations(Projected(s));

    /// <summary>
    /// The finest partition of S − X into blocks B with X ->> B holding in every projection onto S: the
    /// blocks of DEP(X) cut down to S (a full MVD still holds in a projection that keeps its left side),
    /// each refined by the chase (embedded MVDs with one left side form a Boolean algebra).
    /// </summary>
    public IReadOnlyList<AttributeSet> EmbeddedBasis(AttributeSet x, AttributeSet s)
    {
        var rest = s - x;
        if (rest.IsEmpty) return [];
        var blocks = new List<AttributeSet>();
        foreach (var b in Oracle.Basis(x))
        {
            var inside = b & s;
            if (inside.IsEmpty) continue;
            if (FdOnly || inside.Count == 1) { blocks.Add(inside); continue; }
            blocks.AddRange(Refine(x, inside, s));
        }
        blocks.Sort();
        return blocks;
    }

    private IEnumerable<AttributeSet> Refine(AttributeSet x, AttributeSet block, AttributeSet s)
    {
        var remaining = block;
        while (remaining.Count > 1)
        {
            CheckWidth(remaining, "refining a block of an embedded dependency basis");
            int first = remaining.First();
            var others = remaining.Without(first);
            var atom = remaining;
            foreach (var t in Subsets.BySize(others, 0, others.Count - 1))
            {
                var candidate = t.With(first);
                var complement = s - x - candidate;
                if (Chase.ImpliesEmbeddedMvd(Universe, x, candidate, complement, _fdList, Mvds, Jds, Limits.ChaseMaxRows))
                {
                    atom = candidate;
                    break;
                }
            }
            yield return atom;
            remaining -= atom;
        }
        if (!remaining.IsEmpty) yield return remaining;
    }

    /// <summary>
    /// 5NF violations of S: the JDs that hold in S (<see cref="ProjectedJoinDependencies"/>) and that the
    /// keys of S do not imply. Empty with FDs only.
    /// </summary>
    public IReadOnlyList<JoinDependency> JdViolations(AttributeSet s) => NormalFormTheory.JoinDependencyViolations(Projected(s));

    /// <summary>
    /// The given JDs (and MVDs read as JDs) cut down to S (components intersected with S, those inside
    /// another dropped) that still hold there and are not trivial. Only the projections of the stated JDs
    /// are examined (the JDs of a projection have no finite characterization in general).
    /// </summary>
    public IReadOnlyList<JoinDependency> ProjectedJoinDependencies(AttributeSet s)
    {
        var result = new List<JoinDependency>();
        if (FdOnly) return result;
        var jds = Jds.Concat(Mvds.Select(m => JoinDependency.FromMvd(m, Universe)));
        foreach (var jd in jds)
        {
            var parts = Restrict(jd.Components, s);
            if (parts.Count < 2 || parts.Any(p => p == s)) continue;
            if (result.Any(r => r.Components.SequenceEqual(parts))) continue;
            if (ImpliesEmbedded(parts)) result.Add(new JoinDependency(parts));
        }
        return result;
    }

    /// <summary>Components intersected with S, empty ones and those inside another dropped, sorted.</summary>
    public static List<AttributeSet> Restrict(IEnumerable<AttributeSet> components, AttributeSet s)
    {
        var cut = components.Select(c => c & s).Where(c => !c.IsEmpty).Distinct().ToList();
        cut = cut.Where(c => !cut.Any(d => d != c && c.IsSubsetOf(d))).ToList();
        cut.Sort();
        return cut;
    }

    /// <summary>Whether the dependencies imply ⋈[components] among the columns the components cover.</summary>
    public bool ImpliesEmbedded(IReadOnlyList<AttributeSet> components) =>
        Chase.ImpliesEmbeddedJd(Universe, components, _fdList, Mvds, Jds, Limits.ChaseMaxRows);

    /// <summary>The strongest normal form S satisfies under the dependencies (<see cref="NormalFormTheory.NormalFormOf"/>).</summary>
    public NormalForm NormalFormOf(AttributeSet s) => NormalFormTheory.NormalFormOf(Projected(s));

    private void CheckWidth(AttributeSet set, string what)
    {
        if (set.Count > Limits.MaxExhaustiveColumns)
            throw new DependencyLimitException($"{what}: {set.Count} columns, past the bound of {Limits.MaxExhaustiveColumns} for an exhaustive search");
    }

    /// <summary>The questions of <see cref="NormalFormTheory"/> about S, answered by the space (and cached there).</summary>
    private sealed class Subschema(DependencySpace space, AttributeSet s) : IProjectedDependencies
    {
        public AttributeSet Columns => s;
        public FunctionalDependencySet? OnlyFds => space.FdOnly ? space.Fds : null;
        public AttributeSet Closure(AttributeSet x) => space.Closure(x);
        public IReadOnlyList<FunctionalDependency> Cover() => space.Cover(s);
        public IReadOnlyList<AttributeSet> Keys() => space.Keys(s).Keys;
        public IReadOnlyList<AttributeSet> Basis(AttributeSet x) => space.EmbeddedBasis(x, s);
        public IReadOnlyList<JoinDependency> JoinDependencies() => space.ProjectedJoinDependencies(s);
        public int MaxExhaustiveColumns => space.Limits.MaxExhaustiveColumns;
        public int ChaseMaxRows => space.Limits.ChaseMaxRows;
    }
}
