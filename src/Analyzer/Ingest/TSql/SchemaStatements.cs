using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;
using Identifier = SchemaNorm.Analyzer.Model.Identifier;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// Applies DDL to the model as SQL Server would: CREATE/ALTER/DROP TABLE, unique indexes, alias types,
/// sp_addtype and sp_rename. A statement SQL Server would refuse (a duplicate table, a key on a column
/// that does not exist) is an error and changes nothing.
/// </summary>
internal sealed class SchemaStatements(IngestSession session, PreparedScript script)
{
    private SchemaModel Model => session.Model;

    private void Error(string message, TSqlFragment at) => session.Diagnostics.Error(message, script.Location(at));

    /// <summary>CREATE TABLE; returns the table added, or null.</summary>
    public Table? CreateTable(CreateTableStatement statement)
    {
        bool graph = statement.AsNode || statement.AsEdge;
        if (Fragments.IsTemporary(statement.SchemaObjectName) || (statement.Definition is null && !graph)) return null;
        var name = Fragments.Name(statement.SchemaObjectName);
        if (Model.Find(name) is { } existing && existing.Name.Equals(name))
        {
            Error($"table {name} is created twice (first at {existing.Location})", statement);
            return null;
        }
        var table = new Table(name, script.Location(statement));
        if (graph) GraphTables.AddPseudoColumns(table, statement.AsEdge);
        var definition = statement.Definition;
        if (definition is not null)
        {
            foreach (var column in definition.ColumnDefinitions) AddColumn(table, column, ConstraintEnforcement.NotSpecified);
            foreach (var constraint in definition.TableConstraints) AddConstraint(table, constraint, null, ConstraintEnforcement.NotSpecified);
            foreach (var index in definition.Indexes) AddIndex(table, index);
            CheckComputedColumns(table, definition.ColumnDefinitions);
        }
        Model.Add(table);
        session.TableCreated(table);
        foreach (var option in statement.Options.OfType<SystemVersioningTableOption>()) SystemVersioning(table, option);
        return table;
    }

    /// <summary>A computed column's expression may only use the table's columns; SQL Server refuses any other.</summary>
    private void CheckComputedColumns(Table table, IEnumerable<ColumnDefinition> columns)
    {
        foreach (var column in columns)
        {
            if (column.ComputedColumnExpression is not { } expression) continue;
            foreach (var used in ColumnReferences.In(expression))
                if (table.FindColumn(used.name) is null)
                    session.Diagnostics.Warning(
                        $"computed column {column.ColumnIdentifier.Value} of {table.Name} uses column {used.name}, which {table.Name} does not have",
                        script.Location(used.at));
        }
    }

    /// <summary>
    /// SYSTEM_VERSIONING = ON (HISTORY_TABLE = h): SQL Server keeps the old rows in h, creating it with the
    /// table's columns and no key when no script did.
    /// </summary>
    private void SystemVersioning(Table table, SystemVersioningTableOption option)
    {
        if (option.OptionState != OptionState.On || option.HistoryTable is null) return;
        var historyName = Fragments.Name(option.HistoryTable);
        if (Model.Find(historyName) is { } history && history.Name.Equals(historyName))
        {
            history.Kind = TableKind.TemporalHistory;
            return;
        }
        history = new Table(historyName, script.Location(option)) { Kind = TableKind.TemporalHistory };
        foreach (var c in table.Columns)
            history.Columns.Add(new Column(c.Name, c.Type, script.Location(option)) { IsNullable = c.IsNullable });
        Model.Add(history);
        session.TableCreated(history);
    }

