using System.Globalization;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>
/// Column types for PostgreSQL. A plan carries SQL Server types (a table read from PostgreSQL has its types
/// given SQL Server names by the live-database loader); each maps to the PostgreSQL type that stores every
/// value of it and compares them alike. A type without such a counterpart is an error naming the column,
/// never a guess.
/// </summary>
public static class PostgresTypes
{
    /// <summary>PostgreSQL's own types, which only a table read from PostgreSQL carries: kept as they are.</summary>
    private static readonly HashSet<string> Native = new(StringComparer.OrdinalIgnoreCase)
        { "json", "jsonb", "interval", "inet", "cidr", "macaddr", "macaddr8" };

    /// <summary>Element types of arrays read from PostgreSQL (by their catalog names: _int4 is int4[]).</summary>
    private static readonly HashSet<string> ArrayElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "bool", "int2", "int4", "int8", "numeric", "float4", "float8", "text", "varchar", "bpchar", "bytea",
        "date", "time", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "inet", "cidr",
    };

    /// <summary>
    /// The PostgreSQL type of <paramref name="column"/> (named as table.column in errors and notes). What the
    /// mapping cannot keep (sub-microsecond precision, a time zone offset, an alias type's name) is added to
    /// <paramref name="notes"/>.
    /// </summary>
    /// <exception cref="PostgresMigrationException">The type has no PostgreSQL counterpart.</exception>
    public static string Of(SqlType type, string column, ICollection<string>? notes = null)
    {
        var mapped = Map(type, column, notes);
        if (type.Alias is { } alias)
            notes?.Add($"{column} has the alias type {alias}: it is created with its base type {mapped}");
        if (type.Collation is { } collation)
            notes?.Add($"{column} has the collation {collation}, which is not carried over: PostgreSQL compares it with the database's collation");
        return mapped;
    }

    private static string Map(SqlType type, string column, ICollection<string>? notes)
    {
        switch (type.Name)
        {
            case "bit": return "boolean";
            case "tinyint" or "smallint": return "smallint";
            case "int": return "integer";
            case "bigint": return "bigint";
            case "decimal" or "numeric":
                // Without a precision only a PostgreSQL numeric (a T-SQL script always has one: 18,0 by default).
                return type.Precision is int p ? $"numeric({N(p)},{N(type.Scale ?? 0)})" : "numeric";
            case "money": return "numeric(19,4)";
            case "smallmoney": return "numeric(10,4)";
            case "float": return type.Precision is <= 24 ? "real" : "double precision";
            case "real": return "real";
            case "date": return "date";
            case "time": return "time" + FractionalSeconds(type.Scale ?? 7, type, column, notes);
            case "datetime": return "timestamp(3)";
            case "smalldatetime": return "timestamp(0)";
            case "datetime2": return "timestamp" + FractionalSeconds(type.Scale ?? 7, type, column, notes);
            case "datetimeoffset":
                notes?.Add($"{column} ({type}) becomes timestamptz, which keeps the instant but not the offset it was written with");
                return "timestamptz" + FractionalSeconds(type.Scale ?? 7, type, column, null);
            case "char" or "nchar":
                return type.Length is int n && n < 0
                    ? throw new PostgresMigrationException($"{column}: {type} is not a type PostgreSQL has; nothing was written")
                    : $"char({N(type.Length ?? 1)})";
            case "varchar" or "nvarchar":
                return type.Length is int len && len > 0 ? $"varchar({N(len)})" : "text";
            case "text" or "ntext": return "text";
            case "sysname": return "varchar(128)";
            case "binary" or "varbinary" or "image": return "bytea";
            case "uniqueidentifier": return "uuid";
            case "xml": return "xml";
        }
        if (Native.Contains(type.Name)) return type.Name.ToLowerInvariant();
        if (type.Name.EndsWith("[]", StringComparison.Ordinal) && ArrayElements.Contains(type.Name[..^2])) return type.Name.ToLowerInvariant();
        var why = type.Name switch
        {
            "rowversion" or "timestamp" => "a row version the server sets, which PostgreSQL has no type for",
            "sql_variant" => "values of any type, which a PostgreSQL column cannot hold",
            "hierarchyid" or "geography" or "geometry" => "a SQL Server CLR type, which PostgreSQL does not have (PostGIS and ltree are extensions SchemaNorm does not map to)",
            _ => "a type SchemaNorm has no PostgreSQL counterpart for",
        };
        throw new PostgresMigrationException($"{column} is of type {type} ({why}); no PostgreSQL script was written. Change or drop the column first, or migrate with --dialect tsql");
    }

    /// <summary>(s) for s below 6; PostgreSQL keeps at most microseconds (6), its default.</summary>
    private static string FractionalSeconds(int scale, SqlType type, string column, ICollection<string>? notes)
    {
        if (scale < 6) return "(" + N(scale) + ")";
        if (scale > 6) notes?.Add($"{column} ({type}) keeps microseconds in PostgreSQL: digits beyond the sixth are rounded");
        return "";
    }

    /// <summary>
    /// Values of the type have no equality operator in PostgreSQL (xml, json): DISTINCT, GROUP BY and
    /// EXCEPT ALL see them as their text.
    /// </summary>
    public static bool ComparesAsText(SqlType type) => type.Name is "xml" or "json";

    /// <summary>
    /// Values of the type can be equal and still be written differently (numeric 1.0 and 1.00, float 0 and
    /// -0): a migration compares and copies them by their text, so that no value is merged into an equal one
    /// that looks different.
    /// </summary>
    public static bool HasEqualValuesWrittenDifferently(SqlType type) =>
        type.Name is "decimal" or "numeric" or "money" or "smallmoney" or "float" or "real";

    /// <summary>The lowest and highest value of an integer type, for an identity's sequence; null for other types.</summary>
    public static (string Min, string Max)? IntegerRange(string postgresType) => postgresType switch
    {
        "smallint" => ("-32768", "32767"),
        "integer" => ("-2147483648", "2147483647"),
        "bigint" => ("-9223372036854775808", "9223372036854775807"),
        _ => null,
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
