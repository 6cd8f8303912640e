using Dapper;
using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// A <see cref="SchemaModel"/> from a live database: its tables, columns, keys, unique indexes and foreign
/// keys from the catalog, and a bounded sample of each table's rows, dictionary-encoded with the same
/// <see cref="ValueSemantics"/> as rows read from scripts. Each object's location names it:
/// postgres://host:port/db/schema.table or mssql://server/db/schema.table, line 1.
/// </summary>
internal static class LiveModelLoader
{
    /// <param name="progress">Told the table about to be sampled, its number and the number of tables (for a terminal).</param>
    public static SchemaModel Load(LiveDatabase db, LiveSettings settings, DiagnosticBag diagnostics,
        Action<QualifiedName, int, int>? progress = null)
    {
        var dialect = db.Dialect;
        var tables = db.Query(dialect.TablesQuery, "reading the list of tables",
            static (c, sql, tx, timeout) => c.Query<CatalogTable>(sql, transaction: tx, commandTimeout: timeout))
            .Where(t => settings.Filter.Matches(t.Schema, t.Name))
            .ToList();
        if (tables.Count == 0)
        {
            if (!settings.Filter.IsEmpty)
                throw new LiveDatabaseException($"no table of the {db.Target.Describe()} matches {settings.Filter.Describe()}");
            diagnostics.Warning($"the {db.Target.Describe()} has no tables that this login can see");
            return new SchemaModel();
        }
        var denied = tables.Where(t => !t.CanSelect).Select(t => $"{t.Schema}.{t.Name}").ToList();
        if (denied.Count > 0)
            throw new LiveDatabaseException(
                $"permission denied: the login cannot SELECT from {Few(denied)} in the {db.Target.Describe()}; grant SELECT, or leave {(denied.Count == 1 ? "it" : "them")} out with --table or --schema");

        var columns = Group(db.Query(dialect.ColumnsQuery, "reading the columns",
            static (c, sql, tx, timeout) => c.Query<CatalogColumn>(sql, transaction: tx, commandTimeout: timeout)), c => (c.Schema, c.Table));
        var keys = Group(db.Query(dialect.KeysQuery, "reading the keys and unique indexes",
            static (c, sql, tx, timeout) => c.Query<CatalogKeyColumn>(sql, transaction: tx, commandTimeout: timeout)), k => (k.Schema, k.Table));
        var foreignKeys = Group(db.Query(dialect.ForeignKeysQuery, "reading the foreign keys",
            static (c, sql, tx, timeout) => c.Query<CatalogForeignKeyColumn>(sql, transaction: tx, commandTimeout: timeout)), f => (f.Schema, f.Table));

        // SQL Server: a column without its own collation compares as the database's default does.
        bool caseSensitiveDefault = db.DefaultCollation is { } dc &&
            (dc.Contains("_CS", StringComparison.OrdinalIgnoreCase) || dc.Contains("_BIN", StringComparison.OrdinalIgnoreCase));
        var model = new SchemaModel();
        int number = 0;
        foreach (var t in tables)
        {
            number++;
            var location = new SourceLocation(db.Target.ObjectUri(t.Schema, t.Name), 1, 1);
            var name = new QualifiedName(t.Schema, t.Name);
            if (model.Find(name) is not null)
            {
                diagnostics.Warning($"{t.Schema}.{t.Name} differs from another table only in letter case; SchemaNorm compares names as SQL Server does and leaves it out", location);
                continue;
            }
            var tableColumns = (columns.GetValueOrDefault((t.Schema, t.Name)) ?? []).OrderBy(c => c.Ordinal).ToList();
            var table = BuildTable(db, name, location, tableColumns,
                keys.GetValueOrDefault((t.Schema, t.Name)) ?? [], foreignKeys.GetValueOrDefault((t.Schema, t.Name)) ?? [], diagnostics);
            if (table is null) continue;
            if (settings.SampleRows > 0 && table.Columns.Count > 0)
            {
                progress?.Invoke(name, number, tables.Count);
                var semantics = tableColumns.Select((c, i) => dialect.Semantics(c, table.Columns[i].Type, caseSensitiveDefault)).ToList();
                table.Data = Sample(db, table, semantics, settings.SampleRows, t.EstimatedRows);
            }
            model.Add(table);
        }
        return model;
    }

