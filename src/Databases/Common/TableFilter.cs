using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// Which tables of a database a run reads: <c>--schema</c> and <c>--table</c> patterns, with * (any run of
/// characters) and ? (one character), compared case-insensitively. A table pattern without a schema
/// ("Orders", "order_*") matches the name in any schema; "sales.*" names a schema too. A table is read when
/// it matches some schema pattern (if any are given) and some table pattern (if any are given).
/// </summary>
internal sealed class TableFilter
{
    private readonly IReadOnlyList<string> _schemas;
    private readonly IReadOnlyList<(string? Schema, string Name)> _tables;

    public TableFilter(IReadOnlyList<string> schemas, IReadOnlyList<string> tables)
    {
        _schemas = schemas.Select(s => Identifier.Unquote(s)).ToList();
        _tables = tables.Select(ParseTable).ToList();
    }

    public bool IsEmpty => _schemas.Count == 0 && _tables.Count == 0;

    public bool Matches(string schema, string name) =>
        (_schemas.Count == 0 || _schemas.Any(p => Glob(p, schema))) &&
        (_tables.Count == 0 || _tables.Any(p => (p.Schema is null || Glob(p.Schema, schema)) && Glob(p.Name, name)));

    /// <summary>"--schema sales --table 'order*'", for a message that nothing matched.</summary>
    public string Describe() => string.Join(" ", _schemas.Select(s => $"--schema '{s}'")
        .Concat(_tables.Select(t => $"--table '{(t.Schema is null ? "" : t.Schema + ".")}{t.Name}'")));

    private static (string? Schema, string Name) ParseTable(string pattern)
    {
        var parts = Identifier.SplitMultipart(pattern);
        return parts.Count switch
        {
            0 => throw new FormatException($"'{pattern}' is not a table pattern"),
            1 => (null, parts[0]),
            _ => (parts[^2], parts[^1]),
        };
    }

    /// <summary>Wildcard match: * any run of characters, ? one character; case-insensitive.</summary>
    internal static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
