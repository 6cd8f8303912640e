using System.Globalization;
using System.Text;
using SchemaNorm.Decomposer.Emit;
using SchemaNorm.Databases.SqlServer;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>
/// PostgreSQL scripts for migration plans, with the guarantees of the T-SQL ones in PostgreSQL's idiom.
/// The whole script is one transaction (BEGIN ... COMMIT; PostgreSQL's DDL is transactional, so a failure
/// anywhere undoes everything). Each table is one DO block, so that it can decide at run time: when the
/// migration already ran (the renamed table and a view under the old name exist) it only raises a notice;
/// otherwise it checks every dependency the plan relies on and RAISEs EXCEPTION with the number of
/// violating groups, creates and fills the new tables, renames the old one (kept), creates the view, and
/// RAISEs EXCEPTION unless the view returns exactly the old rows. See <see cref="MigrationPlan"/>.
/// </summary>
public sealed class PostgresMigrationEmitter(PostgresNames? names = null) : IMigrationEmitter
{
    private const string Violations = "sn_violations";
    private const string Missing = "sn_missing";
    private const string Extra = "sn_extra";
    private const string OldRows = "sn_old_rows";
    private const string NewRows = "sn_new_rows";

    public PostgresNames Names { get; } = names ?? new PostgresNames();

    public string Dialect => "PostgreSQL";

    /// <exception cref="PostgresMigrationException">A plan has a column type, computed column or name PostgreSQL cannot take as it is.</exception>
    public MigrationScript Emit(IReadOnlyList<MigrationPlan> plans)
    {
        // Every plan is written before any text is returned: an unsupported column stops the whole script.
        var notes = new List<string>();
        var forward = plans.Select(p => Forward(p, notes)).ToList();
        var rollback = plans.Reverse().Select(Rollback).ToList();
        if (plans.Count == 0)
        {
            forward.Add(Block([], [Raise("NOTICE", "schemanorm: nothing to migrate: no table below the target has a decomposition to apply.")]));
            rollback.Add(Block([], [Raise("NOTICE", "schemanorm: nothing to roll back.")]));
        }
        notes.InsertRange(0, plans.SelectMany(p => p.Notes).Where(n => !n.Contains("a deprecated type)", StringComparison.Ordinal)));
        return new MigrationScript(
            Header(plans, "migration", notes.Distinct().ToList()) + Transaction(forward),
            Header(plans, "rollback", []) + Transaction(rollback));
    }

    private string Header(IReadOnlyList<MigrationPlan> plans, string what, IReadOnlyList<string> notes)
    {
        var lines = new List<string> { $"-- schemanorm {what} script (PostgreSQL 13 or later)." };
        foreach (var p in plans) lines.Add($"--   {OneLine(p.Summary)}");
        if (plans.Any(p => MapsSchema(p.Source.Schema)))
            lines.Add($"-- Names: the schema dbo is written as {Names.DefaultSchema}; every name is quoted and keeps its letter case.");
        if (what == "migration")
        {
            lines.Add("-- One transaction. Each table: checks the dependencies on the live rows, creates and fills the new");
            lines.Add("-- tables, renames the old table (kept), creates a view under its name, verifies the view against it.");
            lines.Add("-- Running it again does nothing. The rollback script undoes it.");
        }
        else
        {
            lines.Add("-- One transaction. Each table: copies back rows changed through the new tables, moves foreign keys");
            lines.Add("-- back, drops the view and the new tables, and gives the old table its name back. Running it again does nothing.");
        }
        lines.Add("-- Run it with: psql -v ON_ERROR_STOP=1 -f FILE");
        foreach (var n in notes) lines.Add($"-- note: {OneLine(n)}");
        return string.Join('\n', lines) + "\n";
    }

    private bool MapsSchema(string? schema) => !string.Equals(Names.Schema(schema), schema, StringComparison.Ordinal);

    private static string Transaction(IEnumerable<string> blocks) =>
        "BEGIN;\n\n" + string.Concat(blocks.Select(b => b + "\n")) + "COMMIT;\n";

    // ---- the migration ------------------------------------------------------------------------