    private void AddColumn(Table table, ColumnDefinition definition, ConstraintEnforcement existingRows)
    {
        var name = definition.ColumnIdentifier.Value;
        if (table.FindColumn(name) is not null)
        {
            Error($"column {name} appears twice in {table.Name}", definition);
            return;
        }
        QualifiedName? alias = null;
        // A computed column's type follows from its expression, which only the database evaluates.
        var type = definition.DataType is null ? new SqlType("sql_variant") : TypeMapping.Map(definition.DataType, out alias);
        if (definition.Collation is not null) type = type with { Collation = definition.Collation.Value };
        var column = new Column(name, type, script.Location(definition));
        var state = session.State(column);
        state.Alias = alias;
        // sysname, unlike other types, is NOT NULL unless the column says NULL.
        if (type.Name == "sysname") column.IsNullable = false;

        if (definition.IdentityOptions is { } identity)
        {
            column.IsIdentity = true;
            column.IsNullable = false;
            column.IdentitySeed = LiteralValues.Number(identity.IdentitySeed) ?? 1;
            column.IdentityIncrement = LiteralValues.Number(identity.IdentityIncrement) ?? 1;
        }
        if (definition.ComputedColumnExpression is { } computed)
        {
            column.ComputedExpression = script.ExpressionText(computed);
            column.IsPersisted = definition.IsPersisted;
        }
        table.Columns.Add(column);
        session.State(table).ColumnsChanged();

        if (definition.DefaultConstraint is { } d) SetDefault(table, column, d);
        foreach (var constraint in definition.Constraints)
        {
            if (constraint is NullableConstraintDefinition n)
            {
                column.IsNullable = n.Nullable;
                state.NullabilityGiven = true;
            }
            else AddConstraint(table, constraint, column, existingRows);
        }
        if (definition.Index is { } index) AddIndex(table, index, column);
    }

    private void SetDefault(Table table, Column column, DefaultConstraintDefinition definition)
    {
        var state = session.State(column);
        if (state.DefaultName is { } old) session.State(table).DefaultConstraints.Remove(old);
        column.DefaultExpression = script.ExpressionText(definition.Expression);
        var value = LiteralValues.Of(definition.Expression);
        state.Default = value.Kind == ValueKind.Default ? ValueSlot.Unknown : value;
        state.DefaultName = definition.ConstraintIdentifier?.Value;
        if (state.DefaultName is { } name) session.State(table).DefaultConstraints[name] = column;
    }

    private void AddConstraint(Table table, ConstraintDefinition constraint, Column? owner, ConstraintEnforcement existingRows)
    {
        var name = constraint.ConstraintIdentifier?.Value;
        var location = script.Location(constraint);
        switch (constraint)
        {
            case UniqueConstraintDefinition u:
            {
                var columns = Columns(table, u.Columns.Count > 0 ? Fragments.ColumnNames(u.Columns) : [owner!.Name], constraint);
                if (columns is null) return;
                // A primary key is clustered unless it says otherwise (NONCLUSTERED, or NONCLUSTERED HASH on a memory-optimized table).
                bool clustered = u.Clustered ?? (u.IsPrimaryKey && u.IndexType?.IndexTypeKind is not IndexTypeKind.NonClusteredHash);
                var key = new KeyConstraint(name, u.IsPrimaryKey, columns, location) { IsClustered = clustered };
                if (!u.IsPrimaryKey) table.UniqueConstraints.Add(key);
                else if (table.PrimaryKey is { } pk) Error($"table {table.Name} already has a primary key ({pk.Name ?? "declared"} at {pk.Location})", constraint);
                else
                {
                    table.PrimaryKey = key;
                    foreach (var c in columns) table.FindColumn(c)!.IsNullable = false;
                }
                break;
            }
            case ForeignKeyConstraintDefinition f:
            {
                var columns = Columns(table, f.Columns.Count > 0 ? f.Columns.Select(c => c.Value).ToList() : [owner!.Name], constraint);
                if (columns is null) return;
                table.ForeignKeys.Add(new ForeignKey(name, columns, Fragments.Name(f.ReferenceTableName),
                    f.ReferencedTableColumns.Select(c => c.Value).ToList(), location)
                {
                    IsTrusted = existingRows != ConstraintEnforcement.NoCheck,
                });
                break;
            }
            case CheckConstraintDefinition c:
                table.CheckConstraints.Add(new CheckConstraint(name, script.ExpressionText(c.CheckCondition), location));
                break;
            case DefaultConstraintDefinition d:
            {
                var columnName = d.Column?.Value ?? owner?.Name;
                var column = columnName is null ? null : table.FindColumn(columnName);
                if (column is null) Error($"DEFAULT ... FOR names column {columnName}, which {table.Name} does not have", constraint);
                else SetDefault(table, column, d);
                break;
            }
        }
    }

    /// <summary>The table's spelling of each named column, or null (with an error) when one is missing.</summary>
    private List<string>? Columns(Table table, IReadOnlyList<string> names, TSqlFragment at)
    {
        var result = new List<string>(names.Count);
        foreach (var n in names)
        {
            var column = table.FindColumn(n);
            if (column is null)
            {
                Error($"column {n} does not exist in {table.Name}", at);
                return null;
            }
            result.Add(column.Name);
        }
        return result;
    }

