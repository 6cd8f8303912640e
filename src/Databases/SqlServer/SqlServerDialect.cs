using System.Data;
using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.Common;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.SqlServer;

/// <summary>SQL Server's catalog, types and quoting for reading a live database.</summary>
internal sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    protected override string Delimit(string identifier) => Identifier.Quote(identifier);

    // SQL Server has no read-only session: SchemaNorm sends only SELECT statements, inside a transaction
    // that it rolls back. If a deadlock has to pick a victim, it picks this session, never the application's.
    public override IReadOnlyList<string> SessionSetup { get; } =
    [
        "SET DEADLOCK_PRIORITY LOW",
    ];

    public override IReadOnlyList<string> TransactionSetup { get; } = [];

    public override string SessionFacts => """
        SELECT DB_NAME() AS [Database],
               CAST(CASE WHEN DATABASEPROPERTYEX(DB_NAME(), 'Updateability') = 'READ_ONLY' THEN 1 ELSE 0 END AS bit) AS [ReadOnly],
               CONVERT(nvarchar(128), DATABASEPROPERTYEX(DB_NAME(), 'Collation')) AS [Collation],
               CAST(d.snapshot_isolation_state AS int) AS [SnapshotIsolation]
        FROM sys.databases d WHERE d.database_id = DB_ID()
        """;

    public override string TablesQuery => """
        SELECT s.name AS [Schema], t.name AS [Name],
               (SELECT CAST(SUM(p.rows) AS bigint) FROM sys.partitions p
                WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS [EstimatedRows],
               CAST(ISNULL(HAS_PERMS_BY_NAME(QUOTENAME(s.name) + N'.' + QUOTENAME(t.name), N'OBJECT', N'SELECT'), 0) AS bit) AS [CanSelect]
        FROM sys.tables t
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        WHERE t.is_ms_shipped = 0 AND NOT (s.name = N'dbo' AND t.name = N'sysdiagrams')
        ORDER BY s.name, t.name
        """;

    // INFORMATION_SCHEMA.COLUMNS, as on PostgreSQL; sys.columns adds identity and computed columns.
    public override string ColumnsQuery => """
        SELECT c.TABLE_SCHEMA AS [Schema], c.TABLE_NAME AS [Table], c.COLUMN_NAME AS [Name],
               CAST(c.ORDINAL_POSITION AS int) AS [Ordinal], c.DATA_TYPE AS [DataType], CAST(NULL AS nvarchar(128)) AS [UdtName],
               CAST(c.CHARACTER_MAXIMUM_LENGTH AS int) AS [MaxLength], CAST(c.NUMERIC_PRECISION AS int) AS [Precision],
               CAST(c.NUMERIC_SCALE AS int) AS [Scale], CAST(c.DATETIME_PRECISION AS int) AS [DateTimePrecision],
               CAST(CASE c.IS_NULLABLE WHEN 'YES' THEN 1 ELSE 0 END AS bit) AS [IsNullable],
               c.COLUMN_DEFAULT AS [DefaultExpression], c.COLLATION_NAME AS [Collation],
               c.DOMAIN_SCHEMA AS [DomainSchema], c.DOMAIN_NAME AS [DomainName],
               sc.is_identity AS [IsIdentity],
               CAST(ic.seed_value AS decimal(38, 0)) AS [IdentitySeed], CAST(ic.increment_value AS decimal(38, 0)) AS [IdentityIncrement],
               CASE WHEN sc.is_computed = 1 THEN COALESCE(cc.definition, N'(an expression this login may not see)') END AS [ComputedExpression],
               CAST(ISNULL(cc.is_persisted, 0) AS bit) AS [IsPersisted]
        FROM INFORMATION_SCHEMA.COLUMNS c
        JOIN sys.columns sc ON sc.object_id = OBJECT_ID(QUOTENAME(c.TABLE_SCHEMA) + N'.' + QUOTENAME(c.TABLE_NAME)) AND sc.name = c.COLUMN_NAME
        LEFT JOIN sys.identity_columns ic ON ic.object_id = sc.object_id AND ic.column_id = sc.column_id
        LEFT JOIN sys.computed_columns cc ON cc.object_id = sc.object_id AND cc.column_id = sc.column_id
        ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION
        """;

    // sys.indexes: INFORMATION_SCHEMA has no unique indexes, and no index filters. Without VIEW DEFINITION
    // the text of a filter (and of a computed column) reads NULL: has_filter (is_computed) still tells that
    // there is one, so a filtered index is never taken for a key of the whole table.
    public override string KeysQuery => """
        SELECT s.name AS [Schema], t.name AS [Table], COALESCE(kc.name, i.name) AS [Name],
               CASE WHEN i.is_primary_key = 1 THEN 'p' WHEN i.is_unique_constraint = 1 THEN 'u' ELSE 'i' END AS [Kind],
               CASE WHEN i.has_filter = 1 THEN COALESCE(i.filter_definition, N'(a filter this login may not see)') END AS [Filter],
               c.name AS [Column], CAST(ic.key_ordinal AS int) AS [Ordinal],
               CAST(CASE WHEN i.type = 1 THEN 1 ELSE 0 END AS bit) AS [IsClustered]
        FROM sys.indexes i
        JOIN sys.tables t ON t.object_id = i.object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        LEFT JOIN sys.key_constraints kc ON kc.parent_object_id = i.object_id AND kc.unique_index_id = i.index_id
        WHERE i.is_unique = 1 AND i.is_hypothetical = 0 AND i.is_disabled = 0
        ORDER BY s.name, t.name, COALESCE(kc.name, i.name), ic.key_ordinal
        """;

    public override string ForeignKeysQuery => """
        SELECT s.name AS [Schema], t.name AS [Table], fk.name AS [Name], c.name AS [Column],
               rs.name AS [RefSchema], rt.name AS [RefTable], rc.name AS [RefColumn],
               CAST(fkc.constraint_column_id AS int) AS [Ordinal],
               CAST(CASE WHEN fk.is_not_trusted = 0 AND fk.is_disabled = 0 THEN 1 ELSE 0 END AS bit) AS [IsTrusted]
        FROM sys.foreign_keys fk
        JOIN sys.tables t ON t.object_id = fk.parent_object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        JOIN sys.tables rt ON rt.object_id = fk.referenced_object_id
        JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
        JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
        JOIN sys.columns c ON c.object_id = fkc.parent_object_id AND c.column_id = fkc.parent_column_id
        JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
        ORDER BY s.name, t.name, fk.name, fkc.constraint_column_id
        """;

    public override SqlType MapType(CatalogColumn c)
    {
        var name = c.DataType.ToLowerInvariant();
        var type = name switch
        {
            "char" or "varchar" or "nchar" or "nvarchar" or "binary" or "varbinary" => new SqlType(name, Length: c.MaxLength),
            "decimal" or "numeric" => new SqlType(name, Precision: c.Precision, Scale: c.Scale),
            "float" => new SqlType(name, Precision: c.Precision is 53 or null ? null : c.Precision),
            "time" or "datetime2" or "datetimeoffset" => new SqlType(name, Scale: c.DateTimePrecision),
            _ => new SqlType(name),
        };
        if (c.DomainName is { } domain) type = type with { Alias = new QualifiedName(c.DomainSchema, domain) };
        return type;
    }

    public override ValueSemantics Semantics(CatalogColumn column, SqlType type, bool caseSensitiveDefault) =>
        ValueSemantics.For(type, caseSensitiveDefault);

    public override string ValueExpression(SqlType type, string column) => type.Name switch
    {
        // More digits than System.Decimal holds would throw in the client: read the server's text.
        "decimal" or "numeric" => $"CONVERT(varchar(64), {column})",
        "xml" => $"CONVERT(nvarchar(max), {column})",
        _ when type.Category == TypeCategory.Other && type.Name is not "sql_variant" => $"{column}.ToString()",
        _ => column,
    };

    public override string GroupExpression(SqlType type, string column) => type.Name switch
    {
        "text" => $"CAST({column} AS varchar(max))",
        "ntext" => $"CAST({column} AS nvarchar(max))",
        "image" => $"CAST({column} AS varbinary(max))",
        "xml" => $"CONVERT(nvarchar(max), {column})",
        "geography" or "geometry" => $"{column}.ToString()",
        _ when type.Category == TypeCategory.Other && type.Name is not ("sql_variant" or "hierarchyid") => $"{column}.ToString()",
        _ => column,
    };

    // A column grouped through a conversion is text (or varbinary) already; the others are read as in a sample.
    public override string GroupedValueExpression(SqlType type, string alias) =>
        GroupExpression(type, "x") == "x" ? ValueExpression(type, alias) : alias;

    public override string CountRows => "COUNT_BIG(*)";

    public override string Limited(string select, string from, string? orderBy, string limitParameter) =>
        $"SELECT TOP ({limitParameter}) {select} FROM {from}{(orderBy is null ? "" : " ORDER BY " + orderBy)}";

    public override string? ReadText(IDataRecord record, int ordinal) =>
        record.IsDBNull(ordinal) ? null : FormatValue(record.GetValue(ordinal));
}
