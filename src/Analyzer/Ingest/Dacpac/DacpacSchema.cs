using System.Globalization;
using Microsoft.SqlServer.Dac.Model;
using SchemaNorm.Analyzer.Ingest.TSql;
using SchemaNorm.Analyzer.Model;
using ModelColumn = SchemaNorm.Analyzer.Model.Column;
using ModelTable = SchemaNorm.Analyzer.Model.Table;
using ModelCheckConstraint = SchemaNorm.Analyzer.Model.CheckConstraint;
using ModelForeignKey = SchemaNorm.Analyzer.Model.ForeignKey;
using DacIndex = Microsoft.SqlServer.Dac.Model.Index;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// Builds the tables of a package's model (DacFx's <see cref="TSqlModel"/>) into the ingest's model, as the
/// script ingest builds them from the CREATE TABLE, ALTER TABLE and CREATE INDEX statements the package was
/// built from: columns with their types, nullability, identity, defaults and computed expressions; the
/// primary key, UNIQUE constraints, unique indexes (filtered ones with their filter), foreign keys and
/// CHECK constraints; temporal history tables and graph tables as SQL Server makes them. Indexes on views
/// and non-unique indexes say nothing about a table's data and are left out, as in scripts.
/// <para>
/// A package keeps no source positions (DacFx gives positions only for objects it was given as script
/// text, not for those it loads from a package), so everything is located at the package itself.
/// </para>
/// </summary>
internal sealed class DacpacSchema(IngestSession session, DacpacPackage package)
{
    private SourceLocation At { get; } = new(package.Path, 1, 1);

    public void Read(TSqlModel model)
    {
        var tables = new List<(TSqlObject source, ModelTable table)>();
        foreach (var source in model.GetObjects(DacQueryScopes.UserDefined, Microsoft.SqlServer.Dac.Model.Table.TypeClass)
                     .OrderBy(t => NameOf(t).Schema, StringComparer.OrdinalIgnoreCase).ThenBy(t => NameOf(t).Name, StringComparer.OrdinalIgnoreCase))
        {
            var name = NameOf(source);
            if (session.Find(name) is { } existing && existing.Name.Equals(name))
            {
                session.Diagnostics.Error($"table {name} is defined twice (first at {existing.Location})", At);
                continue;
            }
            var table = new ModelTable(name, At);
            bool node = source.GetProperty<bool>(Microsoft.SqlServer.Dac.Model.Table.IsNode);
            bool edge = source.GetProperty<bool>(Microsoft.SqlServer.Dac.Model.Table.IsEdge);
            // The graph pseudo columns as the script ingest makes them (the model has its own spelling of them).
            if (node || edge) GraphTables.AddPseudoColumns(table, edge);
            foreach (var column in source.GetReferenced(Microsoft.SqlServer.Dac.Model.Table.Columns))
                if (!IsGraphColumn(column)) AddColumn(table, column);
            session.Model.Add(table);
            session.TableCreated(table);
            tables.Add((source, table));
        }
        foreach (var (source, table) in tables)
        {
            foreach (var history in source.GetReferenced(Microsoft.SqlServer.Dac.Model.Table.TemporalSystemVersioningHistoryTable))
                if (session.Find(NameOf(history)) is { } h) h.Kind = TableKind.TemporalHistory;
            AddConstraints(source, table);
        }
    }

    private static bool IsGraphColumn(TSqlObject column) =>
        column.GetProperty<int>(Microsoft.SqlServer.Dac.Model.Column.GraphType) != 0;

    private void AddColumn(ModelTable table, TSqlObject source)
    {
        var name = LastPart(source);
        var column = new ModelColumn(name, DacpacTypes.Of(source), At)
        {
            IsNullable = source.GetProperty<bool>(Microsoft.SqlServer.Dac.Model.Column.Nullable),
        };
        if (source.GetProperty<bool>(Microsoft.SqlServer.Dac.Model.Column.IsIdentity))
        {
            column.IsIdentity = true;
            column.IsNullable = false;
            column.IdentitySeed = Number(source.GetProperty<string>(Microsoft.SqlServer.Dac.Model.Column.IdentitySeed)) ?? 1;
            column.IdentityIncrement = Number(source.GetProperty<string>(Microsoft.SqlServer.Dac.Model.Column.IdentityIncrement)) ?? 1;
        }
        if (source.GetMetadata<ColumnType>(Microsoft.SqlServer.Dac.Model.Column.ColumnType) == ColumnType.ComputedColumn)
        {
            column.ComputedExpression = DacpacExpressions.Scalar(Script(source, Microsoft.SqlServer.Dac.Model.Column.Expression));
            column.IsPersisted = source.GetProperty<bool>(Microsoft.SqlServer.Dac.Model.Column.Persisted);
        }
        table.Columns.Add(column);
        session.State(table).ColumnsChanged();
    }

