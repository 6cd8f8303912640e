namespace SchemaNorm.Analyzer.Model;

/// <summary>Identifier helpers: T-SQL quoting rules and case-insensitive name comparison.</summary>
public static class Identifier
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static bool AreEqual(string a, string b) => Comparer.Equals(a, b);

    /// <summary>Removes one level of [brackets] or "double quotes", undoing doubled closing quotes.</summary>
    public static string Unquote(string identifier)
    {
        var s = identifier.Trim();
        if (s.Length >= 2 && s[0] == '[' && s[^1] == ']') return s[1..^1].Replace("]]", "]");
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"') return s[1..^1].Replace("\"\"", "\"");
        return s;
    }

    /// <summary>Splits a.b.c at dots outside brackets and quotes, unquoting each part.</summary>
    public static IReadOnlyList<string> SplitMultipart(string text)
    {
        var parts = new List<string>();
        int start = 0;
        char? close = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (close is not null)
            {
                if (c == close)
                {
                    if (i + 1 < text.Length && text[i + 1] == close) i++;
                    else close = null;
                }
            }
            else if (c == '[') close = ']';
            else if (c == '"') close = '"';
            else if (c == '.')
            {
                parts.Add(Unquote(text[start..i]));
                start = i + 1;
            }
        }
        parts.Add(Unquote(text[start..]));
        return parts.Where(p => p.Length > 0).ToList();
    }

    /// <summary>Brackets a name for T-SQL text (always, so that reserved words such as Order stay names).</summary>
    public static string Quote(string name) => "[" + name.Replace("]", "]]") + "]";
}
