using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>
/// Tables of a model as a PostgreSQL script: CREATE TABLE with the migration's type mapping, keys and
/// unique constraints, INSERTs of the sample rows, then the foreign keys among them. It builds in
/// PostgreSQL the tables a T-SQL script declares, so that a PostgreSQL migration of them can be run (the
/// tests do), or a design can be tried out on PostgreSQL.
/// <para>
/// Sample values are written as the model holds them: values equal under the column's comparison (for
/// text, SQL Server's case-insensitive one by default) share the spelling read first.
/// </para>
/// </summary>
public static class PostgresSchemaScript
{
    private const int RowsPerInsert = 500;

    /// <exception cref="PostgresMigrationException">A column type, computed column or name PostgreSQL cannot take as it is.</exception>
    public static string Write(IReadOnlyList<Table> tables, PostgresNames? names = null)
    {
        names ??= new PostgresNames();
        var text = new System.Text.StringBuilder();
        foreach (var schema in tables.Select(t => names.Schema(t.Name.Schema)).Distinct(StringComparer.Ordinal).Where(s => s != "public"))
            text.Append($"CREATE SCHEMA IF NOT EXISTS {PostgresNames.Quote(schema)};\n");
        foreach (var t in tables) text.Append(CreateTable(t, names)).Append('\n');
        foreach (var t in tables) text.Append(Rows(t, names));
        foreach (var t in tables)
            foreach (var fk in t.ForeignKeys)
            {
                var referenced = tables.FirstOrDefault(r => r.Name.Equals(fk.ReferencedTable));
                if (referenced is null) continue;
                var refColumns = fk.ReferencedColumns.Count > 0 ? fk.ReferencedColumns : referenced.PrimaryKey?.Columns ?? [];
                text.Append($"ALTER TABLE {names.Qualified(Name(t))} ADD {Constraint(fk.Name)}FOREIGN KEY ({Columns(t, fk.Columns)}) ")
                    .Append($"REFERENCES {names.Qualified(Name(referenced))} ({Columns(referenced, refColumns)});\n");
            }
        return text.ToString();
    }

    /// <summary>CREATE TABLE for one table, with its primary key, unique constraints and unfiltered unique indexes.</summary>
    public static string CreateTable(Table t, PostgresNames names)
    {
        var label = names.Display(Name(t));
        var lines = t.Columns.Select(c => PostgresColumns.Definition(PlanColumn.From(c), label, notes: null)).ToList();
        if (t.PrimaryKey is { } pk) lines.Add($"{Constraint(pk.Name)}PRIMARY KEY ({Columns(t, pk.Columns)})");
        foreach (var u in t.UniqueConstraints) lines.Add($"{Constraint(u.Name)}UNIQUE ({Columns(t, u.Columns)})");
        foreach (var i in t.UniqueIndexes.Where(i => !i.IsFiltered)) lines.Add($"{Constraint(i.Name)}UNIQUE ({Columns(t, i.Columns)})");
        return $"CREATE TABLE {names.Qualified(Name(t))} (\n{string.Join(",\n", lines.Select(l => "    " + l))}\n);\n";
    }

    /// <summary>INSERT ... VALUES of the table's sample rows (none without them), and its identity moved past them.</summary>
    public static string Rows(Table t, PostgresNames names)
    {
        if (t.Data is not { RowCount: > 0 } data) return "";
        var columns = Enumerable.Range(0, t.Columns.Count)
            .Where(c => !data.UnobservedColumns.Contains(c) && !t.Columns[c].IsComputed && PlanColumn.From(t.Columns[c]) is { DatabaseGenerated: false })
            .ToList();
        var identity = columns.Select(c => t.Columns[c]).FirstOrDefault(c => c.IsIdentity);
        var head = $"INSERT INTO {names.Qualified(Name(t))} ({string.Join(", ", columns.Select(c => PostgresNames.Quote(t.Columns[c].Name)))})" +
                   (identity is null ? "" : " OVERRIDING SYSTEM VALUE") + " VALUES\n";
        var text = new System.Text.StringBuilder();
        for (int start = 0; start < data.RowCount; start += RowsPerInsert)
        {
            var rows = Enumerable.Range(start, Math.Min(RowsPerInsert, data.RowCount - start))
                .Select(r => "    (" + string.Join(", ", columns.Select(c => Value(data.Value(r, c), t.Columns[c].Type))) + ")");
            text.Append(head).Append(string.Join(",\n", rows)).Append(";\n");
        }
        if (identity is not null) text.Append($"SELECT {PostgresColumns.ContinueIdentity(names, Name(t), PlanColumn.From(identity))};\n");
        return text.ToString();
    }

    /// <summary>A sample value as a literal PostgreSQL converts to the column's type (binary: T-SQL's 0x... as bytea's \x...).</summary>
    private static string Value(string? value, SqlType type)
    {
        if (value is null) return "NULL";
        if (type.Category == TypeCategory.Binary && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return PostgresNames.Literal("\\x" + value[2..]);
        return PostgresNames.Literal(value);
    }

    private static ObjectName Name(Table t) => ObjectName.Of(t.Name);


    private static string Constraint(string? name) => name is null ? "" : $"CONSTRAINT {PostgresNames.QuoteConstraint(name)} ";

    /// <summary>Column names as the table declares them (a T-SQL script may spell a reference in another letter case).</summary>
    private static string Columns(Table t, IEnumerable<string> columns) =>
        string.Join(", ", columns.Select(c => PostgresNames.Quote(t.FindColumn(c)?.Name ?? Identifier.Unquote(c))));
}