    private void AddConstraints(TSqlObject source, ModelTable table)
    {
        foreach (var d in source.GetReferencing(DefaultConstraint.Host))
        {
            var target = d.GetReferenced(DefaultConstraint.TargetColumn).FirstOrDefault();
            if (target is null || table.FindColumn(LastPart(target)) is not { } column) continue;
            column.DefaultExpression = DacpacExpressions.Scalar(Script(d, DefaultConstraint.Expression), out var value);
            var state = session.State(column);
            state.Default = value;
            state.DefaultName = ConstraintName(d);
            if (state.DefaultName is { } defaultName) session.State(table).DefaultConstraints[defaultName] = column;
        }

        foreach (var pk in InColumnOrder(table, source.GetReferencing(PrimaryKeyConstraint.Host), PrimaryKeyConstraint.Columns))
        {
            if (Columns(table, pk.GetReferenced(PrimaryKeyConstraint.Columns)) is not { } columns) continue;
            table.PrimaryKey = new KeyConstraint(ConstraintName(pk), isPrimaryKey: true, columns, At)
            {
                IsClustered = pk.GetProperty<bool>(PrimaryKeyConstraint.Clustered),
            };
            foreach (var c in columns) table.FindColumn(c)!.IsNullable = false;
        }
        foreach (var unique in InColumnOrder(table, source.GetReferencing(UniqueConstraint.Host), UniqueConstraint.Columns))
        {
            if (Columns(table, unique.GetReferenced(UniqueConstraint.Columns)) is not { } columns) continue;
            table.UniqueConstraints.Add(new KeyConstraint(ConstraintName(unique), isPrimaryKey: false, columns, At)
            {
                IsClustered = unique.GetProperty<bool>(UniqueConstraint.Clustered),
            });
        }
        foreach (var index in InColumnOrder(table, source.GetReferencing(DacIndex.IndexedObject), DacIndex.Columns))
        {
            if (!index.GetProperty<bool>(DacIndex.Unique) || Columns(table, index.GetReferenced(DacIndex.Columns)) is not { } columns) continue;
            var filter = Script(index, DacIndex.FilterPredicate) is { Length: > 0 } f ? DacpacExpressions.Condition(f) : null;
            table.UniqueIndexes.Add(new UniqueIndex(ConstraintName(index) ?? "", columns, filter, At));
        }
        foreach (var fk in InColumnOrder(table, source.GetReferencing(ForeignKeyConstraint.Host), ForeignKeyConstraint.Columns))
        {
            if (Columns(table, fk.GetReferenced(ForeignKeyConstraint.Columns)) is not { } columns) continue;
            // A referenced table from another package is not in this model: its name is still known.
            var referenced = fk.GetReferencedRelationshipInstances(ForeignKeyConstraint.ForeignTable, DacQueryScopes.All).FirstOrDefault();
            if (referenced is null) continue;
            var referencedColumns = fk.GetReferencedRelationshipInstances(ForeignKeyConstraint.ForeignColumns, DacQueryScopes.All)
                .Select(r => r.ObjectName.Parts[^1]).ToList();
            table.ForeignKeys.Add(new ModelForeignKey(ConstraintName(fk), columns, NameOf(referenced.ObjectName), referencedColumns, At)
            {
                // NOCHECK CONSTRAINT: the database does not check it, so rows may break it.
                IsTrusted = !fk.GetProperty<bool>(ForeignKeyConstraint.Disabled),
            });
        }
        foreach (var check in source.GetReferencing(Microsoft.SqlServer.Dac.Model.CheckConstraint.Host)
                     .OrderBy(c => ConstraintName(c) ?? "", StringComparer.OrdinalIgnoreCase))
        {
            var expression = Script(check, Microsoft.SqlServer.Dac.Model.CheckConstraint.Expression);
            table.CheckConstraints.Add(new ModelCheckConstraint(ConstraintName(check), DacpacExpressions.Condition(expression), At));
        }
    }

    /// <summary>
    /// A package keeps no order of statements: constraints come by the position of their first column in
    /// the table, then by name, so that runs and machines list them alike.
    /// </summary>
    private static IEnumerable<TSqlObject> InColumnOrder(ModelTable table, IEnumerable<TSqlObject> constraints, ModelRelationshipClass columns) =>
        constraints
            .Select(c => (c, first: c.GetReferenced(columns).Select(col => table.IndexOf(LastPart(col))).DefaultIfEmpty(int.MaxValue).First()))
            .OrderBy(x => x.first)
            .ThenBy(x => ConstraintName(x.c) ?? "", StringComparer.OrdinalIgnoreCase)
            .Select(x => x.c);

    /// <summary>The table's spelling of each column, or null (with an error) when one is not the table's.</summary>
    private List<string>? Columns(ModelTable table, IEnumerable<TSqlObject> columns)
    {
        var result = new List<string>();
        foreach (var c in columns)
        {
            var name = LastPart(c);
            if (table.FindColumn(name) is not { } column)
            {
                session.Diagnostics.Error($"the package names column {name}, which {table.Name} does not have", At);
                return null;
            }
            result.Add(column.Name);
        }
        return result;
    }

    /// <summary>An expression's script text (the model keeps some as text, some as script objects that print as their text).</summary>
    private static string Script(TSqlObject o, ModelPropertyClass property) => o.GetProperty(property)?.ToString() ?? "";

    /// <summary>A constraint's or index's own name; null when the script left it unnamed.</summary>
    private static string? ConstraintName(TSqlObject o) => o.Name.HasName ? o.Name.Parts[^1] : null;

    private static string LastPart(TSqlObject o) => o.Name.Parts[^1];

    private static QualifiedName NameOf(TSqlObject o) => NameOf(o.Name);

    private static QualifiedName NameOf(ObjectIdentifier name) =>
        name.Parts.Count >= 2 ? new QualifiedName(name.Parts[^2], name.Parts[^1]) : new QualifiedName(QualifiedName.DefaultSchema, name.Parts[^1]);

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
