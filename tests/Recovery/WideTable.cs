using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Recovery;

/// <summary>A column of a wide table: its name there, the copy of the source table it comes from, its type.</summary>
public sealed record WideColumn(string Name, string Copy, QualifiedName SourceTable, string SourceColumn, SqlType Type, bool IsNullable);

/// <summary>
/// One original table as it should come back out of a wide table, in the wide table's column names.
/// <paramref name="Copy"/> names the copy (the table's singular name, or its role when the table is reached
/// along several paths, e.g. BillToAddress). <paramref name="DesignedSplits"/> are the dependencies the
/// source schema itself declares inside the table (annotations), which a proposal may split it on.
/// </summary>
public sealed record ExpectedTable(
    string Copy,
    QualifiedName SourceTable,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Key,
    IReadOnlyList<(IReadOnlyList<string> Lhs, IReadOnlyList<string> Rhs)> DesignedSplits);

/// <summary>
/// A denormalized table: a child table joined with all its ancestors along the declared foreign keys.
/// Rows are produced on demand, one at a time, so that a large one is never held as strings.
/// </summary>
public sealed class WideTable(string name, IReadOnlyList<WideColumn> columns, IReadOnlyList<string> key,
    IReadOnlyList<ExpectedTable> expected, int rowCount, Func<IEnumerable<string?[]>> rows)
{
    /// <summary>The table's name, also its file name (Name.sql, Name.csv).</summary>
    public string Name { get; } = name;
    public IReadOnlyList<WideColumn> Columns { get; } = columns;

    /// <summary>The child table's primary key, in wide column names: the wide table's key.</summary>
    public IReadOnlyList<string> Key { get; } = key;

    /// <summary>The original tables, the child (root) first.</summary>
    public IReadOnlyList<ExpectedTable> Expected { get; } = expected;
    public int RowCount { get; } = rowCount;

    /// <summary>The rows, in the child table's order; the array is reused between rows.</summary>
    public IEnumerable<string?[]> Rows() => rows();

    public override string ToString() => $"{Name} ({RowCount:N0} x {Columns.Count})";
}