    /// <summary>An index inside CREATE TABLE or on a column; only unique ones say anything about the data.</summary>
    private void AddIndex(Table table, IndexDefinition index, Column? owner = null)
    {
        if (!index.Unique) return;
        var columns = Columns(table, index.Columns.Count > 0 ? Fragments.ColumnNames(index.Columns) : [owner!.Name], index);
        if (columns is null) return;
        var filter = index.FilterPredicate is null ? null : script.ExpressionText(index.FilterPredicate);
        table.UniqueIndexes.Add(new UniqueIndex(index.Name?.Value ?? "", columns, filter, script.Location(index)));
    }

    public void CreateIndex(CreateIndexStatement statement)
    {
        if (Fragments.IsTemporary(statement.OnName)) return;
        bool redefines = statement.IndexOptions.OfType<IndexStateOption>()
            .Any(o => o.OptionKind == IndexOptionKind.DropExisting && o.OptionState == OptionState.On);
        var indexName = statement.Name.Value;
        if (!statement.Unique && !redefines)
        {
            // Only unique indexes say anything about the data; others are kept by name for guards to find.
            if (session.Find(Fragments.Name(statement.OnName)) is { } indexed) session.Objects.AddIndex(indexed, indexName);
            return;
        }
        session.OnTable(Fragments.Name(statement.OnName), script.Location(statement), "CREATE UNIQUE INDEX", table =>
        {
            if (redefines)
            {
                // DROP_EXISTING = ON: the index of that name is replaced, and must exist.
                bool isConstraint = (table.PrimaryKey?.Name is { } pk && Identifier.AreEqual(pk, indexName)) ||
                                    table.UniqueConstraints.Any(k => k.Name is not null && Identifier.AreEqual(k.Name, indexName));
                if (isConstraint) return;
                bool dropped = table.UniqueIndexes.RemoveAll(i => Identifier.AreEqual(i.Name, indexName)) > 0;
                dropped |= session.Objects.DropIndex(table, indexName);
                if (!dropped)
                {
                    Error($"CREATE INDEX ... WITH (DROP_EXISTING = ON) names index {indexName}, which {table.Name} does not have", statement);
                    return;
                }
                if (!statement.Unique)
                {
                    session.Objects.AddIndex(table, indexName);
                    return;
                }
            }
            var columns = Columns(table, Fragments.ColumnNames(statement.Columns), statement);
            if (columns is null) return;
            var filter = statement.FilterPredicate is null ? null : script.ExpressionText(statement.FilterPredicate);
            table.UniqueIndexes.Add(new UniqueIndex(indexName, columns, filter, script.Location(statement)));
        });
    }

    public void DropIndex(DropIndexStatement statement)
    {
        foreach (var clause in statement.DropIndexClauses)
        {
            var (tableName, indexName) = clause switch
            {
                DropIndexClause c => (c.Object, c.Index.Value),
                BackwardsCompatibleDropIndexClause b => (b.Index, b.Index.ChildIdentifier?.Value),
                _ => (null, null),
            };
            if (tableName is null || indexName is null) continue;
            if (session.Find(Fragments.Name(tableName)) is { } table)
            {
                table.UniqueIndexes.RemoveAll(i => Identifier.AreEqual(i.Name, indexName));
                session.Objects.DropIndex(table, indexName);
            }
        }
    }

    public void AlterTable(AlterTableStatement statement)
    {
        if (Fragments.IsTemporary(statement.SchemaObjectName)) return;
        var name = Fragments.Name(statement.SchemaObjectName);
        var location = script.Location(statement);
        switch (statement)
        {
            case AlterTableAddTableElementStatement add:
                session.OnTable(name, location, "ALTER TABLE ... ADD", table =>
                {
                    foreach (var column in add.Definition.ColumnDefinitions) AddColumn(table, column, add.ExistingRowsCheckEnforcement);
                    foreach (var constraint in add.Definition.TableConstraints) AddConstraint(table, constraint, null, add.ExistingRowsCheckEnforcement);
                    foreach (var index in add.Definition.Indexes) AddIndex(table, index);
                    CheckComputedColumns(table, add.Definition.ColumnDefinitions);
                });
                break;
            case AlterTableSetStatement set:
                session.OnTable(name, location, "ALTER TABLE ... SET", table =>
                {
                    foreach (var option in set.Options.OfType<SystemVersioningTableOption>()) SystemVersioning(table, option);
                });
                break;
            case AlterTableAlterColumnStatement alter:
                session.OnTable(name, location, "ALTER TABLE ... ALTER COLUMN", table => AlterColumn(table, alter));
                break;
            case AlterTableDropTableElementStatement drop:
                session.OnTable(name, location, "ALTER TABLE ... DROP", table =>
                {
                    foreach (var element in drop.AlterTableDropTableElements) DropElement(table, element);
                });
                break;
            case AlterTableConstraintModificationStatement modify:
                session.OnTable(name, location, "ALTER TABLE ... CHECK CONSTRAINT", table => CheckOrNoCheck(table, modify));
                break;
        }
    }

