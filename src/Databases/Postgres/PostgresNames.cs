using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchemaNorm.Decomposer.Emit;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

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

    /// <summary>schema.name, unquoted and on one line (see <see cref="DisplayText"/>), for messages and comments.</summary>
    public string Display(ObjectName name) => DisplayText.Escape(Schema(name.Schema) + "." + name.Name);

    /// <summary>
    /// A double-quoted identifier. A name longer than PostgreSQL keeps is an error rather than silently
    /// cut (two long names could become one). A name holding a line break or control character is written
    /// with Unicode escapes (U&amp;"a\000ab"), so that the script keeps it on one line.
    /// </summary>
    public static string Quote(string identifier)
    {
        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
            throw new PostgresMigrationException($"the name \"{DisplayText.Escape(identifier)}\" is longer than the {MaxIdentifierBytes} bytes PostgreSQL keeps of an identifier; rename it first");
        if (identifier.Contains('\0'))
            throw new PostgresMigrationException($"the name \"{DisplayText.Escape(identifier)}\" holds a NUL character, which PostgreSQL does not allow in a name; rename it first");
        if (!DisplayText.HasUnsafe(identifier)) return PlainQuote(identifier);
        var sb = new StringBuilder("U&\"");
        foreach (var c in identifier)
        {
            if (c == '"') sb.Append("\"\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (DisplayText.NeedsEscape(c)) sb.Append('\\').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>"name" with its characters as they are: for text that PostgreSQL parses as a name at run time (to_regclass).</summary>
    /// <summary>A double-quoted identifier as it is: PostgreSQL's one quoting, for scripts and for the queries that read a live database.</summary>
    internal static string PlainQuote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// A constraint name SchemaNorm made up (PK_..., FK_..., UQ_...), quoted: when it is too long for
    /// PostgreSQL it is cut, with a hash of the whole name so that different names stay different.
    /// The same name always gives the same result, so the rollback finds what the migration created.
    /// </summary>
    public static string QuoteConstraint(string name) => Quote(FitConstraint(name));

    /// <summary>The constraint name <see cref="QuoteConstraint"/> writes, unquoted.</summary>
    public static string FitConstraint(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var prefix = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(prefix.ToString() + rune) > MaxIdentifierBytes - 9) break;
            prefix.Append(rune.ToString());
        }
        return prefix + "_" + hash;
    }

    /// <summary>
    /// A string literal. With a backslash, a line break or a control character in it, the escape-string
    /// form (E'...', backslashes doubled, the others as \uXXXX), which reads the same whatever
    /// standard_conforming_strings says and keeps the literal on one line.
    /// </summary>
    public static string Literal(string text)
    {
        if (!text.Contains('\\') && !DisplayText.HasUnsafe(text)) return "'" + text.Replace("'", "''") + "'";
        var sb = new StringBuilder("E'");
        foreach (var c in text)
        {
            if (c == '\'') sb.Append("''");
            else if (c == '\\') sb.Append("\\\\");
            else if (DisplayText.NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>The literal for to_regclass: the quoted, qualified name as text (to_regclass reads only plain "..." quoting).</summary>
    public string RegClass(ObjectName name) => Literal(PlainQuote(Schema(name.Schema)) + "." + PlainQuote(name.Name));
}