    private string Forward(MigrationPlan plan, List<string> notes)
    {
        var source = Names.Qualified(plan.Source);
        var renamed = Names.Qualified(plan.RenamedSource);
        var shown = Names.Display(plan.Source);
        var columns = new ColumnTypes(plan, notes);
        var s = new List<string>();

        s.Add("-- Already applied: the old table under its new name, and a view under the old one.");
        s.Add($"IF {Kind(plan.RenamedSource)} IN ('r', 'p') AND {Kind(plan.Source)} = 'v' THEN");
        s.Add("    " + Raise("NOTICE", $"schemanorm: {shown} was already migrated ({Names.Display(plan.RenamedSource)} holds the old rows); nothing to do."));
        s.Add("    RETURN;");
        s.Add("END IF;");
        s.Add($"IF {Kind(plan.Source)} IS DISTINCT FROM 'r' AND {Kind(plan.Source)} IS DISTINCT FROM 'p' THEN");
        s.Add("    " + Raise("EXCEPTION", $"schemanorm: {shown} is not a table in this database; nothing was changed."));
        s.Add("END IF;");
        // Relations the migration creates: the tables, and the indexes behind their keys (same namespace).
        var taken = plan.Tables.Select(t => t.Name).Prepend(plan.RenamedSource)
            .Concat(plan.Tables.SelectMany(t => t.UniqueKeys.Prepend(t.PrimaryKey).Select(k => new ObjectName(t.Name.Schema, k.ConstraintName))))
            .ToList();
        s.Add($"IF {string.Join(" OR ", taken.Select(n => $"to_regclass({Names.RegClass(Fitted(n))}) IS NOT NULL"))} THEN");
        s.Add("    " + Raise("EXCEPTION", $"schemanorm: one of {string.Join(", ", taken.Select(Names.Display))} already exists; nothing was changed."));
        s.Add("END IF;");
        s.Add("");
        s.Add("-- Writers wait until the commit.");
        s.Add($"LOCK TABLE {source} IN ACCESS EXCLUSIVE MODE;");

        foreach (var check in plan.Checks)
        {
            s.Add("");
            s.Add("-- " + OneLine(check.Description));
            s.Add(CheckQuery(check, source, columns) + ";");
            s.Add($"IF {Violations} > 0 THEN");
            s.Add("    " + Raise("EXCEPTION", $"schemanorm: {check.Description}, but the rows of {shown} break it: ", new Var(Violations), $" {check.Unit}; nothing was changed."));
            s.Add("END IF;");
        }

        foreach (var t in plan.Tables)
        {
            s.Add("");
            s.Add(CreateTable(t, plan, notes));
        }
        foreach (var fill in plan.Fills)
        {
            s.Add("");
            s.AddRange(Fill(fill, plan, source, columns));
        }
        if (plan.ForeignKeys.Count > 0) s.Add("");
        foreach (var fk in plan.ForeignKeys) s.Add(AddForeignKey(fk.Table, fk.ConstraintName, fk.Columns, fk.Referenced, fk.ReferencedColumns));
        foreach (var r in plan.IncomingForeignKeys)
        {
            s.Add("");
            s.Add($"-- {Names.Display(r.Child)} referenced {shown}: its foreign key now references {Names.Display(r.NewTarget)}.");
            s.Add($"ALTER TABLE {Names.Qualified(r.Child)} DROP CONSTRAINT {PostgresNames.Quote(r.ConstraintName)};");
            s.Add(AddForeignKey(r.Child, r.ConstraintName, r.Columns, r.NewTarget, r.ReferencedColumns));
        }

        s.Add("");
        s.Add("-- The old table is kept under a new name; a view with its name and columns joins the new tables.");
        s.Add($"ALTER TABLE {source} RENAME TO {PostgresNames.Quote(plan.RenamedSource.Name)};");
        s.Add(CreateView(plan.View) + ";");

        s.Add("");
        s.Add("-- The view must return exactly the old rows.");
        s.AddRange(Comparison(renamed, source, plan, columns));
        s.Add($"IF {Missing} <> 0 OR {Extra} <> 0 OR {OldRows} <> {NewRows} THEN");
        s.Add("    " + Raise("EXCEPTION", $"schemanorm: the view {shown} does not return the old rows (", new Var(Missing), " missing, ", new Var(Extra),
            " extra, ", new Var(OldRows), " rows before, ", new Var(NewRows), " after); nothing was changed."));
        s.Add("END IF;");
        s.Add(Raise("NOTICE", $"schemanorm: migrated {plan.Summary}; the old rows are in {Names.Display(plan.RenamedSource)}."));
        return "-- " + OneLine(plan.Summary) + "\n" + Block([Violations, Missing, Extra, OldRows, NewRows], s);
    }

