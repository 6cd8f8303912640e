using System.Security.Cryptography;
using System.Text;

namespace SchemaNorm.Decomposer.Migration.Postgres;

/// <summary>
/// How the names of a plan are written for PostgreSQL. Every identifier is double-quoted (an embedded
/// quote doubled), so it keeps its letter case and may be a reserved word: a table declared as
/// <c>dbo.Enrollment</c> becomes <c>"public"."Enrollment"</c>, not <c>enrollment</c>. The schema
/// <c>dbo</c>, SQL Server's default, becomes <see cref="DefaultSchema"/> (<c>public</c>, PostgreSQL's
/// default), as does a name without a schema; any other schema keeps its name (a plan read from a live
/// PostgreSQL database already names its real schemas).
/// </summary>
public sealed class PostgresNames
{
    /// <summary>PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1).</summary>
    public const int MaxIdentifierBytes = 63;

    private readonly Dictionary<string, string> _schemas;

    public PostgresNames(string defaultSchema = "public", IReadOnlyDictionary<string, string>? schemaMap = null)
    {
        DefaultSchema = defaultSchema;
        _schemas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["dbo"] = defaultSchema };
        if (schemaMap is not null)
            foreach (var (from, to) in schemaMap) _schemas[from] = to;
    }

    public string DefaultSchema { get; }

    /// <summary>The PostgreSQL schema of a plan's schema (null and dbo: <see cref="DefaultSchema"/>).</summary>
    public string Schema(string? schema) => schema is null ? DefaultSchema : _schemas.GetValueOrDefault(schema, schema);

    /// <summary>"schema"."name".</summary>
    public string Qualified(ObjectName name) => Quote(Schema(name.Schema)) + "." + Quote(name.Name);

    /// <summary>schema.name, unquoted, for messages.</summary>
    public string Display(ObjectName name) => Schema(name.Schema) + "." + name.Name;

    /// <summary>
    /// A double-quoted identifier. A name longer than PostgreSQL keeps is an error rather than silently
    /// cut (two long names could become one).
    /// </summary>
    public static string Quote(string identifier)
    {
        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
            throw new PostgresMigrationException($"the name \"{identifier}\" is longer than the {MaxIdentifierBytes} bytes PostgreSQL keeps of an identifier; rename it first");
        return "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// A constraint name SchemaNorm made up (PK_..., FK_..., UQ_...), quoted: when it is too long for
    /// PostgreSQL it is cut, with a hash of the whole name so that different names stay different.
    /// The same name always gives the same result, so the rollback finds what the migration created.
    /// </summary>
    public static string QuoteConstraint(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes) return Quote(name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var prefix = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(prefix.ToString() + rune) > MaxIdentifierBytes - 9) break;
            prefix.Append(rune.ToString());
        }
        return Quote(prefix + "_" + hash);
    }

    /// <summary>
    /// A string literal. With a backslash in it, the escape-string form (E'...', backslashes doubled), which
    /// reads the same whatever standard_conforming_strings says.
    /// </summary>
    public static string Literal(string text) =>
        text.Contains('\\')
            ? "E'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'"
            : "'" + text.Replace("'", "''") + "'";

    /// <summary>The literal for to_regclass: the quoted, qualified name as text.</summary>
    public string RegClass(ObjectName name) => Literal(Qualified(name));
}
