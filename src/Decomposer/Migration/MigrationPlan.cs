using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Migration;

/// <summary>
/// How to move one table's rows into the tables of a decomposition, as steps any SQL dialect can carry
/// out. An emitter (T-SQL: <c>TSqlMigrationEmitter</c> in SchemaNorm.Databases) turns a plan into a script; the plan
/// itself holds no SQL text except what the source script wrote (column types, defaults, CHECK and
/// computed-column expressions, all in the source's T-SQL), which another dialect has to translate.
/// <para>
/// The steps, in the order a script runs them, inside one transaction:
/// <list type="number">
/// <item><b>Guards</b>: nothing happens when the migration was already applied (<see cref="RenamedSource"/>
/// exists beside a view named <see cref="Source"/>); the script stops, changing nothing, when the source
/// table is missing or a name it needs is taken.</item>
/// <item><b><see cref="Checks"/></b>: each dependency the decomposition relies on is tested on the live
/// rows, and the script stops (changing nothing) with the number of violating groups when one fails.</item>
/// <item><b><see cref="Tables"/></b> are created (original types and nullability; key columns NOT NULL),
/// in order, and <b><see cref="Fills"/></b> copy the distinct projections of the source rows into them.</item>
/// <item><b><see cref="ForeignKeys"/></b> are added: between the new tables, and the source's own foreign
/// keys on the tables that now hold their columns.</item>
/// <item><b><see cref="IncomingForeignKeys"/></b>: foreign keys of other tables that referenced the source
/// now reference the new table holding the key they name.</item>
/// <item>The source is renamed to <see cref="RenamedSource"/> (kept, not dropped), and <see cref="View"/>,
/// named like the source and with its columns in its order, joins the new tables so that readers keep
/// working.</item>
/// <item><b>Verification</b>: the view must return exactly the renamed table's rows (set difference both
/// ways, and equal row counts) before the transaction commits.</item>
/// </list>
/// The rollback undoes it: the renamed table gets back any rows changed through the new tables since, the
/// foreign keys go back, the view and the new tables are dropped, and the table gets its name back.
/// </para>
/// </summary>
public sealed class MigrationPlan
{
    public required ObjectName Source { get; init; }
    public required ObjectName RenamedSource { get; init; }
    /// <summary>The source's columns in order (the view's shape).</summary>
    public required IReadOnlyList<PlanColumn> SourceColumns { get; init; }
    public required IReadOnlyList<DependencyCheck> Checks { get; init; }
    /// <summary>New tables in creation order (a table referenced by another comes first).</summary>
    public required IReadOnlyList<NewTable> Tables { get; init; }
    public required IReadOnlyList<TableFill> Fills { get; init; }
    public required IReadOnlyList<PlanForeignKey> ForeignKeys { get; init; }
    public required IReadOnlyList<ForeignKeyRedirect> IncomingForeignKeys { get; init; }
    public required CompatibilityView View { get; init; }
    /// <summary>What the plan leaves undone or to the reader (indexes, triggers and permissions of the old table, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>One line for the script's header: what becomes what.</summary>
    public required string Summary { get; init; }
}

/// <summary>A schema-qualified name (schema null: the default schema).</summary>
public sealed record ObjectName(string? Schema, string Name)
{
    public static ObjectName Of(QualifiedName name) => new(name.Schema, name.Name);
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}

/// <summary>
/// A column as the source declares it (type as the source's SQL Server type). <see cref="Computed"/> is
/// the source's computed-column expression, kept computed where every column it reads is at hand.
/// </summary>
public sealed record PlanColumn(string Name, SqlType Type, bool Nullable)
{
    public bool Identity { get; init; }
    public decimal IdentitySeed { get; init; } = 1;
    public decimal IdentityIncrement { get; init; } = 1;
    public string? Default { get; init; }
    public string? Computed { get; init; }
    public bool Persisted { get; init; }
    /// <summary>Values of this type cannot be compared (text, ntext, image, xml): verification compares them converted.</summary>
    public bool NeedsConversionToCompare => Type.Name is "text" or "ntext" or "image" or "xml";
    /// <summary>The database sets it (rowversion/timestamp): never inserted.</summary>
    public bool DatabaseGenerated => Type.Name is "rowversion" or "timestamp";

    /// <summary>A model column as a plan carries it.</summary>
    public static PlanColumn From(Column c) => new(c.Name, c.Type, c.IsNullable)
    {
        Identity = c.IsIdentity,
        IdentitySeed = c.IdentitySeed,
        IdentityIncrement = c.IdentityIncrement,
        Default = c.DefaultExpression,
        Computed = c.ComputedExpression,
        Persisted = c.IsPersisted,
    };
}