    private void AlterColumn(Table table, AlterTableAlterColumnStatement alter)
    {
        var column = table.FindColumn(alter.ColumnIdentifier.Value);
        if (column is null)
        {
            Error($"ALTER COLUMN names column {alter.ColumnIdentifier.Value}, which {table.Name} does not have", alter);
            return;
        }
        var state = session.State(column);
        if (alter.DataType is not null)
        {
            var type = TypeMapping.Map(alter.DataType, out var alias);
            if (alter.Collation is not null) type = type with { Collation = alter.Collation.Value };
            column.Type = type;
            state.Alias = alias;
            // A new type without NULL or NOT NULL makes the column nullable (ANSI_NULL_DFLT_ON).
            column.IsNullable = true;
            state.NullabilityGiven = false;
        }
        switch (alter.AlterTableAlterColumnOption)
        {
            case AlterTableAlterColumnOption.Null:
                column.IsNullable = true;
                state.NullabilityGiven = true;
                break;
            case AlterTableAlterColumnOption.NotNull:
                column.IsNullable = false;
                state.NullabilityGiven = true;
                break;
            case AlterTableAlterColumnOption.AddPersisted:
                column.IsPersisted = true;
                break;
            case AlterTableAlterColumnOption.DropPersisted:
                column.IsPersisted = false;
                break;
        }
    }

    private void DropElement(Table table, AlterTableDropTableElement element)
    {
        var name = element.Name.Value;
        switch (element.TableElementType)
        {
            case TableElementType.Column:
            {
                var column = table.FindColumn(name);
                if (column is null)
                {
                    if (!element.IsIfExists) Error($"DROP COLUMN names column {name}, which {table.Name} does not have", element);
                    return;
                }
                var users = ConstraintsUsing(table, column.Name).ToList();
                if (users.Count > 0)
                {
                    Error($"cannot drop column {column.Name} of {table.Name}: {string.Join(", ", users)} uses it (drop that first)", element);
                    return;
                }
                if (session.State(column).DefaultName is { } defaultName) session.State(table).DefaultConstraints.Remove(defaultName);
                table.Columns.Remove(column);
                session.State(table).ColumnsChanged();
                break;
            }
            case TableElementType.Index:
                if (table.UniqueIndexes.RemoveAll(i => Identifier.AreEqual(i.Name, name)) == 0 &&
                    table.UniqueConstraints.RemoveAll(k => k.Name is not null && Identifier.AreEqual(k.Name, name)) == 0 &&
                    !element.IsIfExists)
                {
                    // A non-unique index: not in the model, nothing to do.
                }
                break;
            default:
                if (!DropConstraint(table, name) && !element.IsIfExists)
                    Error($"DROP CONSTRAINT names {name}, which {table.Name} does not have", element);
                break;
        }
    }

    private static IEnumerable<string> ConstraintsUsing(Table table, string column)
    {
        bool Uses(IEnumerable<string> cols) => cols.Any(c => Identifier.AreEqual(c, column));
        if (table.PrimaryKey is { } pk && Uses(pk.Columns)) yield return pk.Name ?? "the primary key";
        foreach (var u in table.UniqueConstraints.Where(u => Uses(u.Columns))) yield return u.Name ?? "a UNIQUE constraint";
        foreach (var i in table.UniqueIndexes.Where(i => Uses(i.Columns))) yield return i.Name;
        foreach (var f in table.ForeignKeys.Where(f => Uses(f.Columns))) yield return f.Name ?? "a FOREIGN KEY";
    }