    private string Rollback(MigrationPlan plan)
    {
        var source = Names.Qualified(plan.Source);
        var renamed = Names.Qualified(plan.RenamedSource);
        var shown = Names.Display(plan.Source);
        var columns = new ColumnTypes(plan, null);
        var s = new List<string>();

        s.Add($"IF to_regclass({Names.RegClass(plan.RenamedSource)}) IS NULL THEN");
        s.Add("    " + Raise("NOTICE", $"schemanorm: {Names.Display(plan.RenamedSource)} does not exist: {shown} is not migrated; nothing to roll back."));
        s.Add("    RETURN;");
        s.Add("END IF;");
        s.Add($"IF {Kind(plan.Source)} IN ('r', 'p') THEN");
        s.Add("    " + Raise("EXCEPTION", $"schemanorm: {shown} is a table again; nothing was changed."));
        s.Add("END IF;");
        s.Add($"LOCK TABLE {renamed} IN ACCESS EXCLUSIVE MODE;");
        s.Add("");
        s.Add("-- Rows changed through the new tables since the migration go back into the old table.");
        s.Add($"IF {Kind(plan.Source)} = 'v' THEN");
        s.AddRange(Comparison(renamed, source, plan, columns).Select(l => "    " + l));
        s.Add($"    IF {Missing} <> 0 OR {Extra} <> 0 OR {OldRows} <> {NewRows} THEN");
        // Only the rows that differ: the old table's untouched rows stay as they are, byte for byte.
        var copied = plan.SourceColumns.Where(c => c.Computed is null && !c.DatabaseGenerated).Select(c => PostgresNames.Quote(c.Name)).ToList();
        var same = string.Join(" AND ", copied.Select(c => $"o.{c}::text IS NOT DISTINCT FROM v.{c}::text"));
        s.Add($"        DELETE FROM {renamed} AS o WHERE NOT EXISTS (SELECT 1 FROM {source} AS v WHERE {same});");
        s.Add($"        INSERT INTO {renamed} ({string.Join(", ", copied)}){(plan.SourceColumns.Any(c => c.Identity) ? " OVERRIDING SYSTEM VALUE" : "")}");
        s.Add($"        SELECT {string.Join(", ", copied.Select(c => "v." + c))} FROM {source} AS v WHERE NOT EXISTS (SELECT 1 FROM {renamed} AS o WHERE {same});");
        s.Add("    END IF;");
        s.Add("END IF;");
        s.Add("");
        foreach (var r in plan.IncomingForeignKeys)
            s.Add($"ALTER TABLE {Names.Qualified(r.Child)} DROP CONSTRAINT IF EXISTS {PostgresNames.Quote(r.ConstraintName)};");
        s.Add($"DROP VIEW IF EXISTS {source};");
        foreach (var t in plan.Tables.Reverse()) s.Add($"DROP TABLE IF EXISTS {Names.Qualified(t.Name)};");
        s.Add($"ALTER TABLE {renamed} RENAME TO {PostgresNames.Quote(plan.Source.Name)};");
        foreach (var r in plan.IncomingForeignKeys)
            s.Add(AddForeignKey(r.Child, r.ConstraintName, r.Columns, plan.Source, r.ReferencedColumns));
        s.Add(Raise("NOTICE", $"schemanorm: rolled back {shown}: the table has its name and its rows back."));
        return "-- " + OneLine(plan.Summary) + "\n" + Block([Missing, Extra, OldRows, NewRows], s);
    }

    /// <summary>
    /// DO $schemanorm$ ... $schemanorm$; with the block's variables. Columns win over variables when a
    /// name could be either (#variable_conflict), and the variables carry a prefix no sensible column has.
    /// </summary>
    private static string Block(IReadOnlyList<string> variables, IReadOnlyList<string> statements)
    {
        var body = new StringBuilder();
        body.Append("#variable_conflict use_column\n");
        if (variables.Count > 0)
        {
            body.Append("DECLARE\n");
            foreach (var v in variables) body.Append("    ").Append(v).Append(" bigint;\n");
        }
        body.Append("BEGIN\n");
        foreach (var line in statements.SelectMany(st => st.Split('\n')))
            body.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        body.Append("END\n");
        var text = body.ToString();
        var tag = "$schemanorm$";
        for (int i = 1; text.Contains(tag, StringComparison.Ordinal); i++) tag = "$schemanorm" + i.ToString(CultureInfo.InvariantCulture) + "$";
        return $"DO {tag}\n{text}{tag};\n";
    }

