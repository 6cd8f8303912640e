using System.Text.RegularExpressions;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>
/// Column defaults for PostgreSQL. A plan's defaults are the source's own text (T-SQL from a script, or
/// PostgreSQL's from a live database); only constants and the few functions whose PostgreSQL equivalent is
/// exact are written. Anything else is left off the new table, and the script says so in a note: a
/// default decides only future inserts, never the rows being moved.
/// </summary>
internal static partial class PostgresDefaults
{
    /// <summary>The default as PostgreSQL text for a column of <paramref name="postgresType"/>, or null.</summary>
    public static string? Translate(string expression, string postgresType)
    {
        var text = StripParentheses(expression.Trim());
        // PostgreSQL's catalog writes 'x'::character varying, 0::numeric: the constant is what matters.
        if (Cast().Match(text) is { Success: true } cast) text = StripParentheses(cast.Groups["value"].Value.Trim());

        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return "NULL";
        if (Number().IsMatch(text))
        {
            if (postgresType == "boolean") return text switch { "0" => "false", "1" => "true", _ => null };
            return text.StartsWith('+') ? text[1..] : text;
        }
        if (StringConstant().Match(text) is { Success: true } s)
        {
            var value = s.Groups["body"].Value.Replace("''", "'");
            return PostgresNames.Literal(value);
        }
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            return postgresType == "boolean" ? text.ToLowerInvariant() : null;

        var function = text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        bool timestamp = postgresType.StartsWith("timestamp", StringComparison.Ordinal) && !postgresType.StartsWith("timestamptz", StringComparison.Ordinal);
        return function switch
        {
            "getdate()" or "sysdatetime()" or "current_timestamp" when timestamp => "LOCALTIMESTAMP",
            "getutcdate()" or "sysutcdatetime()" when timestamp => "(now() AT TIME ZONE 'UTC')",
            "sysdatetimeoffset()" or "now()" or "current_timestamp" when postgresType.StartsWith("timestamptz", StringComparison.Ordinal) => "now()",
            "localtimestamp" when timestamp => "LOCALTIMESTAMP",
            "current_date" when postgresType == "date" => "CURRENT_DATE",
            "newid()" or "newsequentialid()" or "gen_random_uuid()" when postgresType == "uuid" => "gen_random_uuid()",
            _ => null,
        };
    }

    private static string StripParentheses(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1])) text = text[1..^1].Trim();
        return text;
    }

    /// <summary>True when the parentheses in <paramref name="text"/> (outside string constants) pair up.</summary>
    private static bool Balanced(string text)
    {
        int depth = 0;
        bool quoted = false;
        foreach (var c in text)
        {
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth < 0) return false;
        }
        return depth == 0 && !quoted;
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[Nn]?'(?<body>([^']|'')*)'$")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"^(?<value>.+?)::[a-z][a-z0-9 _]*(\(\d+(,\s*\d+)?\))?(\[\])?$")]
    private static partial Regex Cast();
}
