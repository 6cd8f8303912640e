using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Inputs;
using SchemaNorm.Decomposer.Naming;
using SchemaNorm.Decomposer.Ranking;
using SchemaNorm.Decomposer.Verification;

namespace SchemaNorm.Decomposer.Proposal;

/// <summary>Where a component of a decomposition came from: the split or FD that made it, and the key it was made for.</summary>
/// <remarks>
/// With <see cref="Fd"/> set, the origin reads "X -> (Y ∩ the table's columns)", so that a table split
/// again later still names the FD it holds; otherwise <see cref="Origin"/> is the text.
/// </remarks>
internal sealed record ComponentOrigin(string Origin, AttributeSet? PreferredKey, bool Remainder, DecompositionStep? Step)
{
    public FunctionalDependency? Fd { get; init; }
    public string Arrow { get; init; } = " -> ";
    /// <summary>A name for the table from what it holds (the entity its row stamps are named for), else from its key.</summary>
    public string? NameHint { get; init; }
    /// <summary>What the FD rests on when it is not the rows or a declaration (the names and layout), said after it.</summary>
    public string? Basis { get; init; }

    public string Describe(AttributeSet columns, IReadOnlyList<string> names)
    {
        string suffix = Basis is null ? "" : $" ({Basis})";
        if (Fd is not { } fd) return Origin + suffix;
        var rhs = (fd.Rhs & columns) - fd.Lhs;
        if (rhs.IsEmpty) return Origin + suffix;
        return (fd.Lhs.IsEmpty ? "∅" : fd.Lhs.Format(names)) + Arrow + rhs.Format(names) + suffix;
    }
}

