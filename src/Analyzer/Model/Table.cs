using SchemaNorm.Analyzer.Data;

namespace SchemaNorm.Analyzer.Model;

/// <summary>
/// A table as the scripts leave it (their end state), with its sample rows when any were read.
/// Column positions in <see cref="Columns"/> are the attribute numbers used by the dependency algebra.
/// </summary>
public sealed class Table(QualifiedName name, SourceLocation location)
{
    public QualifiedName Name { get; set; } = name;
    public SourceLocation Location { get; set; } = location;
    public List<Column> Columns { get; } = [];
    public KeyConstraint? PrimaryKey { get; set; }
    public List<KeyConstraint> UniqueConstraints { get; } = [];
    public List<UniqueIndex> UniqueIndexes { get; } = [];
    public List<ForeignKey> ForeignKeys { get; } = [];
    public List<CheckConstraint> CheckConstraints { get; } = [];
    public List<DependencyAnnotation> Annotations { get; } = [];

    /// <summary><c>-- schemanorm-disable</c> comments inside or directly above the CREATE TABLE.</summary>
    public List<SuppressionComment> Suppressions { get; } = [];

    /// <summary>Sample rows (INSERT ... VALUES, BULK INSERT, CSV, or rows read from a database), or null.</summary>
    public TableData? Data { get; set; }

    /// <summary>True for a table that only exists as a CSV file (no DDL).</summary>
    public bool FromDataOnly { get; init; }

    public TableKind Kind { get; set; } = TableKind.Regular;

    /// <summary>True when the column names were made up (column1 ... columnN for a CSV file without a header), so they say nothing of the design.</summary>
    public bool NumberedColumnNames { get; init; }

    /// <summary>How the first line of each CSV file read for the table was taken.</summary>
    public List<CsvFirstLine> CsvFirstLines { get; } = [];

    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToList();

    /// <summary>The position of a column by name (case-insensitive), or -1.</summary>
    public int IndexOf(string columnName)
    {
        var name = Identifier.Unquote(columnName);
        lock (_positions)
        {
            if (!_positions.IsCurrent(Columns)) _positions.Update(Columns);
            return _positions.Find(name);
        }
    }

    private readonly ColumnPositions _positions = new();

    public Column? FindColumn(string columnName)
    {
        int i = IndexOf(columnName);
        return i < 0 ? null : Columns[i];
    }

    public override string ToString() => Name.ToString();
}