    private static Table? BuildTable(LiveDatabase db, QualifiedName name, SourceLocation location,
        List<CatalogColumn> columns, List<CatalogKeyColumn> keys, List<CatalogForeignKeyColumn> foreignKeys, DiagnosticBag diagnostics)
    {
        var table = new Table(name, location);
        foreach (var c in columns)
        {
            var type = db.Dialect.MapType(c);
            // SQL Server: a collation other than the database's is kept, as a COLLATE clause in a script would be.
            if (db.Provider == DatabaseProvider.SqlServer && c.Collation is { } collation &&
                !string.Equals(collation, db.DefaultCollation, StringComparison.OrdinalIgnoreCase))
                type = type with { Collation = collation };
            if (table.FindColumn(c.Name) is not null)
            {
                diagnostics.Warning($"{name} has columns whose names differ only in letter case; SchemaNorm compares names as SQL Server does and leaves the table out", location);
                return null;
            }
            table.Columns.Add(new Column(c.Name, type, location)
            {
                IsNullable = c.IsNullable,
                IsIdentity = c.IsIdentity,
                IdentitySeed = c.IdentitySeed ?? 1,
                IdentityIncrement = c.IdentityIncrement ?? 1,
                DefaultExpression = c.IsIdentity ? null : c.DefaultExpression,
                ComputedExpression = c.ComputedExpression,
                IsPersisted = c.IsPersisted,
            });
        }

        foreach (var key in keys.GroupBy(k => (k.Name, k.Kind)))
        {
            var first = key.First();
            if (key.Any(k => k.Column is null))
            {
                diagnostics.Info($"the unique index {first.Name} on {name} is over an expression, not columns; it is left out", location);
                continue;
            }
            var keyColumns = key.OrderBy(k => k.Ordinal).Select(k => k.Column!).ToList();
            switch (first.Kind)
            {
                case "p":
                    table.PrimaryKey = new KeyConstraint(first.Name, true, keyColumns, location) { IsClustered = first.IsClustered };
                    break;
                case "u":
                    table.UniqueConstraints.Add(new KeyConstraint(first.Name, false, keyColumns, location) { IsClustered = first.IsClustered });
                    break;
                default:
                    table.UniqueIndexes.Add(new UniqueIndex(first.Name, keyColumns, string.IsNullOrWhiteSpace(first.Filter) ? null : first.Filter, location));
                    break;
            }
        }

        foreach (var fk in foreignKeys.GroupBy(f => f.Name))
        {
            var pairs = fk.OrderBy(f => f.Ordinal).ToList();
            var first = pairs[0];
            table.ForeignKeys.Add(new ForeignKey(first.Name, pairs.Select(p => p.Column).ToList(),
                new QualifiedName(first.RefSchema, first.RefTable), pairs.Select(p => p.RefColumn).ToList(), location)
            {
                IsTrusted = first.IsTrusted,
            });
        }
        return table;
    }

    /// <summary>
    /// The first <paramref name="rows"/> rows in primary-key order (or by the first unfiltered unique key;
    /// in the server's order when there is none): the same rows on every run while the table does not change.
    /// A dependency that holds in the table holds in any sample of it, so a sample can only suggest too much;
    /// the full-table check (<see cref="LiveDependencyCheck"/>) settles what it suggests.
    /// </summary>
    internal static TableData? Sample(LiveDatabase db, Table table, IReadOnlyList<ValueSemantics> semantics, int rows, long? estimatedRows)
    {
        var dialect = db.Dialect;
        var sql = SampleStatement(dialect, table);
        var order = OrderColumns(table);

        var builder = new TableDataBuilder(table.ColumnNames, semantics);
        int n = table.Columns.Count;
        db.Read(sql, [("@rows", rows)], $"sampling {table.Name}", reader =>
        {
            for (int i = 0; i < n; i++) builder.Add(dialect.ReadText(reader, i));
            builder.EndRow();
        });
        if (builder.RowCount == 0) return null;
        var of = estimatedRows is long e && e > builder.RowCount ? $" of about {e.ToString("N0", CultureInfo.InvariantCulture)}" : "";
        var by = order is null ? "" : $" by {(table.PrimaryKey is not null ? "primary key" : "unique key")}";
        builder.Origin = $"the first {builder.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows{by}{of} of {table.Location.File}";
        return builder.Build();
    }

    /// <summary>SELECT of every column, limited to @rows, in key order.</summary>
    internal static string SampleStatement(SqlDialect dialect, Table table)
    {
        var select = SqlText.List(table.Columns.Select(c => dialect.ValueExpression(c.Type, dialect.Quote(c.Name))));
        var order = OrderColumns(table);
        return dialect.Limited(select, dialect.Table(table), order is null ? null : SqlText.List(order.Select(dialect.Quote)), "@rows");
    }

    private static IReadOnlyList<string>? OrderColumns(Table table) =>
        table.PrimaryKey?.Columns
        ?? table.UniqueConstraints.FirstOrDefault()?.Columns
        ?? table.UniqueIndexes.FirstOrDefault(i => !i.IsFiltered)?.Columns;

    private static Dictionary<(string, string), List<T>> Group<T>(List<T> rows, Func<T, (string, string)> key)
    {
        var result = new Dictionary<(string, string), List<T>>();
        foreach (var row in rows)
        {
            var k = key(row);
            if (!result.TryGetValue(k, out var list)) result[k] = list = [];
            list.Add(row);
        }
        return result;
    }

    private static string Few(List<string> names) =>
        names.Count <= 3 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))} and {names.Count - 3} more";
}
