using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// SQL Server's columns-per-table limits: 1,024, or 30,000 in a wide table (one with a column set for its
/// sparse columns). A script past them would not run, and every later stage costs at least a pass per
/// column, so such a table is an error at the first column past the limit and is not read.
/// </summary>
internal static class ColumnLimits
{
    public const int MaxColumns = 1_024;
    public const int MaxWideTableColumns = 30_000;

    /// <summary>The first column past the limit and the message, or null when the CREATE TABLE is within it.</summary>
    public static (ColumnDefinition column, string message)? Check(CreateTableStatement statement)
    {
        var columns = statement.Definition?.ColumnDefinitions;
        if (columns is null || columns.Count <= MaxColumns) return null;
        int limit = HasColumnSet(columns) ? MaxWideTableColumns : MaxColumns;
        return columns.Count <= limit ? null : (columns[limit], Message(Fragments.Name(statement.SchemaObjectName), columns.Count, limit));
    }

    /// <summary>The same for columns that ALTER TABLE ... ADD puts into a table that has <paramref name="existing"/> columns.</summary>
    public static (ColumnDefinition column, string message)? Check(AlterTableAddTableElementStatement statement, int existing)
    {
        var columns = statement.Definition?.ColumnDefinitions;
        if (columns is null || existing + columns.Count <= MaxColumns) return null;
        // A table already past 1,024 columns got there as a wide table.
        int limit = existing > MaxColumns || HasColumnSet(columns) ? MaxWideTableColumns : MaxColumns;
        return existing + columns.Count <= limit
            ? null
            : (columns[Math.Max(0, limit - existing)], Message(Fragments.Name(statement.SchemaObjectName), existing + columns.Count, limit));
    }

    private static bool HasColumnSet(IList<ColumnDefinition> columns) =>
        columns.Any(c => c.StorageOptions?.SparseOption == SparseColumnOption.ColumnSetForAllSparseColumns);

    private static string Message(QualifiedName table, int count, int limit) =>
        $"{table} has {count:N0} columns, more than the {limit:N0} SQL Server allows in a {(limit == MaxColumns ? "table (30,000 in a wide table, one with a sparse column set)" : "wide table")}: the table is not read";
}
