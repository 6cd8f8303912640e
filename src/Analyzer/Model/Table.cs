using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

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

    /// <summary>
    /// The positions of the named columns (compared as <see cref="Identifier"/> does), or null when one of
    /// them is not a column of the table.
    /// </summary>
    public AttributeSet? ColumnSet(IEnumerable<string> names)
    {
        var set = AttributeSet.Empty;
        foreach (var name in names)
        {
            int i = IndexOf(name);
            if (i < 0) return null;
            set = set.With(i);
        }
        return set;
    }

    /// <summary>The positions of those of the named columns the table has; the other names are passed over.</summary>
    public AttributeSet ColumnsAmong(IEnumerable<string> names)
    {
        var set = AttributeSet.Empty;
        foreach (var name in names)
            if (IndexOf(name) is var i and >= 0) set = set.With(i);
        return set;
    }

    /// <summary>
    /// The column sets the table declares unique, each once, in declaration kind order: the primary key,
    /// the UNIQUE constraints, then the unique indexes.
    /// <para>
    /// Nullable columns count: SQL Server compares NULLs as equal in UNIQUE constraints and unique indexes,
    /// so the columns still tell rows apart under the NULL-equals-NULL semantics the tool uses. A filtered
    /// unique index (<c>WHERE Col IS NOT NULL</c>, "unique when present") only constrains some rows and is
    /// no key. A key that names a column the table lacks, or none at all, is left out.
    /// </para>
    /// </summary>
    public IReadOnlyList<AttributeSet> DeclaredKeys => Keys(withUniqueIndexes: true);

    /// <summary>
    /// <see cref="DeclaredKeys"/> without the unique indexes: the keys declared as constraints (PRIMARY KEY
    /// and UNIQUE), for callers that must not count an index as a key.
    /// </summary>
    public IReadOnlyList<AttributeSet> KeyConstraints => Keys(withUniqueIndexes: false);

    private List<AttributeSet> Keys(bool withUniqueIndexes)
    {
        var keys = new List<AttributeSet>();
        void Add(IReadOnlyList<string> columns)
        {
            if (ColumnSet(columns) is { IsEmpty: false } key && !keys.Contains(key)) keys.Add(key);
        }
        if (PrimaryKey is { } pk) Add(pk.Columns);
        foreach (var u in UniqueConstraints) Add(u.Columns);
        if (withUniqueIndexes)
            foreach (var i in UniqueIndexes)
                if (!i.IsFiltered) Add(i.Columns);
        return keys;
    }

    public override string ToString() => Name.ToString();
}