    private bool DropConstraint(Table table, string name)
    {
        bool Named(string? n) => n is not null && Identifier.AreEqual(n, name);
        if (table.PrimaryKey is { } pk && Named(pk.Name))
        {
            table.PrimaryKey = null;
            return true;
        }
        if (table.UniqueConstraints.RemoveAll(k => Named(k.Name)) > 0) return true;
        if (table.ForeignKeys.RemoveAll(f => Named(f.Name)) > 0) return true;
        if (table.CheckConstraints.RemoveAll(c => Named(c.Name)) > 0) return true;
        var defaults = session.State(table).DefaultConstraints;
        if (defaults.Remove(name, out var column))
        {
            column.DefaultExpression = null;
            var state = session.State(column);
            state.Default = null;
            state.DefaultName = null;
            return true;
        }
        return false;
    }

    /// <summary>NOCHECK CONSTRAINT makes foreign keys untrusted; WITH CHECK CHECK CONSTRAINT makes them trusted again.</summary>
    private static void CheckOrNoCheck(Table table, AlterTableConstraintModificationStatement modify)
    {
        var names = modify.ConstraintNames.Select(n => n.Value).ToList();
        foreach (var fk in table.ForeignKeys)
        {
            if (!modify.All && (fk.Name is null || !names.Any(n => Identifier.AreEqual(n, fk.Name)))) continue;
            if (modify.ConstraintEnforcement == ConstraintEnforcement.NoCheck) fk.IsTrusted = false;
            else if (modify.ExistingRowsCheckEnforcement == ConstraintEnforcement.Check) fk.IsTrusted = true;
        }
    }

    public void DropTable(DropTableStatement statement)
    {
        foreach (var objectName in statement.Objects)
        {
            if (Fragments.IsTemporary(objectName)) continue;
            if (session.Find(Fragments.Name(objectName)) is { } table) Model.Remove(table.Name);
        }
    }

    /// <summary>CREATE TYPE name FROM base [NULL | NOT NULL].</summary>
    public void CreateType(CreateTypeUddtStatement statement)
    {
        var baseType = TypeMapping.Map(statement.DataType, out var nested);
        if (nested is not null)
        {
            Error($"type {Fragments.Name(statement.Name)} is based on {nested}, which is not a system type", statement);
            return;
        }
        AddAlias(Fragments.Name(statement.Name), baseType, statement.NullableConstraint?.Nullable, statement);
    }

    private void AddAlias(QualifiedName name, SqlType baseType, bool? nullable, TSqlFragment at)
    {
        var alias = new AliasType(name, baseType, nullable, script.Location(at));
        if (Model.AliasTypes.TryGetValue(name, out var existing) && (existing.BaseType != baseType || existing.Nullable != nullable))
            session.Diagnostics.Warning($"type {name} is created again with another definition (first at {existing.Location}); the later one is used",
                alias.Location);
        Model.AliasTypes[name] = alias;
    }

    /// <summary>EXEC sp_addtype and sp_rename; other procedures change nothing the model holds.</summary>
    public void Execute(ExecuteStatement statement)
    {
        if (statement.ExecuteSpecification?.ExecutableEntity is not ExecutableProcedureReference { ProcedureReference.ProcedureReference: { } procedure } call)
            return;
        var args = Arguments(call.Parameters);
        switch (procedure.Name.BaseIdentifier.Value.ToLowerInvariant())
        {
            case "sp_addtype":
                AddType(args, statement);
                break;
            case "sp_rename":
                Rename(args, statement);
                break;
        }
    }

    /// <summary>Whether an EXEC calls one of the procedures <see cref="Execute"/> applies.</summary>
    public static bool ChangesModel(ExecuteStatement statement) =>
        statement.ExecuteSpecification?.ExecutableEntity is ExecutableProcedureReference { ProcedureReference.ProcedureReference: { } procedure } &&
        procedure.Name.BaseIdentifier.Value.ToLowerInvariant() is "sp_addtype" or "sp_rename";