/// <summary>
/// Turns a list of column sets into a proposal: for each new table its candidate keys and primary key,
/// foreign keys (to the table whose primary key it holds, and the source's own foreign keys, each kept on
/// the table that holds its columns), its name, normal form, FDs and the anomalies it removes; for the
/// whole, the lossless-join test, dependency preservation (and what is lost, with how to enforce it), and
/// the check on the sample rows.
/// </summary>
internal sealed class ProposalBuilder(
    DependencySpace space, TableFacts facts, DependencySelection selection, FunctionalDependencySet preserve,
    DecompositionOptions options, NormalForm target)
{
    private readonly KeyChooser _keys = new(facts);

    public Decomposition Build(
        IReadOnlyList<(AttributeSet Columns, ComponentOrigin Origin)> components, DecompositionMethod method,
        IReadOnlyList<DecompositionStep> steps, IReadOnlyList<SetAsideDependency> setAside, List<string> notes,
        NormalForm? sourceNormalForm, TableNamer namer)
    {
        var names = facts.Names;
        int k = components.Count;
        var columns = components.Select(c => c.Columns).ToList();
        var keyLists = new IReadOnlyList<AttributeSet>[k];
        var pks = new AttributeSet[k];
        for (int i = 0; i < k; i++)
        {
            var c = columns[i];
            IReadOnlyList<AttributeSet> keys;
            try
            {
                var r = space.Keys(c);
                keys = r.Keys;
                if (!r.Complete) notes.Add($"the key search of ({c.Format(names)}) stopped at its limit; more keys may exist");
            }
            catch (DependencyLimitException e)
            {
                keys = [c];
                notes.Add($"keys of ({c.Format(names)}): {e.Message}");
            }
            keyLists[i] = keys;
            pks[i] = ChooseKey(c, keys, components[i].Origin.PreferredKey);
        }

        // The table that keeps the source's primary key (or, without one, the rest after the splits).
        int remainder = -1;
        if (facts.PrimaryKey is { } sourcePk)
        {
            remainder = Array.IndexOf(pks, sourcePk);
            if (remainder < 0) remainder = columns.FindIndex(c => sourcePk.IsSubsetOf(c));
        }
        if (remainder < 0) remainder = Enumerable.Range(0, k).FirstOrDefault(i => components[i].Origin.Remainder, -1);
        if (method == DecompositionMethod.None) remainder = 0;

        var tableNames = new string[k];
        if (method == DecompositionMethod.None) tableNames[0] = facts.Table.Name.Name;
        else
            foreach (var i in Enumerable.Range(0, k).OrderBy(i => i == remainder ? 1 : 0))
                tableNames[i] = components[i].Origin.NameHint is { } hint
                    ? namer.Named(hint)
                    : namer.Name(columns[i], pks[i], keepsSourceKey: i == remainder && facts.PrimaryKey is { } spk && pks[i] == spk);

        var trusted = new FunctionalDependencySet(space.AttributeCount, selection.TrustedFds);
        var tables = new List<ProposedTable>(k);
        for (int i = 0; i < k; i++)
        {
            var c = columns[i];
            NormalForm? nf = null;
            IReadOnlyList<FunctionalDependency> fds = [];
            try
            {
                nf = space.NormalFormOf(c);
                fds = space.Cover(c);
            }
            catch (DependencyLimitException e)
            {
                notes.Add($"the normal form of {tableNames[i]} is not known: {e.Message}");
            }
            tables.Add(new ProposedTable
            {
                Name = tableNames[i],
                Schema = facts.Table.Name.Schema,
                Columns = c,
                ColumnNames = c.Names(names),
                PrimaryKey = pks[i],
                CandidateKeys = keyLists[i],
                UniqueKeys = keyLists[i].Where(key => key != pks[i] && trusted.Determines(key, c)).ToList(),
                ForeignKeys = ForeignKeys(i, columns, pks, tableNames, method),
                NormalForm = nf,
                Dependencies = fds,
                Origin = method == DecompositionMethod.None ? "the table as it is" : components[i].Origin.Describe(c, names),
                IsRemainder = i == remainder,
                AnomaliesRemoved = components[i].Origin.Step is { } step && i != remainder ? Anomalies(step, c) : [],
                Rows = facts.HasData ? facts.Rows(c).Count : null,
            });
        }

        bool lossless;
        try
        {
            lossless = space.IsLossless(columns);
        }
        catch (DependencyLimitException e)
        {
            lossless = false;
            notes.Add($"the lossless-join test stopped: {e.Message}");
        }
        var lost = DependencyPreservation.LostDependencies(preserve, columns)
            .Distinct()
            .Select(fd => Lost(fd, tables))
            .ToList();

        DataVerification? data = null;
        if (facts.HasData && options.VerifyOnData && method != DecompositionMethod.None)
            data = DataVerifier.Verify(facts.Data!, tables);

        return new Decomposition
        {
            Source = facts.Table,
            ColumnNames = names,
            Target = target,
            SourceNormalForm = sourceNormalForm,
            Method = method,
            Tables = tables,
            Lossless = lossless,
            DependencyPreserving = lost.Count == 0,
            LostDependencies = lost,
            Steps = steps,
            SetAside = setAside,
            Data = data,
            Notes = notes.Distinct().ToList(),
        };
    }

    /// <summary>The primary key a table of the columns <paramref name="c"/> gets under <paramref name="under"/> (as <see cref="Build"/> chooses it).</summary>
    public AttributeSet KeyOf(DependencySpace under, AttributeSet c, AttributeSet? preferred)
    {
        try
        {
            return ChooseKey(c, under.Keys(c).Keys, preferred);
        }
        catch (DependencyLimitException)
        {
            return c;
        }
    }

    private AttributeSet ChooseKey(AttributeSet c, IReadOnlyList<AttributeSet> keys, AttributeSet? preferred)
    {
        if (facts.PrimaryKey is { } pk && keys.Contains(pk)) return pk;
        if (preferred is { } p)
        {
            var inside = keys.Where(k => k.IsSubsetOf(p)).ToList();
            if (inside.Count > 0) return _keys.Choose(inside, p);
        }
        return _keys.Choose(keys, preferred);
    }

    /// <summary>
    /// A table holding the primary key of another (and not keyed by it itself) references it; each foreign
    /// key of the source moves to a table holding its columns: the one keyed by them if there is one.
    /// </summary>
    private List<ProposedForeignKey> ForeignKeys(int i, List<AttributeSet> columns, AttributeSet[] pks, string[] tableNames, DecompositionMethod method)
    {
        var names = facts.Names;
        var result = new List<ProposedForeignKey>();
        var c = columns[i];
        bool Nullable(AttributeSet cols) => cols.ToArray().Any(a => facts.Column(a).IsNullable);
        if (method != DecompositionMethod.None)
            for (int j = 0; j < columns.Count; j++)
            {
                if (j == i || pks[j].IsEmpty || !pks[j].IsSubsetOf(c) || pks[j] == pks[i]) continue;
                // Two tables holding each other's key: only the one whose key is the other's reference survives.
                if (pks[i].IsSubsetOf(columns[j]) && pks[i].Count <= pks[j].Count && i > j) continue;
                result.Add(new ProposedForeignKey(pks[j], facts.Table.Name.Schema, tableNames[j], pks[j].Names(names))
                {
                    Nullable = Nullable(pks[j]),
                });
            }
        foreach (var (cols, fk) in facts.ForeignKeys)
        {
            int home = Home(cols, columns, pks);
            if (home != i) continue;
            result.Add(new ProposedForeignKey(cols, fk.ReferencedTable.Schema, fk.ReferencedTable.Name, fk.ReferencedColumns)
            {
                IsExternal = true,
                OriginalName = fk.Name,
                Nullable = Nullable(cols),
            });
        }
        return result;
    }

    /// <summary>The table a source foreign key goes to: keyed by its columns, else holding them in its key, else the first holding them.</summary>
    private static int Home(AttributeSet fk, List<AttributeSet> columns, AttributeSet[] pks)
    {
        int best = -1, bestRank = int.MaxValue;
        for (int j = 0; j < columns.Count; j++)
        {
            if (!fk.IsSubsetOf(columns[j])) continue;
            int rank = pks[j] == fk ? 0 : fk.IsSubsetOf(pks[j]) ? 1 : 2;
            if (rank < bestRank) { best = j; bestRank = rank; }
        }
        return best;
    }

    private List<Anomaly> Anomalies(DecompositionStep step, AttributeSet table)
    {
        var names = facts.Names;
        string source = facts.Table.Name.Name;
        string x = step.Lhs.IsEmpty ? "the table" : step.Lhs.Format(names);
        string y = step.Rhs.Format(names);
        var list = new List<Anomaly>();
        switch (step.Kind)
        {
            case DependencyKind.Fd:
                string times = "";
                if (facts.HasData)
                {
                    var g = facts.Rows(step.From).Groups(step.Lhs, step.Rhs);
                    if (g.LargestGroup > 1) times = $" (up to {g.LargestGroup} times in the sample rows)";
                }
                list.Add(new Anomaly(AnomalyKind.Update, $"{y} of one {x} was stored in every row for that {x}{times}; now it is stored once"));
                list.Add(new Anomaly(AnomalyKind.Insertion, $"{A(x)} {x} and its {y} can be recorded before any row of {source} refers to it"));
                list.Add(new Anomaly(AnomalyKind.Deletion, $"deleting the last row of {source} for {A(x)} {x} no longer loses its {y}"));
                break;
            case DependencyKind.Mvd:
                var z = (step.From - step.Lhs - step.Rhs).Format(names);
                list.Add(new Anomaly(AnomalyKind.Update, $"each {y} of {A(x)} {x} was stored once per {z}; now once"));
                list.Add(new Anomaly(AnomalyKind.Insertion, $"{A(y)} {y} of {A(x)} {x} can be recorded without pairing it with every {z}"));
                list.Add(new Anomaly(AnomalyKind.Deletion, $"removing the last {z} of {A(x)} {x} no longer loses its {y} values"));
                break;
            default:
                list.Add(new Anomaly(AnomalyKind.Update, $"each ({table.Format(names)}) pairing was stored once per partner in the other projections; now once"));
                list.Add(new Anomaly(AnomalyKind.Insertion, "inserting one fact no longer forces inserting others to keep the table the join of its projections"));
                break;
        }
        return list;
    }

    /// <summary>"a" or "an" before a column name, by its first letter.</summary>
    private static string A(string word) => word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an" : "a";

    private LostDependency Lost(FunctionalDependency fd, IReadOnlyList<ProposedTable> tables)
    {
        var names = facts.Names;
        var chosen = JoinPath(fd.Lhs | fd.Rhs, tables);
        bool joinable = chosen.Count > 1 && Connected(chosen);
        string lhs = fd.Lhs.Format(names), rhs = fd.Rhs.Format(names);
        var tableList = string.Join(", ", chosen.Select(t => t.Name));
        string how = joinable
            ? $"an indexed view WITH SCHEMABINDING over {string.Join(" JOIN ", chosen.Select(t => t.Name))} that groups by ({lhs}, {rhs}) with COUNT_BIG(*), with a UNIQUE CLUSTERED index on ({lhs}); or AFTER INSERT, UPDATE triggers on {tableList} that reject a second {rhs} for one {lhs}"
            : $"AFTER INSERT, UPDATE triggers on {tableList} that reject a second {rhs} for one {lhs} (a CHECK constraint cannot see other rows)";
        return new LostDependency(fd, chosen.Select(t => t.Name).ToList(), how);
    }

    /// <summary>
    /// Tables whose join holds the columns <paramref name="needed"/>: the table holding most of them, then
    /// repeatedly the nearest table (by shared columns) that brings a missing one, with the tables on the way.
    /// </summary>
    private static List<ProposedTable> JoinPath(AttributeSet needed, IReadOnlyList<ProposedTable> tables)
    {
        var chosen = new List<ProposedTable> { tables.OrderByDescending(t => (t.Columns & needed).Count).First() };
        var covered = chosen[0].Columns & needed;
        while (!needed.IsSubsetOf(covered))
        {
            // Breadth-first from the chosen tables to the nearest table that brings a missing column.
            var previous = new Dictionary<ProposedTable, ProposedTable?>(ReferenceEqualityComparer.Instance);
            var queue = new Queue<ProposedTable>();
            foreach (var t in chosen) { previous[t] = null; queue.Enqueue(t); }
            ProposedTable? goal = null;
            while (queue.Count > 0 && goal is null)
            {
                var t = queue.Dequeue();
                foreach (var u in tables)
                {
                    if (previous.ContainsKey(u) || !u.Columns.Overlaps(t.Columns)) continue;
                    previous[u] = t;
                    if (!((u.Columns & needed) - covered).IsEmpty) { goal = u; break; }
                    queue.Enqueue(u);
                }
            }
            if (goal is null)
            {
                // Not connected: take the table that brings most, without a join path.
                goal = tables.Where(t => !chosen.Contains(t)).OrderByDescending(t => ((t.Columns & needed) - covered).Count).FirstOrDefault();
                if (goal is null) break;
                chosen.Add(goal);
                covered |= goal.Columns & needed;
                continue;
            }
            for (var t = goal; t is not null && !chosen.Contains(t); t = previous[t])
            {
                chosen.Add(t);
                covered |= t.Columns & needed;
            }
        }
        return chosen;
    }

    private static bool Connected(List<ProposedTable> tables)
    {
        var reached = tables[0].Columns;
        var left = tables.Skip(1).ToList();
        bool grew = true;
        while (left.Count > 0 && grew)
        {
            grew = false;
            foreach (var t in left.ToList())
                if (t.Columns.Overlaps(reached))
                {
                    reached |= t.Columns;
                    left.Remove(t);
                    grew = true;
                }
        }
        return left.Count == 0;
    }
}
