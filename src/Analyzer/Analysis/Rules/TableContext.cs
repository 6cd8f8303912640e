using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>An FD X -> Y (Y ∩ X = ∅) whose left side is not a superkey, with the dependency it comes from.</summary>
internal sealed record FdViolation(AttributeSet Lhs, AttributeSet Rhs, TableDependency Dependency);

/// <summary>
/// The FD violations of a table: with FDs only, the stated FDs whose left side is not a superkey (enough
/// to decide 3NF and BCNF); with MVDs or JDs also every closure-minimal violation they imply.
/// <see cref="Complete"/> is false when that search hit a bound (<see cref="LimitReason"/>).
/// </summary>
internal sealed record FdViolationSet(IReadOnlyList<FdViolation> Items, bool Complete, string? LimitReason);

/// <summary>A dependency inferred from the schema that the held dependencies do not imply, and what it would break.</summary>
internal sealed record Suspicion(TableDependency Dependency, NormalForm Breaks);

/// <summary>What the rules see of one table: its dependencies, keys, sample rows and what was reported so far.</summary>
internal sealed class TableContext
{
    private FdViolationSet? _fdViolations;
    private Bounded<FunctionalDependency>? _partial;
    private IReadOnlyList<Suspicion>? _suspicions;
    private readonly Lazy<DataView?> _data;

    public TableContext(
        SchemaModel model, Table table, AnalysisOptions options,
        IReadOnlyList<TableDependency> counted, IReadOnlyList<TableDependency> suspected,
        DependencyOracle oracle, CandidateKeyResult keys, IReadOnlyList<AttributeSet> declaredKeys)
    {
        Model = model;
        Table = table;
        Options = options;
        Names = table.ColumnNames;
        Universe = AttributeSet.Range(Names.Count);
        Counted = counted;
        Suspected = suspected;
        Oracle = oracle;
        Keys = keys.Keys;
        KeysComplete = keys.Complete;
        Prime = CandidateKeys.PrimeAttributes(keys.Keys);
        DeclaredKeys = declaredKeys;
        _data = new Lazy<DataView?>(() => DataView.For(table));
    }

    /// <summary>The key the table is analysed with when it declares none (see <see cref="TableAnalysis.AssumedKey"/>).</summary>
    public AttributeSet? AssumedKey { get; init; }

    public DependencySource? AssumedKeySource { get; init; }

    public SchemaModel Model { get; }
    public Table Table { get; }
    public AnalysisOptions Options { get; }
    public IReadOnlyList<string> Names { get; }
    public AttributeSet Universe { get; }

    /// <summary>Dependencies the table holds (keys, declared, data, trusted schema inferences).</summary>
    public IReadOnlyList<TableDependency> Counted { get; }

    /// <summary>Schema inferences not trusted: they give notes, not normal-form verdicts.</summary>
    public IReadOnlyList<TableDependency> Suspected { get; }

    public DependencyOracle Oracle { get; }
    public IReadOnlyList<AttributeSet> Keys { get; }
    public bool KeysComplete { get; }
    public AttributeSet Prime { get; }

    /// <summary>Keys the DDL declares (PRIMARY KEY, UNIQUE, unfiltered unique indexes).</summary>
    public IReadOnlyList<AttributeSet> DeclaredKeys { get; }

    public DataView? Data => _data.Value;

