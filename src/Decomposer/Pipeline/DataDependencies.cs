using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>A dependency seen in the rows that does not drive findings, and why.</summary>
public sealed record CandidateDependency(TableDependency Dependency, string Reason, double? Score = null);

/// <summary>What the sample rows of one table say: the dependencies the analysis uses, the candidates it does not, and the bounds.</summary>
public sealed record TableDataDependencies(
    Table Table,
    IReadOnlyList<TableDependency> Used,
    IReadOnlyList<CandidateDependency> Candidates,
    IReadOnlyList<string> Notes);

/// <summary>
/// Step 2 of a run: dependencies found in each table's sample rows. Only plausible ones (Discovery's
/// Plausibility: enough repeated left-side values that the FD is unlikely to hold by accident, no NULL on
/// the left unless the left side is named as an identifier (an optional reference), short code-like
/// determinants rank higher) go to the analysis, through the same door as
/// declared ones; the rest are listed as candidates with the reason, so that a reviewer can accept one in
/// the config file. Dependencies the config file rejects are dropped. MVDs and JDs are searched on
/// narrow tables, and count only with support in several groups of rows.
/// </summary>
public static class DataDependencies
{
    /// <summary>In analyze, left sides of more columns than this are not searched unless --max-lhs says otherwise.</summary>
    public const int DefaultMaxLhs = 3;

    /// <summary>Fewer rows than this say too little to find anything from.</summary>
    public const int MinRows = 4;

    /// <summary>
    /// Per-table bound on the search in analyze (discover has none unless asked): a safety net, far above
    /// what the bounded searches need, because an answer cut by the clock depends on the machine's load.
    /// </summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Work the choice of design dependencies may take, in FDs found times rows (it groups the rows once per
    /// left side): a bound that gives the same answer on a loaded machine as on an idle one. A wide table of
    /// 600,000 rows with 1,500 FDs is within it.
    /// </summary>
    public const long DesignWorkBudget = 1_000_000_000;

    /// <summary>What each table's sample rows say, within the default work budget.</summary>
    public static Dictionary<Table, TableDataDependencies> Find(SchemaModel model, DiscoverySettings settings, IProgress<PipelineProgress>? progress = null) =>
        Find(model, settings, progress, DesignWorkBudget);

    /// <summary>As <see cref="Find(SchemaModel, DiscoverySettings, IProgress{PipelineProgress}?)"/>, with another work budget.</summary>
    public static Dictionary<Table, TableDataDependencies> Find(SchemaModel model, DiscoverySettings settings, IProgress<PipelineProgress>? progress, long designWorkBudget)
    {
        var result = new Dictionary<Table, TableDataDependencies>(ReferenceEqualityComparer.Instance);
        var timeLimit = settings.Timeout ?? DefaultTimeLimit;
        var baseOptions = DiscoveryPlan.Base(settings, timeLimit);
        if (settings.MaxLhs is null) baseOptions = baseOptions with { MaxLhs = DefaultMaxLhs };
        foreach (var table in model.Tables)
        {
            if (table.Data is not { } data || data.ObservedColumns.Count < 2) continue;
            var named = Named(table, data, settings);
            if (data.RowCount < MinRows)
            {
                if (named.Count > 0) result[table] = new TableDataDependencies(table, named, [], []);
                continue;
            }
            progress?.Report(new PipelineProgress(PipelinePhase.Discovering, table.Name.ToString()));
            var searching = progress is null ? null : new TableDiscoveryProgress(progress, table.Name.ToString());
            var (options, notes) = DiscoveryPlan.ForTable(baseOptions, settings, data, mvds: false);
            DiscoveryResult found;
            bool keysSearched = true;
            if (settings.MaxLhs is null && options.MaxError == 0)
            {
                // The design needs FDs with short left sides (DesignDependencies.MaxLhs) and keys of up to
                // DefaultMaxLhs columns: two bounded searches cost a fraction of one over every left side of
                // DefaultMaxLhs columns (on a 53-column, 60,000-row table: 6 s of CPU instead of 60).
                found = DependencyDiscovery.Discover(data, options with { MaxLhs = DesignDependencies.MaxLhs, Uccs = false, Progress = searching });
                // Keys from the rows serve a table that declares none; a declared key makes the search moot.
                if (DeclaredKeys(table).Count == 0)
                    found = found.WithKeys(DependencyDiscovery.Discover(data, options with { MaxLhs = DefaultMaxLhs, Fds = false, Progress = searching }));
                else keysSearched = false;
            }
            else found = DependencyDiscovery.Discover(data, options with { Progress = searching });
            if (keysSearched ? MaySupportMvds(found) : found.Nulls != NullSemantics.Equal || !HasUniqueColumn(data))
            {
                var multi = DependencyDiscovery.Discover(data, options with { Fds = false, Uccs = false, Mvds = true, Jds = true, Progress = searching });
                found = found.WithMultivalued(multi);
            }
            var classified = ClassifyWithin(timeLimit, designWorkBudget, table, data, found, settings, notes);
            result[table] = named.Count == 0 ? classified : classified with { Used = [.. classified.Used, .. named] };
        }
        progress?.Report(new PipelineProgress(PipelinePhase.Discovered, ""));
        return result;
    }

