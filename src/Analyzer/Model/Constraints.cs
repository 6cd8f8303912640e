namespace SchemaNorm.Analyzer.Model;

/// <summary>PRIMARY KEY or UNIQUE, declared on a column, at table level, or by ALTER TABLE.</summary>
public sealed class KeyConstraint(string? name, bool isPrimaryKey, IReadOnlyList<string> columns, SourceLocation location)
{
    public string? Name { get; set; } = name;
    public bool IsPrimaryKey { get; } = isPrimaryKey;
    public IReadOnlyList<string> Columns { get; set; } = columns;
    public bool IsClustered { get; set; }
    public SourceLocation Location { get; } = location;
}

/// <summary>CREATE UNIQUE INDEX. A filtered index (WHERE ...) only makes its columns unique among some rows.</summary>
public sealed class UniqueIndex(string name, IReadOnlyList<string> columns, string? filter, SourceLocation location)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Columns { get; set; } = columns;
    public string? Filter { get; } = filter;
    public bool IsFiltered => Filter is not null;
    public SourceLocation Location { get; } = location;
}

/// <summary>FOREIGN KEY (Columns) REFERENCES ReferencedTable (ReferencedColumns).</summary>
public sealed class ForeignKey(string? name, IReadOnlyList<string> columns, QualifiedName referencedTable, IReadOnlyList<string> referencedColumns, SourceLocation location)
{
    public string? Name { get; set; } = name;
    public IReadOnlyList<string> Columns { get; set; } = columns;
    public QualifiedName ReferencedTable { get; } = referencedTable;
    /// <summary>Empty when the script leaves them out (REFERENCES T means T's primary key).</summary>
    public IReadOnlyList<string> ReferencedColumns { get; set; } = referencedColumns;
    /// <summary>False for WITH NOCHECK: existing rows were not checked.</summary>
    public bool IsTrusted { get; set; } = true;
    public SourceLocation Location { get; } = location;
}

/// <summary>CHECK (expression).</summary>
public sealed class CheckConstraint(string? name, string expression, SourceLocation location)
{
    public string? Name { get; } = name;
    public string Expression { get; } = expression;
    public SourceLocation Location { get; } = location;
}