    /// <summary>The relkind of a relation ('r' table, 'p' partitioned table, 'v' view), NULL when there is none.</summary>
    private string Kind(ObjectName name) =>
        $"(SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = to_regclass({Names.RegClass(name)}))";

    /// <summary>A constraint's index as PostgreSQL names it (a long constraint name is cut, see <see cref="PostgresNames.QuoteConstraint"/>).</summary>
    private static ObjectName Fitted(ObjectName name)
    {
        return name with { Name = PostgresNames.FitConstraint(name.Name) };
    }

    // ---- messages ------------------------------------------------------------------------------

    private sealed record Var(string Name);

    /// <summary>RAISE level 'text', variables: literal text has its % doubled, each <see cref="Var"/> becomes a % placeholder.</summary>
    private static string Raise(string level, params object[] parts)
    {
        var format = new StringBuilder();
        var args = new List<string>();
        foreach (var p in parts)
        {
            if (p is Var v)
            {
                format.Append('%');
                args.Add(v.Name);
            }
            else format.Append(DisplayText.Escape((string)p).Replace("%", "%%"));
        }
        return $"RAISE {level} {PostgresNames.Literal(format.ToString())}{string.Concat(args.Select(a => ", " + a))};";
    }

    /// <summary>Text from the input for a comment or message: one line, and no "*/".</summary>
    private static string OneLine(string text) => DisplayText.SqlComment(text);


    // ---- pre-flight checks ---------------------------------------------------------------------

    private static string CheckQuery(DependencyCheck check, string source, ColumnTypes columns)
    {
        string Cols(IEnumerable<string> names, string? alias = null) =>
            string.Join(", ", names.Select(c => columns.Comparable(c, alias) + " AS " + PostgresNames.Quote(c)));
        string Plain(IEnumerable<string> names) => string.Join(", ", names.Select(PostgresNames.Quote));
        string Into(string from) => $"SELECT count(*) INTO {Violations} FROM {from}";

        switch (check)
        {
            case FunctionalDependencyCheck fd when fd.Lhs.Count == 0:
                // A constant column: more than one distinct value is a violation.
                return $"SELECT count(*) - 1 INTO {Violations} FROM (SELECT DISTINCT {Cols(fd.Rhs)} FROM {source}) AS d";
            case FunctionalDependencyCheck fd:
                return Into($"(SELECT {Plain(fd.Lhs)} FROM (SELECT DISTINCT {Cols(fd.Lhs.Concat(fd.Rhs))} FROM {source}) AS d " +
                            $"GROUP BY {Plain(fd.Lhs)} HAVING count(*) > 1) AS v");
            case NullKeyCheck nk:
                return Into($"{source} WHERE ({string.Join(" OR ", nk.Key.Select(c => PostgresNames.Quote(c) + " IS NULL"))}) " +
                            $"AND ({string.Join(" OR ", nk.Values.Select(c => PostgresNames.Quote(c) + " IS NOT NULL"))})");
            case NotNullCheck nn:
                return Into($"{source} WHERE {string.Join(" OR ", nn.Columns.Select(c => PostgresNames.Quote(c) + " IS NULL"))}");
            case DuplicateRowCheck dup:
                return Into($"(SELECT 1 FROM {source} GROUP BY {string.Join(", ", dup.Columns.Select(c => columns.Comparable(c)))} HAVING count(*) > 1) AS v");
            case JoinCheck jc:
            {
                // Rows of the join of the projections that are not rows of the source.
                var all = jc.Components.SelectMany(c => c).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var aliasOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var from = new StringBuilder();
                for (int i = 0; i < jc.Components.Count; i++)
                {
                    var alias = "p" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    var part = $"(SELECT DISTINCT {Cols(jc.Components[i])} FROM {source}) AS {alias}";
                    var shared = jc.Components[i].Where(aliasOf.ContainsKey).ToList();
                    if (i == 0) from.Append(part);
                    else if (shared.Count == 0) from.Append(" CROSS JOIN ").Append(part);
                    else from.Append(" JOIN ").Append(part).Append(" ON ")
                        .Append(string.Join(" AND ", shared.Select(c => $"{alias}.{PostgresNames.Quote(c)} = {aliasOf[c]}.{PostgresNames.Quote(c)}")));
                    foreach (var c in jc.Components[i]) aliasOf.TryAdd(c, alias);
                }
                var joined = $"SELECT {string.Join(", ", all.Select(c => aliasOf[c] + "." + PostgresNames.Quote(c)))} FROM {from}";
                return Into($"({joined} EXCEPT SELECT {Cols(all)} FROM {source}) AS v");
            }
            default:
                throw new NotSupportedException(check.GetType().Name);
        }
    }