    /// <summary>Arguments by position, with @name = value ones put in the procedure's parameter order.</summary>
    private static Dictionary<string, string?> Arguments(IList<ExecuteParameter> parameters)
    {
        var args = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var value = p.ParameterValue switch
            {
                Literal l => l.Value,
                ColumnReferenceExpression c => string.Join(".", c.MultiPartIdentifier.Identifiers.Select(x => x.Value)),
                _ => null,
            };
            args[p.Variable?.Name.TrimStart('@') ?? "#" + i.ToString(CultureInfo.InvariantCulture)] = value;
        }
        return args;
    }

    private static string? Argument(Dictionary<string, string?> args, int position, string name) =>
        args.TryGetValue(name, out var v) || args.TryGetValue("#" + position.ToString(CultureInfo.InvariantCulture), out v) ? v : null;

    /// <summary>EXEC sp_addtype name, 'base type', 'NULL' | 'NOT NULL'.</summary>
    private void AddType(Dictionary<string, string?> args, ExecuteStatement at)
    {
        var name = Argument(args, 0, "typename");
        var physical = Argument(args, 1, "phystype");
        var nullType = Argument(args, 2, "nulltype");
        if (name is null || physical is null)
        {
            Error("sp_addtype needs a type name and a base type", at);
            return;
        }
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        var reference = parser.ParseScalarDataType(new StringReader(physical), out var errors);
        if (reference is null || errors.Count > 0)
        {
            Error($"sp_addtype: '{physical}' is not a type", at);
            return;
        }
        var baseType = TypeMapping.Map(reference, out _);
        bool? nullable = nullType?.Trim().ToUpperInvariant() switch
        {
            "NULL" => true,
            "NOT NULL" or "NONULL" => false,
            _ => null,
        };
        AddAlias(QualifiedName.Parse(name), baseType, nullable, at);
    }

    /// <summary>EXEC sp_rename 'table.column', 'new', 'COLUMN' and sp_rename 'table', 'new'.</summary>
    private void Rename(Dictionary<string, string?> args, ExecuteStatement at)
    {
        var objectName = Argument(args, 0, "objname");
        var newName = Argument(args, 1, "newname");
        var kind = Argument(args, 2, "objtype")?.Trim().ToUpperInvariant();
        if (objectName is null || newName is null) return;
        var parts = Identifier.SplitMultipart(objectName);
        newName = Identifier.Unquote(newName);
        if (kind == "COLUMN" && parts.Count >= 2)
        {
            var tableName = new QualifiedName(parts.Count >= 3 ? parts[^3] : QualifiedName.DefaultSchema, parts[^2]);
            session.OnTable(tableName, script.Location(at), "sp_rename", table => RenameColumn(table, parts[^1], newName, at));
        }
        else if (kind is null or "OBJECT" && parts.Count >= 1)
        {
            var tableName = new QualifiedName(parts.Count >= 2 ? parts[^2] : QualifiedName.DefaultSchema, parts[^1]);
            if (session.Find(tableName) is { } table) RenameTable(table, newName);
        }
    }

    private void RenameColumn(Table table, string oldName, string newName, TSqlFragment at)
    {
        var column = table.FindColumn(oldName);
        if (column is null)
        {
            Error($"sp_rename names column {oldName}, which {table.Name} does not have", at);
            return;
        }
        oldName = column.Name;
        column.Name = newName;
        session.State(table).ColumnsChanged();
        List<string> Renamed(IEnumerable<string> cols) => cols.Select(c => Identifier.AreEqual(c, oldName) ? newName : c).ToList();
        if (table.PrimaryKey is { } pk) pk.Columns = Renamed(pk.Columns);
        foreach (var k in table.UniqueConstraints) k.Columns = Renamed(k.Columns);
        foreach (var i in table.UniqueIndexes) i.Columns = Renamed(i.Columns);
        foreach (var f in table.ForeignKeys) f.Columns = Renamed(f.Columns);
        foreach (var other in Model.Tables)
            foreach (var f in other.ForeignKeys)
                if (session.Find(f.ReferencedTable) == table) f.ReferencedColumns = Renamed(f.ReferencedColumns);
    }

    private void RenameTable(Table table, string newName)
    {
        var old = table.Name;
        var renamed = old with { Name = newName };
        Model.Remove(old);
        table.Name = renamed;
        Model.Add(table);
        foreach (var other in Model.Tables)
            for (int i = 0; i < other.ForeignKeys.Count; i++)
            {
                var f = other.ForeignKeys[i];
                if (!f.ReferencedTable.Equals(old)) continue;
                other.ForeignKeys[i] = new ForeignKey(f.Name, f.Columns, renamed, f.ReferencedColumns, f.Location) { IsTrusted = f.IsTrusted };
            }
    }
}