    /// <summary>
    /// In a sample too small to weigh any dependency, the FDs the names and layout show (NamedDesign), marked as
    /// resting on the names; with fewer rows than the search needs and no declared key, the table's own
    /// identifier, when the rows hold each of its values once, as the key.
    /// </summary>
    private static List<TableDependency> Named(Table table, TableData data, DiscoverySettings settings)
    {
        if (!NamedDesign.TooFewRows(data.RowCount)) return [];
        var keys = DeclaredKeys(table);
        var rejected = RejectedFor(table, settings);
        var fds = NamedDesign.Find(data, keys.Aggregate(AttributeSet.Empty, (a, k) => a | k))
            .Where(fd => Rejects(rejected, table, DependencyKind.Fd, fd.Lhs, fd.Rhs) is null)
            .ToList();
        if (fds.Count == 0) return [];
        string basis = NamedDesign.Basis(data.RowCount);
        var list = fds.Select(fd => TableDependency.FromNames(fd, data.RowCount, basis)).ToList();
        if (keys.Count == 0 && data.RowCount < MinRows && NamedDesign.OwnIdentifier(data, table.Name.Name, fds) is { } own)
            list.Insert(0, TableDependency.KeyFromRows(AttributeSet.Single(own), table.Columns.Count, new DataEvidence(data.RowCount, 0)));
        return list;
    }

    private static List<RejectedDependency> RejectedFor(Table table, DiscoverySettings settings) =>
        settings.Rejected.Where(r => table.Name.Equals(r.Table) || (r.Table.Schema is null && Identifier.AreEqual(r.Table.Name, table.Name.Name))).ToList();

    /// <summary>
    /// Whether an MVD with support (a group of rows pairing two right-side values with two of the rest)
    /// can hold at all. For X ->> Y | Z such a group holds rows (y1,z1) and (y1,z2), which agree on X∪Y,
    /// and (y1,z1), (y2,z1), which agree on X∪Z; so no unique column set lies inside X∪Y or X∪Z, and every
    /// one meets both Y and Z. A unique single column cannot: tables with one skip the MVD search.
    /// </summary>
    private static bool MaySupportMvds(DiscoveryResult found)
    {
        bool singleColumnKey = found.Nulls == NullSemantics.Equal && found.UniqueColumnCombinations.Any(u => u.Count == 1);
        return !singleColumnKey;
    }