    // ---- new tables ------------------------------------------------------------------------------

    private string CreateTable(NewTable t, MigrationPlan plan, List<string> notes)
    {
        var label = Names.Display(t.Name);
        var lines = t.Columns.Select(c => PostgresColumns.Definition(c, label, notes)).ToList();
        lines.Add($"CONSTRAINT {PostgresNames.QuoteConstraint(t.PrimaryKey.ConstraintName)} PRIMARY KEY ({string.Join(", ", t.PrimaryKey.Columns.Select(PostgresNames.Quote))})");
        foreach (var u in t.UniqueKeys)
            lines.Add($"CONSTRAINT {PostgresNames.QuoteConstraint(u.ConstraintName)} UNIQUE ({string.Join(", ", u.Columns.Select(PostgresNames.Quote))})");
        foreach (var ck in t.Checks)
            notes.Add($"the CHECK constraint {ck.ConstraintName ?? ck.Expression} ({OneLine(ck.Expression)}) is not written on {label}: its expression is in the source's SQL, which SchemaNorm does not translate; it stays on {Names.Display(plan.RenamedSource)}");
        return $"CREATE TABLE {Names.Qualified(t.Name)} (\n{string.Join(",\n", lines.Select(l => "    " + l))}\n);";
    }

    private IEnumerable<string> Fill(TableFill fill, MigrationPlan plan, string source, ColumnTypes columns)
    {
        var target = Names.Qualified(fill.Target);
        var table = plan.Tables.First(t => t.Name == fill.Target);
        var identity = table.Columns.FirstOrDefault(c => c.Identity);
        var list = string.Join(", ", fill.Columns.Select(PostgresNames.Quote));
        var where = fill.KeyColumns.Count == 0 ? "" : " WHERE " + string.Join(" AND ", fill.KeyColumns.Select(c => PostgresNames.Quote(c) + " IS NOT NULL"));
        var overriding = identity is not null && fill.Columns.Contains(identity.Name, StringComparer.OrdinalIgnoreCase) ? " OVERRIDING SYSTEM VALUE" : "";
        yield return $"INSERT INTO {target} ({list}){overriding}";
        if (fill.Columns.Any(columns.ComparesAsText))
        {
            // xml and json have no equality: DISTINCT sees their text, and the insert turns it back.
            var outer = string.Join(", ", fill.Columns.Select(c => columns.ComparesAsText(c) ? $"d.{PostgresNames.Quote(c)}::{columns.TypeOf(c)}" : "d." + PostgresNames.Quote(c)));
            var inner = string.Join(", ", fill.Columns.Select(c => columns.Comparable(c) + " AS " + PostgresNames.Quote(c)));
            yield return $"SELECT {outer} FROM (SELECT DISTINCT {inner} FROM {source}{where}) AS d;";
        }
        else yield return $"SELECT DISTINCT {list} FROM {source}{where};";

        if (identity is not null && overriding.Length > 0)
            yield return $"PERFORM {PostgresColumns.ContinueIdentity(Names, fill.Target, identity)};";
    }

    private string AddForeignKey(ObjectName table, string name, IReadOnlyList<string> columns, ObjectName referenced, IReadOnlyList<string> referencedColumns) =>
        $"ALTER TABLE {Names.Qualified(table)} ADD CONSTRAINT {PostgresNames.QuoteConstraint(name)} FOREIGN KEY ({string.Join(", ", columns.Select(PostgresNames.Quote))}) " +
        $"REFERENCES {Names.Qualified(referenced)}{(referencedColumns.Count == 0 ? "" : " (" + string.Join(", ", referencedColumns.Select(PostgresNames.Quote)) + ")")};";

