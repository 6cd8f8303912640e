using System.Data;
using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Live;

/// <summary>
/// What differs between the servers: quoting, the catalog queries, how a value is read as text, how a
/// column is grouped, how a query is limited, how a session is made read-only. Every statement SchemaNorm
/// sends is built here from constant text and quoted identifiers; values travel as parameters.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgresDialect(),
        _ => new SqlServerDialect(),
    };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>A delimited identifier: "name" or [name], with the closing quote doubled inside.</summary>
    public abstract string Quote(string identifier);

    public string Table(string schema, string name) => Quote(schema) + "." + Quote(name);

    public string Table(Table table) => Table(table.Name.Schema ?? throw new ArgumentException($"{table.Name} has no schema: it is not a database table"), table.Name.Name);

    // ---- the session ----

    /// <summary>Statements run once after the connection opens, before the transaction begins.</summary>
    public abstract IReadOnlyList<string> SessionSetup { get; }

    /// <summary>Statements run first inside the transaction.</summary>
    public abstract IReadOnlyList<string> TransactionSetup { get; }

    /// <summary>One row: the database's name, whether the session is read-only, its default collation (SQL Server), whether SNAPSHOT isolation is allowed (SQL Server).</summary>
    public abstract string SessionFacts { get; }

    // ---- the catalog ----

    public abstract string TablesQuery { get; }
    public abstract string ColumnsQuery { get; }
    public abstract string KeysQuery { get; }
    public abstract string ForeignKeysQuery { get; }

    /// <summary>The column's type in the model (SQL Server names, so that the analysis and the T-SQL emitter read it as usual).</summary>
    public abstract SqlType MapType(CatalogColumn column);

    /// <summary>How the sample compares the column's values: as the server's GROUP BY does.</summary>
    public abstract ValueSemantics Semantics(CatalogColumn column, SqlType type, bool caseSensitiveDefault);

    // ---- queries over rows ----

    /// <summary>The expression a column is read through in a sample or an example (text where the client cannot read the type).</summary>
    public abstract string ValueExpression(SqlType type, string column);

    /// <summary>The expression a column is grouped by (a text form for types without equality).</summary>
    public abstract string GroupExpression(SqlType type, string column);

    /// <summary>How a grouped column (see <see cref="GroupExpression"/>), selected under an alias, is read back as a value.</summary>
    public abstract string GroupedValueExpression(SqlType type, string alias);

    /// <summary>COUNT(*) as a 64-bit number.</summary>
    public abstract string CountRows { get; }

    /// <summary>SELECT [TOP (@limit)] select FROM from [ORDER BY] [LIMIT @limit].</summary>
    public abstract string Limited(string select, string from, string? orderBy, string limitParameter);

    /// <summary>The value of a sample column as the text TableDataBuilder takes.</summary>
    public abstract string? ReadText(IDataRecord record, int ordinal);

    /// <summary>"a = b" that also holds when both are NULL.</summary>
    public static string NullSafeEquals(string a, string b) => $"({a} = {b} OR ({a} IS NULL AND {b} IS NULL))";

    /// <summary>A typed value from a client library as text that <see cref="ValueSemantics"/> canonicalises.</summary>
    public static string FormatValue(object value) => value switch
    {
        string s => s,
        bool b => b ? "1" : "0",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        Guid g => g.ToString("D"),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        char[] chars => new string(chars),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

internal sealed class PostgresDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string Quote(string identifier)
    {
        if (identifier.Contains('\0')) throw new ArgumentException("an identifier cannot hold a NUL character", nameof(identifier));
        return "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }

    // Read-only for the whole session, then one REPEATABLE READ snapshot: the sample and the full-table
    // checks see the same rows, and nothing is locked against writers (MVCC).
    public override IReadOnlyList<string> SessionSetup { get; } =
    [
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
    ];

    public override IReadOnlyList<string> TransactionSetup { get; } =
    [
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY",
    ];

    public override string SessionFacts =>
        "SELECT current_database()::text AS \"Database\", (current_setting('transaction_read_only') = 'on') AS \"ReadOnly\", NULL::text AS \"Collation\"";

    public override string TablesQuery => """
        SELECT n.nspname::text AS "Schema", c.relname::text AS "Name",
               CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS "EstimatedRows",
               has_table_privilege(c.oid, 'SELECT') AS "CanSelect"
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_%'
        ORDER BY 1, 2
        """;

    // INFORMATION_SCHEMA.COLUMNS, as on SQL Server; PostgreSQL adds identity and generated columns to it.
    public override string ColumnsQuery => """
        SELECT c.table_schema::text AS "Schema", c.table_name::text AS "Table", c.column_name::text AS "Name",
               c.ordinal_position::int AS "Ordinal", c.data_type::text AS "DataType", c.udt_name::text AS "UdtName",
               c.character_maximum_length::int AS "MaxLength", c.numeric_precision::int AS "Precision",
               c.numeric_scale::int AS "Scale", c.datetime_precision::int AS "DateTimePrecision",
               (c.is_nullable = 'YES') AS "IsNullable", c.column_default::text AS "DefaultExpression",
               c.collation_name::text AS "Collation", c.domain_schema::text AS "DomainSchema", c.domain_name::text AS "DomainName",
               (c.is_identity = 'YES' OR coalesce(c.column_default, '') LIKE 'nextval(%') AS "IsIdentity",
               c.identity_start::numeric AS "IdentitySeed", c.identity_increment::numeric AS "IdentityIncrement",
               CASE WHEN c.is_generated = 'ALWAYS' THEN c.generation_expression::text END AS "ComputedExpression",
               (c.is_generated = 'ALWAYS') AS "IsPersisted"
        FROM information_schema.columns c
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2, 4
        """;

    // The system catalogs: INFORMATION_SCHEMA's constraint views hide the constraints of tables the
    // session may only SELECT from, and have no unique indexes at all.
    public override string KeysQuery => """
        SELECT n.nspname::text AS "Schema", c.relname::text AS "Table", con.conname::text AS "Name",
               con.contype::text AS "Kind", NULL::text AS "Filter", a.attname::text AS "Column",
               k.ord::int AS "Ordinal", false AS "IsClustered"
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE con.contype IN ('p', 'u')
        UNION ALL
        SELECT n.nspname::text, c.relname::text, i.relname::text, 'i', pg_catalog.pg_get_expr(x.indpred, x.indrelid),
               a.attname::text, k.ord::int, x.indisclustered
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum > 0
        WHERE x.indisunique AND x.indisvalid AND k.ord <= x.indnkeyatts
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY 1, 2, 3, 7
        """;

    public override string ForeignKeysQuery => """
        SELECT n.nspname::text AS "Schema", c.relname::text AS "Table", con.conname::text AS "Name",
               a.attname::text AS "Column", rn.nspname::text AS "RefSchema", rc.relname::text AS "RefTable",
               ra.attname::text AS "RefColumn", k.ord::int AS "Ordinal", con.convalidated AS "IsTrusted"
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        JOIN pg_catalog.pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = k.refattnum
        WHERE con.contype = 'f' AND con.conparentid = 0
        ORDER BY 1, 2, 3, 8
        """;

    /// <summary>
    /// PostgreSQL types onto the SQL Server names whose category matches (integer, decimal, float, text,
    /// binary, date/time, guid, xml). Types without a counterpart (interval, json, arrays, enums, ranges,
    /// network and geometric types) keep their PostgreSQL name and fall in <see cref="TypeCategory.Other"/>.
    /// </summary>
    public override SqlType MapType(CatalogColumn c)
    {
        var type = c.DataType switch
        {
            "smallint" => new SqlType("smallint"),
            "integer" => new SqlType("int"),
            "bigint" => new SqlType("bigint"),
            "boolean" => new SqlType("bit"),
            "numeric" => c.Precision is null ? new SqlType("numeric") : new SqlType("numeric", Precision: c.Precision, Scale: c.Scale ?? 0),
            "money" => new SqlType("money"),
            "real" => new SqlType("real"),
            "double precision" => new SqlType("float"),
            "character varying" => new SqlType("nvarchar", Length: c.MaxLength ?? -1),
            "character" => new SqlType("nchar", Length: c.MaxLength ?? 1),
            "text" => new SqlType("nvarchar", Length: -1),
            "bytea" => new SqlType("varbinary", Length: -1),
            "date" => new SqlType("date"),
            "time without time zone" or "time with time zone" => new SqlType("time", Scale: c.DateTimePrecision),
            "timestamp without time zone" => new SqlType("datetime2", Scale: c.DateTimePrecision),
            "timestamp with time zone" => new SqlType("datetimeoffset", Scale: c.DateTimePrecision),
            "uuid" => new SqlType("uniqueidentifier"),
            "xml" => new SqlType("xml"),
            "ARRAY" => new SqlType((c.UdtName is { Length: > 1 } u && u[0] == '_' ? u[1..] : c.UdtName ?? "unknown") + "[]"),
            "USER-DEFINED" when c.UdtName == "citext" => new SqlType("nvarchar", Length: -1),
            "USER-DEFINED" => new SqlType(c.UdtName ?? "unknown"),
            var other => new SqlType(other),
        };
        if (c.DomainName is { } domain) type = type with { Alias = new QualifiedName(c.DomainSchema, domain) };
        return type;
    }

    public override ValueSemantics Semantics(CatalogColumn column, SqlType type, bool caseSensitiveDefault) =>
        column.UdtName == "citext" ? ValueSemantics.For(type, caseSensitiveDefault: false)
        // text and varchar compare exactly, trailing spaces included; character(n) pads, as SQL Server does.
        : type.Category == TypeCategory.Text ? ValueSemantics.Exact
        : ValueSemantics.For(type, caseSensitiveDefault: true);

    // Every value is read as PostgreSQL's own text form: no type the client cannot map, no lost precision.
    public override string ValueExpression(SqlType type, string column) => column + "::text";

    private static readonly HashSet<string> WithoutEquality = new(StringComparer.Ordinal)
        { "json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle", "json[]", "xml[]", "point[]" };

    public override string GroupExpression(SqlType type, string column) =>
        WithoutEquality.Contains(type.Name) ? column + "::text" : column;

    public override string GroupedValueExpression(SqlType type, string alias) => alias + "::text";

    public override string CountRows => "count(*)";

    public override string Limited(string select, string from, string? orderBy, string limitParameter) =>
        $"SELECT {select} FROM {from}{(orderBy is null ? "" : " ORDER BY " + orderBy)} LIMIT {limitParameter}";

    public override string? ReadText(IDataRecord record, int ordinal) =>
        record.IsDBNull(ordinal) ? null : record.GetString(ordinal);
}

internal sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string Quote(string identifier)
    {
        if (identifier.Contains('\0')) throw new ArgumentException("an identifier cannot hold a NUL character", nameof(identifier));
        return "[" + identifier.Replace("]", "]]") + "]";
    }

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

/// <summary>Small helpers for building statement text.</summary>
internal static class SqlText
{
    public static string List(IEnumerable<string> items) => string.Join(", ", items);
}
