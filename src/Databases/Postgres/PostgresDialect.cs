using System.Data;
using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.Common;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>PostgreSQL's catalog, types and quoting for reading a live database.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string Delimit(string identifier) => PostgresNames.PlainQuote(identifier);

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