    // ---- the view, and checking it ---------------------------------------------------------------

    private string CreateView(CompatibilityView view)
    {
        var select = view.Columns.Select(c => c.ComputedExpression is { } expr
            ? throw new PostgresMigrationException($"{Names.Display(view.Name)}.{c.Name} is a computed column whose inputs end up in different tables, so the view would compute it ({OneLine(expr)}); its expression is in the source's SQL, which SchemaNorm does not translate. No PostgreSQL script was written; make it a plain column first, or migrate with --dialect tsql")
            : $"{c.Alias}.{PostgresNames.Quote(c.Column!)} AS {PostgresNames.Quote(c.Name)}");
        var text = new StringBuilder();
        text.Append("CREATE VIEW ").Append(Names.Qualified(view.Name)).Append(" AS\nSELECT ").Append(string.Join(",\n       ", select));
        text.Append("\nFROM ").Append(Names.Qualified(view.Base.Table)).Append(" AS ").Append(view.Base.Alias);
        foreach (var j in view.Joins)
        {
            text.Append('\n').Append(j.Outer ? "LEFT JOIN " : "JOIN ").Append(Names.Qualified(j.Table)).Append(" AS ").Append(j.Alias).Append(" ON ");
            text.Append(string.Join(" AND ", j.On.Select(o => $"{j.Alias}.{PostgresNames.Quote(o.Column)} = {o.OtherAlias}.{PostgresNames.Quote(o.OtherColumn)}")));
        }
        return text.ToString();
    }

    /// <summary>
    /// sn_missing: old rows the view lacks; sn_extra: view rows that are not old rows (EXCEPT ALL, so
    /// a row counts as often as it occurs); sn_old_rows/sn_new_rows: row counts. Rows are compared by value
    /// and by text, so that a value written differently (1.00 as 1.0, -0 as 0) counts as changed.
    /// </summary>
    private static IEnumerable<string> Comparison(string oldTable, string view, MigrationPlan plan, ColumnTypes columns)
    {
        var list = string.Join(", ", plan.SourceColumns.Where(c => !c.DatabaseGenerated).Select(c => columns.TextAndValue(c.Name)));
        yield return $"SELECT count(*) INTO {Missing} FROM (SELECT {list} FROM {oldTable} EXCEPT ALL SELECT {list} FROM {view}) AS d;";
        yield return $"SELECT count(*) INTO {Extra} FROM (SELECT {list} FROM {view} EXCEPT ALL SELECT {list} FROM {oldTable}) AS d;";
        yield return $"SELECT count(*) INTO {OldRows} FROM {oldTable};";
        yield return $"SELECT count(*) INTO {NewRows} FROM {view};";
    }

    /// <summary>The PostgreSQL type of each source column, mapped once (unsupported types fail here, naming the column).</summary>
    private sealed class ColumnTypes
    {
        private readonly Dictionary<string, (string Type, bool AsText)> _columns = new(StringComparer.OrdinalIgnoreCase);

        public ColumnTypes(MigrationPlan plan, List<string>? notes)
        {
            foreach (var c in plan.SourceColumns)
                _columns[c.Name] = (PostgresTypes.Of(c.Type, $"{plan.Source}.{c.Name}", notes),
                    PostgresTypes.ComparesAsText(c.Type) || PostgresTypes.HasEqualValuesWrittenDifferently(c.Type));
        }

        public string TypeOf(string column) => _columns[column].Type;

        public bool ComparesAsText(string column) => _columns[column].AsText;

        /// <summary>The column for verification: its text, and its value too where the type has an equality.</summary>
        public string TextAndValue(string column)
        {
            var name = PostgresNames.Quote(column);
            return ComparesAsText(column) ? name + "::text" : $"{name}, {name}::text";
        }

        /// <summary>The column as DISTINCT, GROUP BY and EXCEPT can compare it.</summary>
        public string Comparable(string column, string? alias = null)
        {
            var name = (alias is null ? "" : alias + ".") + PostgresNames.Quote(column);
            return ComparesAsText(column) ? name + "::text" : name;
        }
    }
}