    /// <summary>Whether some column holds no value twice (NULL counting as one value): what the key search would say of single columns.</summary>
    private static bool HasUniqueColumn(TableData data)
    {
        foreach (var column in data.Columns)
        {
            var seen = new bool[column.Values.Length];
            bool unique = true;
            foreach (var code in column.Codes)
            {
                if (seen[code]) { unique = false; break; }
                seen[code] = true;
            }
            if (unique) return true;
        }
        return false;
    }

    /// <summary>
    /// Choosing the design dependencies costs time in the number of FDs found (a wide table's rows can hold
    /// hundreds of thousands): past the work budget, or the time limit, the table is analysed without
    /// dependencies from its rows.
    /// </summary>
    private static TableDataDependencies ClassifyWithin(TimeSpan limit, long workBudget, Table table, TableData data, DiscoveryResult found,
        DiscoverySettings settings, IReadOnlyList<string> planNotes)
    {
        long work = (long)found.Fds.Count * data.RowCount;
        if (work > workBudget)
        {
            var note = $"discovery: choosing design dependencies among the {found.Fds.Count:N0} FDs found in {data.RowCount:N0} rows " +
                       $"is more work than the bound of {workBudget:N0} FD-rows: the table is analysed without dependencies from its rows";
            return new TableDataDependencies(table, [], [], [.. planNotes, .. found.Limits.Select(l => "discovery: " + l), note]);
        }
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            return Classify(table, data, found, settings, planNotes, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var note = $"discovery: choosing design dependencies among the {found.Fds.Count:N0} FDs found took longer than " +
                       $"{limit.TotalSeconds:0.###} s (--discovery-timeout): the table is analysed without dependencies from its rows";
            return new TableDataDependencies(table, [], [], [.. planNotes, .. found.Limits.Select(l => "discovery: " + l), note]);
        }
    }