    public List<Finding> Reported { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>The weakest normal form a limit kept the analysis from deciding.</summary>
    public NormalForm? UndeterminedFrom { get; private set; }

    public void Undetermined(NormalForm form, string reason)
    {
        Notes.Add($"{form.Display()} not established: {reason}");
        if (UndeterminedFrom is not { } u || form < u) UndeterminedFrom = form;
    }

    public string Cols(AttributeSet set) => set.Format(Names);

    /// <summary>"Ssn" or "(Ssn, Pnumber)".</summary>
    public string Tuple(AttributeSet set) => set.Count == 1 ? set.Format(Names) : "(" + set.Format(Names) + ")";

    public string KeyList(IEnumerable<AttributeSet> keys) => string.Join(", ", keys.Select(Tuple));

    public Bounded<FunctionalDependency> PartialDependencies =>
        _partial ??= NormalFormTheory.MinimalPartialDependencies(Oracle, Keys, Prime, Options.MaxExhaustiveColumns);

    public FdViolationSet FdViolations => _fdViolations ??= ComputeFdViolations();

    private FdViolationSet ComputeFdViolations()
    {
        var items = new List<FdViolation>();
        foreach (var dep in Counted)
        {
            if (dep.Fd is not { } fd) continue;
            var rhs = fd.Rhs - fd.Lhs;
            foreach (var seen in items.Where(v => v.Lhs == fd.Lhs)) rhs -= seen.Rhs;
            if (rhs.IsEmpty || Oracle.IsSuperkey(fd.Lhs)) continue;
            items.Add(new FdViolation(fd.Lhs, rhs, dep));
        }
        if (Oracle.Mode == ImplicationMode.FunctionalOnly) return new(items, true, null);
        // MVDs and JDs alone imply no FD: a column can only be determined through an FD that has it on the right.
        if (Oracle.Fds.All(fd => fd.IsTrivial)) return new(items, true, null);

        // FDs that MVDs and JDs imply need not be stated, so they may break a form the stated ones keep.
        // The stated violations already decide BCNF when there is one, and 3NF when one has a non-prime
        // right side; otherwise search the implied ones (closure-minimal left sides).
        bool decidesBcnf = items.Count > 0;
        bool decides3nf = !KeysComplete || items.Any(v => !(v.Rhs - Prime).IsEmpty);
        if (decidesBcnf && decides3nf) return new(items, true, null);
        try
        {
            var searches = new List<Bounded<FunctionalDependency>>();
            if (!decidesBcnf && Oracle.Mode == ImplicationMode.WithMultivalued)
            {
                // Every stated FD has a superkey on the left: an implied violation X -> A then has the left
                // side of a stated MVD inside X (two rows agreeing only on a set without one satisfy every
                // dependency), and one that is not a superkey. Search the supersets of those.
                foreach (var lhs in Oracle.Mvds.Select(m => m.Lhs).Distinct().Where(l => !Oracle.IsSuperkey(l)))
                    searches.Add(NormalFormTheory.ClosureMinimalViolations(Oracle, NormalForm.BCNF, Prime, lhs, Options.MaxExhaustiveColumns));
            }
            else searches.Add(NormalFormTheory.ClosureMinimalViolations(Oracle, NormalForm.BCNF, Prime, Options.MaxExhaustiveColumns));
            if (searches.Any(b => !b.Complete))
                return new(items, false, $"the table has more than {Options.MaxExhaustiveColumns} columns to search for the FDs its MVDs/JDs imply");
            foreach (var group in searches.SelectMany(b => b.Items).Distinct().GroupBy(f => f.Lhs))
            {
                var rhs = AttributeSet.Empty;
                foreach (var f in group)
                    if (!items.Any(v => v.Lhs.IsSubsetOf(f.Lhs) && v.Rhs.IsSupersetOf(f.Rhs))) rhs |= f.Rhs;
                if (!rhs.IsEmpty) items.Add(new FdViolation(group.Key, rhs, StatedOrDerived(group.Key, rhs)));
            }
            return new(items, true, null);
        }
        catch (DependencyLimitException e)
        {
            return new(items, false, e.Message);
        }
    }

    /// <summary>
    /// Schema inferences the held dependencies do not already imply, with the weakest form each would
    /// break if it held (nothing when its left side is a superkey: a one-to-one reference).
    /// </summary>
    public IReadOnlyList<Suspicion> Suspicions => _suspicions ??= Suspected
        .Where(d => d.Fd is { } fd && !Oracle.Implies(fd) && !Oracle.IsSuperkey(fd.Lhs))
        .Select(d =>
        {
            var fd = d.Fd!.Value;
            NormalForm form;
            if (!KeysComplete || (fd.Rhs - fd.Lhs).IsSubsetOf(Prime)) form = NormalForm.BCNF;
            else if (Keys.Any(k => fd.Lhs.IsProperSubsetOf(k))) form = NormalForm.Second;
            else form = NormalForm.Third;
            return new Suspicion(d, form);
        })
        .ToList();

    /// <summary>The stated FD X -> Y when there is one; otherwise X -> Y derived from the dependencies that give it.</summary>
    public TableDependency StatedOrDerived(AttributeSet lhs, AttributeSet rhs)
    {
        foreach (var dep in Counted)
            if (dep.Fd is { } fd && fd.Lhs == lhs && rhs.IsSubsetOf(fd.Rhs)) return dep.Restrict(rhs);
        return TableDependency.DerivedFd(new FunctionalDependency(lhs, rhs), BasisFor(lhs, rhs));
    }

    /// <summary>
    /// The held dependencies that derive X -> Y: the FDs a closure of X fires on the way to Y, traced back
    /// from Y; when FDs alone do not reach Y (MVDs or JDs took part), also the MVDs and JDs.
    /// </summary>
    public IReadOnlyList<TableDependency> BasisFor(AttributeSet lhs, AttributeSet rhs)
    {
        var fdDeps = Counted.Where(d => d.Fd is not null).ToList();
        var reached = lhs;
        var addedBy = new Dictionary<int, int>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < fdDeps.Count; i++)
            {
                var fd = fdDeps[i].Fd!.Value;
                if (!fd.Lhs.IsSubsetOf(reached) || fd.Rhs.IsSubsetOf(reached)) continue;
                foreach (var a in fd.Rhs - reached) addedBy[a] = i;
                reached |= fd.Rhs;
                changed = true;
            }
        }
        var used = new SortedSet<int>();
        var stack = new Stack<int>((rhs - lhs).ToArray());
        var visited = AttributeSet.Empty;
        bool needsOthers = false;
        while (stack.Count > 0)
        {
            int a = stack.Pop();
            if (visited.Contains(a) || lhs.Contains(a)) continue;
            visited = visited.With(a);
            if (!addedBy.TryGetValue(a, out int i)) { needsOthers = true; continue; }
            used.Add(i);
            foreach (var b in fdDeps[i].Fd!.Value.Lhs) stack.Push(b);
        }
        var basis = used.Select(i => fdDeps[i]).ToList();
        if (needsOthers)
        {
            basis.AddRange(Counted.Where(d => d.Kind != DependencyKind.Fd));
            basis.AddRange(fdDeps.Where(d => !basis.Contains(d) && d.Fd!.Value.Rhs.Overlaps(rhs - reached)));
        }
        if (basis.Count == 0) basis.AddRange(Counted.Take(1));
        return basis;
    }

    /// <summary>Whether an established FD finding already reported P -> A with P ⊆ X.</summary>
    public bool IsCovered(AttributeSet lhs, int a) =>
        Reported.Any(f => f.Established && f.Dependency?.Fd is { } fd && fd.Lhs.IsSubsetOf(lhs) && fd.Rhs.Contains(a)
                          && f.Violates is NormalForm.Second or NormalForm.Third or NormalForm.BCNF);

    /// <summary>Where a finding points: the dependency's location, else the first column named, else the table.</summary>
    public SourceLocation LocationOf(TableDependency? dependency, AttributeSet columns)
    {
        if (dependency?.Location is { } l) return l;
        int first = columns.First();
        return first >= 0 && first < Table.Columns.Count ? Table.Columns[first].Location : Table.Location;
    }

    /// <summary>The rule's default severity, lowered to a note for a suspicion.</summary>
    public Severity SeverityFor(RuleDescriptor rule, bool established) => established ? rule.DefaultSeverity : Severity.Note;
}
