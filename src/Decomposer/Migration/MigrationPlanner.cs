using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Migration;

/// <summary>
/// What one script knows across the tables it migrates: constraint and table names already taken, and
/// where tables migrated earlier in the script went (so that later foreign keys point at the new tables).
/// </summary>
public sealed class MigrationContext
{
    internal HashSet<string> UsedNames { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<QualifiedName, List<(IReadOnlyList<string> Key, ObjectName Table)>> Moved { get; } = [];
    /// <summary>Where each foreign key of a migrated table went (original constraint name → the new table holding it).</summary>
    internal Dictionary<string, ObjectName> MovedForeignKeys { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>New names for proposed tables whose name another table of the same script already takes.</summary>
    internal Dictionary<ProposedTable, string> Renamed { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The name a proposed table gets in this script.</summary>
    internal string NameOf(ProposedTable t) => Renamed.TryGetValue(t, out var name) ? name : t.Name;

    public MigrationContext(SchemaModel? model)
    {
        if (model is null) return;
        foreach (var t in model.Tables)
        {
            UsedNames.Add(t.Name.Name);
            if (t.PrimaryKey?.Name is { } pk) UsedNames.Add(pk);
            foreach (var u in t.UniqueConstraints) if (u.Name is { } n) UsedNames.Add(n);
            foreach (var f in t.ForeignKeys) if (f.Name is { } n) UsedNames.Add(n);
            foreach (var c in t.CheckConstraints) if (c.Name is { } n) UsedNames.Add(n);
        }
    }

    internal string Unique(string name)
    {
        name = name.Length > 128 ? name[..128] : name;
        if (UsedNames.Add(name)) return name;
        for (int i = 2; ; i++)
        {
            var candidate = (name.Length > 120 ? name[..120] : name) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (UsedNames.Add(candidate)) return candidate;
        }
    }
}

/// <summary>Builds the <see cref="MigrationPlan"/> of a decomposition (see there for the steps).</summary>
public static class MigrationPlanner
{
    /// <summary>Plans several tables for one script: referenced tables first, so that later plans point at their new tables.</summary>
    public static IReadOnlyList<MigrationPlan> PlanAll(IReadOnlyList<Decomposition> decompositions, SchemaModel? model)
    {
        var context = new MigrationContext(model);
        var changing = Order(decompositions.Where(d => d.Changes).ToList());
        // Each proposal names its tables on its own, so two of them can both want a name (Customers'
        // remainder and a table split from Orders both named Customer): the first in script order keeps it,
        // a later one gets the next free name, and its foreign keys, checks and view follow.
        // Every first claim is taken before any new name is chosen, so a new name never takes a later one's.
        var owner = new Dictionary<string, Decomposition>(StringComparer.OrdinalIgnoreCase);
        var clashing = new List<ProposedTable>();
        foreach (var d in changing)
            foreach (var t in d.Tables)
                if (owner.TryAdd(t.Name, d)) context.UsedNames.Add(t.Name);
                else clashing.Add(t);
        foreach (var t in clashing) context.Renamed[t] = context.Unique(t.Name);
        return changing.Select(d => Plan(d, model, context)).ToList();
    }

    public static MigrationPlan Plan(Decomposition d, SchemaModel? model, MigrationContext? context = null)
    {
        if (!d.Changes) throw new ArgumentException($"{d.Source.Name} needs no migration: the proposal keeps it as it is", nameof(d));
        context ??= new MigrationContext(model);
        foreach (var t in d.Tables) context.UsedNames.Add(context.NameOf(t));
        var source = d.Source;
        var names = d.ColumnNames;
        var schema = source.Name.Schema;
        var notes = new List<string>();

        var renamed = new ObjectName(schema, context.Unique(source.Name.Name + "_unnormalized"));
        var sourceColumns = source.Columns.Select(PlanColumn.From).ToList();

        // Creation order: a table comes after the tables it references.
        var order = CreationOrder(d.Tables);
        var tableNames = new Dictionary<ProposedTable, ObjectName>(ReferenceEqualityComparer.Instance);
        foreach (var t in d.Tables) tableNames[t] = new ObjectName(schema, context.NameOf(t));

        // Which columns each computed column reads, and where it can stay computed.
        var computedInputs = new Dictionary<int, AttributeSet>();
        for (int c = 0; c < source.Columns.Count; c++)
            if (source.Columns[c].ComputedExpression is { } expr)
                computedInputs[c] = source.ColumnsAmong(ExpressionColumns.Of(expr));

        var newTables = new List<NewTable>();
        var fills = new List<TableFill>();
        var storedIn = new Dictionary<ProposedTable, AttributeSet>(ReferenceEqualityComparer.Instance);   // filled from the source
        var presentIn = new Dictionary<ProposedTable, AttributeSet>(ReferenceEqualityComparer.Instance);  // any column the table has
        var checksPlaced = new HashSet<CheckConstraint>(ReferenceEqualityComparer.Instance);
        foreach (var t in order)
        {
            var columns = new List<PlanColumn>();
            var stored = AttributeSet.Empty;
            var present = AttributeSet.Empty;
            foreach (var c in t.Columns)
            {
                var col = source.Columns[c];
                bool inKey = t.PrimaryKey.Contains(c);
                var pc = PlanColumn.From(col) with { Nullable = col.IsNullable && !inKey };
                if (col.ComputedExpression is not null)
                {
                    if (computedInputs[c].IsSubsetOf(t.Columns) && !inKey)
                    {
                        columns.Add(pc);
                        present = present.With(c);
                        continue;
                    }
                    if (!inKey)
                    {
                        notes.Add($"the computed column {col.Name} reads columns of other tables: the view computes it, {tableNames[t].Name} does not store it");
                        continue;
                    }
                    pc = pc with { Computed = null, Persisted = false };
                    notes.Add($"the computed column {col.Name} is part of the key of {tableNames[t].Name}: it is stored there as a plain column");
                }
                bool identity = col.IsIdentity && t.PrimaryKey == AttributeSet.Single(c);
                columns.Add(pc with { Identity = identity });
                present = present.With(c);
                if (!pc.DatabaseGenerated) stored = stored.With(c);
            }
            storedIn[t] = stored;
            presentIn[t] = present;

            var pk = new PlanKey(context.Unique("PK_" + tableNames[t].Name), t.PrimaryKey.Names(names));
            var unique = t.UniqueKeys.Select(k => new PlanKey(context.Unique("UQ_" + tableNames[t].Name + "_" + string.Join("_", k.Names(names))), k.Names(names))).ToList();
            var checks = new List<PlanCheck>();
            foreach (var ck in source.CheckConstraints)
            {
                if (checksPlaced.Contains(ck)) continue;
                var reads = source.ColumnsAmong(ExpressionColumns.Of(ck.Expression));
                if (reads.IsEmpty || !reads.IsSubsetOf(t.Columns)) continue;
                checks.Add(new PlanCheck(context.Unique(ck.Name is { } n ? n + "_" + tableNames[t].Name : "CK_" + tableNames[t].Name), ck.Expression));
                checksPlaced.Add(ck);
            }
            newTables.Add(new NewTable(tableNames[t], columns, pk) { UniqueKeys = unique, Checks = checks });

            var fillColumns = stored.Names(names);
            var nullableKey = t.PrimaryKey.ToArray().Where(c => source.Columns[c].IsNullable).Select(c => names[c]).ToList();
            fills.Add(new TableFill(tableNames[t], fillColumns, nullableKey)
            {
                KeepsIdentity = columns.Any(c => c.Identity),
            });
        }
        foreach (var ck in source.CheckConstraints.Where(c => !checksPlaced.Contains(c)))
            notes.Add($"the CHECK constraint {ck.Name ?? ck.Expression} reads columns that no new table holds together: it stays on {renamed}");

        // Foreign keys: between the new tables, and the source's own on the tables that hold their columns.
        var foreignKeys = new List<PlanForeignKey>();
        foreach (var t in order)
            foreach (var fk in t.ForeignKeys)
            {
                ObjectName target;
                IReadOnlyList<string> targetColumns = fk.ReferencedColumns;
                if (!fk.IsExternal) target = tableNames[d.Tables.First(o => o.Name == fk.ReferencedTable)];
                else
                {
                    var referenced = new QualifiedName(fk.ReferencedSchema, fk.ReferencedTable);
                    target = ObjectName.Of(referenced);
                    if (targetColumns.Count == 0 && model?.Find(referenced)?.PrimaryKey is { } refPk) targetColumns = refPk.Columns;
                    if (context.Moved.TryGetValue(referenced, out var moved) && Holding(moved, targetColumns) is { } now) target = now;
                }
                var name = context.Unique($"FK_{tableNames[t].Name}_{target.Name}");
                foreignKeys.Add(new PlanForeignKey(name, tableNames[t], fk.Columns.Names(names), target, targetColumns));
                if (fk.OriginalName is { } original) context.MovedForeignKeys[original] = tableNames[t];
            }

        // Foreign keys of other tables that reference the source.
        var incoming = new List<ForeignKeyRedirect>();
        if (model is not null)
            foreach (var child in model.Tables)
            {
                if (ReferenceEquals(child, source)) continue;
                foreach (var fk in child.ForeignKeys)
                {
                    if (!References(fk, source, model)) continue;
                    var key = fk.ReferencedColumns.Count > 0 ? fk.ReferencedColumns : source.PrimaryKey?.Columns ?? [];
                    var holder = d.Tables.FirstOrDefault(t => SameNames(t.PrimaryKey.Names(names), key))
                                 ?? d.Tables.FirstOrDefault(t => t.UniqueKeys.Any(u => SameNames(u.Names(names), key)));
                    if (fk.Name is null)
                    {
                        notes.Add($"a foreign key of {child.Name} references {source.Name} but has no name to drop it by: it stays on {renamed}");
                        continue;
                    }
                    if (holder is null)
                    {
                        notes.Add($"the foreign key {fk.Name} of {child.Name} references ({string.Join(", ", key)}), which no new table has as a key: it stays on {renamed}");
                        continue;
                    }
                    var childName = context.MovedForeignKeys.TryGetValue(fk.Name, out var movedChild) ? movedChild : ObjectName.Of(child.Name);
                    incoming.Add(new ForeignKeyRedirect(fk.Name, childName, fk.Columns, tableNames[holder], key));
                    notes.Add($"the foreign key {fk.Name} of {child.Name} is re-created against {tableNames[holder]} WITH CHECK and without ON DELETE/ON UPDATE actions (the schema model does not carry them): add them back if the original had any");
                }
            }

        var view = View(d, order, tableNames, storedIn, presentIn, out var innerJoinColumns);
        var checksList = Checks(d, innerJoinColumns, tableNames);

        var moves = new List<(IReadOnlyList<string>, ObjectName)>();
        foreach (var t in d.Tables)
        {
            moves.Add((t.PrimaryKey.Names(names), tableNames[t]));
            foreach (var u in t.UniqueKeys) moves.Add((u.Names(names), tableNames[t]));
        }
        context.Moved[source.Name] = moves;

        foreach (var c in source.Columns.Where(c => c.Type.Name is "text" or "ntext" or "image"))
            notes.Add($"the column {c.Name} ({c.Type.Name}, a deprecated type) becomes {(c.Type.Name == "text" ? "varchar" : c.Type.Name == "ntext" ? "nvarchar" : "varbinary")}(max) in the new tables");
        notes.Add($"indexes, triggers and permissions of {source.Name} stay with {renamed}; writers must move to the new tables (the view {source.Name} is for reading)");
        return new MigrationPlan
        {
            Source = ObjectName.Of(source.Name),
            RenamedSource = renamed,
            SourceColumns = sourceColumns,
            Checks = checksList,
            Tables = newTables,
            Fills = fills,
            ForeignKeys = foreignKeys,
            IncomingForeignKeys = incoming,
            View = view,
            Notes = notes.Distinct().ToList(),
            Summary = $"{source.Name} -> {string.Join(", ", d.Tables.Select(t => tableNames[t].Name + "(" + string.Join(", ", t.ColumnNames) + ")"))} ({d.Target.Display()})",
        };
    }


    private static bool References(ForeignKey fk, Table source, SchemaModel model) =>
        ReferenceEquals(model.Find(fk.ReferencedTable) ?? (fk.ReferencedTable.Schema is null ? null : model.Find(fk.ReferencedTable.Name)), source);

    private static ObjectName? Holding(List<(IReadOnlyList<string> Key, ObjectName Table)> moved, IReadOnlyList<string> key) =>
        moved.FirstOrDefault(m => SameNames(m.Key, key)).Table;

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => Identifier.AreEqual(Identifier.Unquote(x), Identifier.Unquote(y))));

    /// <summary>Parents before children (internal foreign keys); ties in proposal order.</summary>
    private static List<ProposedTable> CreationOrder(IReadOnlyList<ProposedTable> tables)
    {
        var order = new List<ProposedTable>();
        var left = tables.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => t.ForeignKeys.Where(f => !f.IsExternal)
                           .All(f => order.Any(o => o.Name == f.ReferencedTable) || f.ReferencedTable == t.Name))
                       ?? left[0]; // a cycle: the constraints are added after every table exists anyway
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }

    /// <summary>
    /// The view: the table keeping the source's key first, then tables joined one at a time on every column
    /// they share with those already joined; a join through a nullable foreign key is a LEFT JOIN so that
    /// rows without a reference keep their NULLs.
    /// </summary>
    private static CompatibilityView View(
        Decomposition d, List<ProposedTable> order, Dictionary<ProposedTable, ObjectName> tableNames,
        Dictionary<ProposedTable, AttributeSet> storedIn, Dictionary<ProposedTable, AttributeSet> presentIn, out AttributeSet innerJoinColumns)
    {
        var names = d.ColumnNames;
        var first = d.Tables.FirstOrDefault(t => t.IsRemainder) ?? order[0];
        var joined = new List<(ProposedTable Table, string Alias)> { (first, "t1") };
        var joins = new List<ViewJoin>();
        innerJoinColumns = AttributeSet.Empty;
        var left = d.Tables.Where(t => !ReferenceEquals(t, first)).ToList();
        while (left.Count > 0)
        {
            var bound = joined.Aggregate(AttributeSet.Empty, (a, j) => a | storedIn[j.Table]);
            var next = left.OrderByDescending(t => (storedIn[t] & bound).Count).ThenBy(t => order.IndexOf(t)).First();
            left.Remove(next);
            var alias = "t" + (joined.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shared = storedIn[next] & bound;
            var on = new List<JoinCondition>();
            foreach (var c in shared)
            {
                var other = joined.First(j => storedIn[j.Table].Contains(c));
                on.Add(new JoinCondition(names[c], other.Alias, names[c]));
            }
            // A parent reached through a nullable foreign key of a table already joined: keep rows without it.
            bool outer = joined.Any(j => j.Table.ForeignKeys.Any(f => !f.IsExternal && f.ReferencedTable == next.Name && f.Nullable && f.Columns == shared));
            if (!outer) foreach (var c in shared) if (d.Source.Columns[c].IsNullable) innerJoinColumns = innerJoinColumns.With(c);
            joins.Add(new ViewJoin(tableNames[next], alias, outer, on));
            joined.Add((next, alias));
        }

        var columns = new List<ViewColumn>();
        for (int c = 0; c < names.Count; c++)
        {
            var home = joined.FirstOrDefault(j => presentIn[j.Table].Contains(c));
            if (home.Table is not null) columns.Add(new ViewColumn(names[c], home.Alias, names[c]));
            else if (d.Source.Columns[c].ComputedExpression is { } expr) columns.Add(new ViewColumn(names[c], null, null) { ComputedExpression = expr });
            else throw new InvalidOperationException($"column {names[c]} is in no new table");
        }
        return new CompatibilityView(ObjectName.Of(d.Source.Name), new ViewSource(tableNames[first], "t1"), joins, columns);
    }

    /// <summary>The dependencies the decomposition relies on, each to be tested on the live rows.</summary>
    private static List<DependencyCheck> Checks(Decomposition d, AttributeSet innerJoinColumns, Dictionary<ProposedTable, ObjectName> tableNames)
    {
        var names = d.ColumnNames;
        var source = d.Source;
        var checks = new List<DependencyCheck>();
        // Constraints only, not unique indexes: the checks stay those the plan has always made, and a check
        // that a unique index makes redundant costs one query and is never wrong.
        var declaredKeys = source.KeyConstraints;
        var stored = AttributeSet.Of(Enumerable.Range(0, names.Count).Where(c => source.Columns[c].ComputedExpression is null && !PlanColumn.From(source.Columns[c]).DatabaseGenerated));

        void Fd(AttributeSet lhs, AttributeSet rhs, string why)
        {
            rhs = (rhs - lhs) & stored;
            if (rhs.IsEmpty || declaredKeys.Any(k => k.IsSubsetOf(lhs))) return; // the database enforces it already
            if (checks.OfType<FunctionalDependencyCheck>().Any(c => c.Lhs.SequenceEqual(lhs.Names(names)) && rhs.Names(names).All(c.Rhs.Contains))) return;
            checks.Add(new FunctionalDependencyCheck(lhs.Names(names), rhs.Names(names), why));
        }

        if (declaredKeys.Count == 0)
            checks.Add(new DuplicateRowCheck(stored.Names(names), $"{source.Name} has no key: rows equal in every column cannot be kept apart by the new tables' keys"));
        foreach (var s in d.Steps)
        {
            switch (s.Kind)
            {
                case DependencyKind.Fd:
                    Fd(s.Lhs, s.Rhs, $"the split of {s.Rhs.Format(names)} into a table keyed by {(s.Lhs.IsEmpty ? "nothing" : s.Lhs.Format(names))} relies on {Side(s.Lhs, names)} -> {s.Rhs.Format(names)}");
                    break;
                case DependencyKind.Mvd:
                    checks.Add(new JoinCheck([(s.Lhs | s.Rhs).Names(names), (s.From - s.Rhs).Names(names)],
                        $"the split into ({(s.Lhs | s.Rhs).Format(names)}) and ({(s.From - s.Rhs).Format(names)}) relies on {Side(s.Lhs, names)} ->> {s.Rhs.Format(names)}"));
                    break;
                default:
                    checks.Add(new JoinCheck(s.Parts.Select(p => p.Names(names)).ToList(),
                        $"the split into {string.Join(", ", s.Parts.Select(p => "(" + p.Format(names) + ")"))} relies on that join dependency"));
                    break;
            }
        }
        foreach (var t in d.Tables)
        {
            Fd(t.PrimaryKey, t.Columns, $"{tableNames[t].Name} is keyed by ({t.PrimaryKey.Format(names)})");
            foreach (var u in t.UniqueKeys) Fd(u, t.Columns, $"{tableNames[t].Name} has the unique key ({u.Format(names)})");
            if (t.IsRemainder) continue;
            var nullableKey = AttributeSet.Of(t.PrimaryKey.ToArray().Where(c => source.Columns[c].IsNullable));
            var values = (t.Columns - t.PrimaryKey) & stored;
            if (!nullableKey.IsEmpty && !values.IsEmpty)
                checks.Add(new NullKeyCheck(t.PrimaryKey.Names(names), values.Names(names),
                    $"{tableNames[t].Name} cannot store {values.Format(names)} for a NULL ({t.PrimaryKey.Format(names)})"));
        }
        if (!innerJoinColumns.IsEmpty)
            checks.Add(new NotNullCheck(innerJoinColumns.Names(names), $"the view joins on ({innerJoinColumns.Format(names)}), and a row with NULL there would not come back"));
        return checks;
    }

    private static string Side(AttributeSet lhs, IReadOnlyList<string> names) => lhs.IsEmpty ? "∅" : lhs.Format(names);

    /// <summary>Decompositions of tables referenced by others first.</summary>
    private static List<Decomposition> Order(List<Decomposition> ds)
    {
        var order = new List<Decomposition>();
        var left = ds.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(d => !left.Any(o => !ReferenceEquals(o, d) && d.Source.ForeignKeys.Any(f => f.ReferencedTable.Equals(o.Source.Name))))
                       ?? left[0];
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }
}