    private static TableDataDependencies Classify(Table table, TableData data, DiscoveryResult found, DiscoverySettings settings,
        IReadOnlyList<string> planNotes, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var names = table.ColumnNames;
        var used = new List<TableDependency>();
        var candidates = new List<CandidateDependency>();
        var notes = planNotes.Concat(found.Limits.Select(l => "discovery: " + l)).ToList();
        var rejected = RejectedFor(table, settings);
        var nulls = settings.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct;

        var hints = new SchemaHints
        {
            DeclaredKeys = DeclaredKeys(table),
            ForeignKeys = table.ForeignKeys.Select(fk => table.ColumnsAmong(fk.Columns)).Where(s => !s.IsEmpty).ToList(),
            NonIdentifying = NonIdentifying(table),
            Computed = AttributeSet.Of(Enumerable.Range(0, table.Columns.Count).Where(i => table.Columns[i].IsComputed)),
            Columns = table.FromDataOnly ? null : table.Columns,
        };
        var fds = new List<DiscoveredFd>();
        foreach (var fd in found.Fds)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Rejects(rejected, table, DependencyKind.Fd, fd.Lhs, AttributeSet.Single(fd.Rhs)) is { } r)
                notes.Add($"{fd.Format(names)} holds in the rows, but the config file rejects it{(r.Reason is null ? "" : $" ({r.Reason})")}");
            else
                fds.Add(fd);
        }
        var selection = DesignDependencies.Select(data, fds, hints, nulls, cancellation);
        foreach (var design in selection.Selected)
        {
            var evidence = DependencyEvidence.ForFd(data, design.Lhs, design.Rhs.First(), nulls);
            used.Add(TableDependency.Functional(new FunctionalDependency(design.Lhs, design.Rhs), DependencySource.Data,
                origin: "sample rows",
                evidence: new DataEvidence(evidence.Rows, 0)
                {
                    WitnessGroups = evidence.Redundancy.Select(g => g.Rows).ToList(),
                }));
        }
        // Without a declared key, the table is analysed with the key its rows suggest, not all its columns.
        if (hints.DeclaredKeys.Count == 0
            && RowKeys.Choose(data, found.KeyCandidates, hints.Columns, selection.Selected.Select(s => s.Lhs).ToList()) is { } rowKey)
            used.Insert(0, TableDependency.KeyFromRows(rowKey, table.Columns.Count, new DataEvidence(data.RowCount, 0)));
        foreach (var c in selection.Candidates)
            candidates.Add(new CandidateDependency(
                TableDependency.Functional(c.Fd.ToDependency(), DependencySource.Data, origin: "sample rows",
                    evidence: new DataEvidence(data.RowCount, c.Fd.Error)),
                c.Reason, c.Score));

        foreach (var mvd in found.Mvds)
        {
            var dependency = TableDependency.Multivalued(mvd.ToDependency(), DependencySource.Data, origin: "sample rows",
                evidence: new DataEvidence(data.RowCount, 0));
            if (Rejects(rejected, table, DependencyKind.Mvd, mvd.Lhs, mvd.Rhs) is not null) continue;
            int support = MvdSupport(data, mvd, nulls);
            if (support >= 2) used.Add(dependency);
            else candidates.Add(new CandidateDependency(dependency,
                $"only {support} group of rows pairs several {mvd.Rhs.Format(names)} with several {mvd.Complement.Format(names)}: too little to tell an independent fact from an accident of the sample"));
        }

        // A JD of three or more parts is easy to meet by accident in a small sample; it counts when declared.
        foreach (var jd in found.Jds)
            candidates.Add(new CandidateDependency(TableDependency.Join(jd.ToDependency(), DependencySource.Data, origin: "sample rows",
                evidence: new DataEvidence(data.RowCount, 0)),
                "the rows equal the join of these projections; declare it (-- schemanorm: jd ...) if the business rule says so"));

        return new TableDataDependencies(table, used, candidates, notes);
    }

    /// <summary>
    /// Groups of rows (by the left side) that hold at least two right-side values and two values of the
    /// rest: the MVD's real support. Values compare as in the search (under distinct NULLs each NULL is a value of its own).
    /// </summary>
    internal static int MvdSupport(TableData data, DiscoveredMvd mvd, NullSemantics nulls)
    {
        var groups = RowGroups.Ids(data, mvd.Lhs, nulls, out int count);
        var right = RowGroups.Ids(data, mvd.Rhs, nulls, out _);
        var rest = RowGroups.Ids(data, mvd.Complement, nulls, out _);
        var rightValues = new HashSet<int>[count];
        var restValues = new HashSet<int>[count];
        for (int row = 0; row < data.RowCount; row++)
        {
            int g = groups[row];
            (rightValues[g] ??= []).Add(right[row]);
            (restValues[g] ??= []).Add(rest[row]);
        }
        int support = 0;
        for (int g = 0; g < count; g++)
            if (rightValues[g].Count >= 2 && restValues[g].Count >= 2) support++;
        return support;
    }

    /// <summary>Columns whose type says their values measure or date something rather than name it.</summary>
    private static AttributeSet NonIdentifying(Table table)
    {
        var set = AttributeSet.Empty;
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var type = table.Columns[i].Type;
            bool measure = type.Category is TypeCategory.Float or TypeCategory.DateTime or TypeCategory.Binary or TypeCategory.Xml
                || (type.Category == TypeCategory.Decimal && (type.Scale is > 0 || type.Name is "money" or "smallmoney"));
            if (measure && !table.FromDataOnly) set = set.With(i);
        }
        return set;
    }

    private static RejectedDependency? Rejects(List<RejectedDependency> rejected, Table table, DependencyKind kind, AttributeSet lhs, AttributeSet rhs) =>
        rejected.FirstOrDefault(r => r.Kind == kind && table.ColumnsAmong(r.Lhs) == lhs && rhs.IsSubsetOf(table.ColumnsAmong(r.Rhs)));

    private static List<AttributeSet> DeclaredKeys(Table table) => [.. table.DeclaredKeys];
}
