namespace SchemaNorm.Databases.Common;

// Rows of the catalog queries, one shape for both providers (each dialect's SQL names its columns so).
// Classes with setters rather than records: Dapper fills them by column name.

/// <summary>A base table the session can see.</summary>
internal sealed class CatalogTable
{
    public string Schema { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The server's estimate of the row count (statistics), when it has one.</summary>
    public long? EstimatedRows { get; set; }
    public bool CanSelect { get; set; }
}

/// <summary>A column as INFORMATION_SCHEMA.COLUMNS describes it, with what each server adds.</summary>
internal sealed class CatalogColumn
{
    public string Schema { get; set; } = "";
    public string Table { get; set; } = "";
    public string Name { get; set; } = "";
    public int Ordinal { get; set; }
    /// <summary>INFORMATION_SCHEMA's DATA_TYPE (SQL Server: the base type name; PostgreSQL: the SQL name, "ARRAY" or "USER-DEFINED").</summary>
    public string DataType { get; set; } = "";
    /// <summary>PostgreSQL's udt_name (int4, citext, _text for text[], an enum's name).</summary>
    public string? UdtName { get; set; }
    public int? MaxLength { get; set; }
    public int? Precision { get; set; }
    public int? Scale { get; set; }
    public int? DateTimePrecision { get; set; }
    public bool IsNullable { get; set; }
    public string? DefaultExpression { get; set; }
    public string? Collation { get; set; }
    public string? DomainSchema { get; set; }
    public string? DomainName { get; set; }
    public bool IsIdentity { get; set; }
    public decimal? IdentitySeed { get; set; }
    public decimal? IdentityIncrement { get; set; }
    public string? ComputedExpression { get; set; }
    public bool IsPersisted { get; set; }
}

/// <summary>One column of a PRIMARY KEY ('p'), UNIQUE constraint ('u') or other unique index ('i').</summary>
internal sealed class CatalogKeyColumn
{
    public string Schema { get; set; } = "";
    public string Table { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The WHERE clause of a filtered (partial) index.</summary>
    public string? Filter { get; set; }
    /// <summary>Null for an expression in a PostgreSQL index: such an index says nothing about columns.</summary>
    public string? Column { get; set; }
    public int Ordinal { get; set; }
    public bool IsClustered { get; set; }
}

/// <summary>One column pair of a foreign key.</summary>
internal sealed class CatalogForeignKeyColumn
{
    public string Schema { get; set; } = "";
    public string Table { get; set; } = "";
    public string Name { get; set; } = "";
    public string Column { get; set; } = "";
    public string RefSchema { get; set; } = "";
    public string RefTable { get; set; } = "";
    public string RefColumn { get; set; } = "";
    public int Ordinal { get; set; }
    public bool IsTrusted { get; set; }
}