/// <summary>A PRIMARY KEY or UNIQUE constraint.</summary>
public sealed record PlanKey(string ConstraintName, IReadOnlyList<string> Columns);

/// <summary>A CHECK constraint carried over from the source (its expression as the source wrote it).</summary>
public sealed record PlanCheck(string? ConstraintName, string Expression);

public sealed record NewTable(ObjectName Name, IReadOnlyList<PlanColumn> Columns, PlanKey PrimaryKey)
{
    public IReadOnlyList<PlanKey> UniqueKeys { get; init; } = [];
    public IReadOnlyList<PlanCheck> Checks { get; init; } = [];
}

/// <summary>INSERT INTO Target (Columns) SELECT DISTINCT Columns FROM the source WHERE no column of <see cref="KeyColumns"/> is NULL.</summary>
public sealed record TableFill(ObjectName Target, IReadOnlyList<string> Columns, IReadOnlyList<string> KeyColumns)
{
    /// <summary>An identity column is copied with its values (IDENTITY_INSERT).</summary>
    public bool KeepsIdentity { get; init; }
}

public sealed record PlanForeignKey(string ConstraintName, ObjectName Table, IReadOnlyList<string> Columns, ObjectName Referenced, IReadOnlyList<string> ReferencedColumns);

/// <summary>Child's foreign key <see cref="ConstraintName"/> moves from the source (after its rename) to <see cref="NewTarget"/>.</summary>
public sealed record ForeignKeyRedirect(string ConstraintName, ObjectName Child, IReadOnlyList<string> Columns, ObjectName NewTarget, IReadOnlyList<string> ReferencedColumns);

/// <summary>
/// A dependency the decomposition relies on, tested on the live rows before anything changes. Each check
/// counts violating groups; a count above zero stops the migration.
/// </summary>
public abstract record DependencyCheck(string Description)
{
    /// <summary>What the check counts, for the message that stops the migration ("... break it: 3 rows with NULL").</summary>
    public abstract string Unit { get; }
}

/// <summary>Lhs -> Rhs: groups of Lhs values (NULL equal to NULL) with more than one Rhs combination.</summary>
public sealed record FunctionalDependencyCheck(IReadOnlyList<string> Lhs, IReadOnlyList<string> Rhs, string Description) : DependencyCheck(Description)
{
    public override string Unit => "groups of rows that agree on the left side and differ on the right";
}

/// <summary>Rows whose Key holds a NULL while one of Values does not: a table keyed by Key cannot store them.</summary>
public sealed record NullKeyCheck(IReadOnlyList<string> Key, IReadOnlyList<string> Values, string Description) : DependencyCheck(Description)
{
    public override string Unit => "rows";
}

/// <summary>
/// The distinct rows over the union of the components equal the join of their projections (an MVD or a
/// join dependency): counts the joined rows that are not source rows.
/// </summary>
public sealed record JoinCheck(IReadOnlyList<IReadOnlyList<string>> Components, string Description) : DependencyCheck(Description)
{
    public override string Unit => "rows that the join of the new tables would add";
}

/// <summary>No NULL in columns that the view joins on with an inner join.</summary>
public sealed record NotNullCheck(IReadOnlyList<string> Columns, string Description) : DependencyCheck(Description)
{
    public override string Unit => "rows with NULL";
}

/// <summary>No two rows are equal in every column (tables with keys cannot keep duplicates).</summary>
public sealed record DuplicateRowCheck(IReadOnlyList<string> Columns, string Description) : DependencyCheck(Description)
{
    public override string Unit => "groups of duplicate rows";
}

/// <summary>
/// The view that keeps the source's name and shape: <see cref="Base"/> joined with <see cref="Joins"/> in
/// order, each column taken from one of the tables (or computed, for a computed column whose inputs lie
/// in different tables).
/// </summary>
public sealed record CompatibilityView(ObjectName Name, ViewSource Base, IReadOnlyList<ViewJoin> Joins, IReadOnlyList<ViewColumn> Columns);

public sealed record ViewSource(ObjectName Table, string Alias);

/// <summary>[LEFT] JOIN Table AS Alias ON Alias.Column = OtherAlias.OtherColumn AND ...</summary>
public sealed record ViewJoin(ObjectName Table, string Alias, bool Outer, IReadOnlyList<JoinCondition> On);

public sealed record JoinCondition(string Column, string OtherAlias, string OtherColumn);

/// <summary>A column of the view: Alias.Column AS Name, or a computed expression (the source's) over the view's columns.</summary>
public sealed record ViewColumn(string Name, string? Alias, string? Column)
{
    public string? ComputedExpression { get; init; }
}
