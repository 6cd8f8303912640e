using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Annotations;

/// <summary>
/// Reads the text of a <c>-- schemanorm:</c> comment:
/// <code>
/// fd A, B -> C, D          mvd A ->> B          jd (A, B), (B, C), (A, C)
/// fd dbo.EmpProj: Ssn -> Ename                  (the table named before a colon)
/// </code>
/// Names may be [bracketed] or "quoted" (needed for names with spaces); kinds are case-insensitive.
/// Column names are kept as written: the analysis resolves them against the table.
/// </summary>
internal static class AnnotationParser
{
    /// <summary>The comment prefix that marks an annotation (a suppression is <c>schemanorm-disable</c>, without the colon).</summary>
    public const string Marker = "schemanorm:";

    /// <summary>The text after <c>-- schemanorm:</c>, or null when the comment is not an annotation.</summary>
    public static string? Body(string comment)
    {
        var s = comment.AsSpan();
        if (!s.StartsWith("--")) return null;
        s = s[2..].TrimStart();
        return s.StartsWith(Marker, StringComparison.OrdinalIgnoreCase) ? s[Marker.Length..].Trim().ToString() : null;
    }

    /// <summary>Parses an annotation; on failure returns null with a message saying what is wrong.</summary>
    public static DependencyAnnotation? Parse(string body, SourceLocation location, out string? error)
    {
        error = null;
        var tokens = new Tokens(body);
        var kindWord = tokens.Word();
        DependencyKind kind;
        switch (kindWord?.ToLowerInvariant())
        {
            case "fd": kind = DependencyKind.Fd; break;
            case "mvd": kind = DependencyKind.Mvd; break;
            case "jd": kind = DependencyKind.Jd; break;
            default:
                error = kindWord is null
                    ? "the annotation is empty; write fd A -> B, mvd A ->> B or jd (A, B), (B, C)"
                    : $"unknown dependency kind '{kindWord}'; write fd, mvd or jd";
                return null;
        }

        QualifiedName? table = TryTablePrefix(ref tokens);
        DependencyAnnotation? result;
        if (kind == DependencyKind.Jd)
        {
            var components = new List<IReadOnlyList<string>>();
            do
            {
                if (!tokens.Take("("))
                {
                    error = "jd expects components in parentheses: jd (A, B), (B, C)";
                    return null;
                }
                var names = Names(ref tokens, out error);
                if (names is null) return null;
                if (!tokens.Take(")"))
                {
                    error = "a jd component is not closed with ')'";
                    return null;
                }
                components.Add(names);
            } while (tokens.Take(","));
            if (components.Count < 2)
            {
                error = "a jd needs at least two components";
                return null;
            }
            result = new DependencyAnnotation(kind, [], [], components, location);
        }
        else
        {
            var arrow = kind == DependencyKind.Fd ? "->" : "->>";
            var lhs = Names(ref tokens, out error);
            if (lhs is null) return null;
            if (!tokens.Take(arrow))
            {
                error = kind == DependencyKind.Fd ? "fd expects A, B -> C" : "mvd expects A ->> B";
                return null;
            }
            var rhs = Names(ref tokens, out error);
            if (rhs is null) return null;
            result = new DependencyAnnotation(kind, lhs, rhs, [], location);
        }
        if (!tokens.AtEnd)
        {
            error = $"unexpected '{tokens.Rest}' after the dependency";
            return null;
        }
        return result with { Table = table };
    }

    /// <summary>"dbo.T:" or "[Order Details]:" before the dependency; the position is restored when there is none.</summary>
    private static QualifiedName? TryTablePrefix(ref Tokens tokens)
    {
        var save = tokens;
        var parts = new List<string>();
        while (tokens.Name() is { } part)
        {
            parts.Add(part);
            if (!tokens.Take(".")) break;
        }
        if (parts.Count is > 0 and <= 4 && tokens.Take(":"))
            return new QualifiedName(parts.Count >= 2 ? parts[^2] : QualifiedName.DefaultSchema, parts[^1]);
        tokens = save;
        return null;
    }

    private static List<string>? Names(ref Tokens tokens, out string? error)
    {
        error = null;
        var names = new List<string>();
        do
        {
            var name = tokens.Name();
            if (name is null)
            {
                error = tokens.AtEnd ? "a column name is missing at the end" : $"expected a column name at '{tokens.Rest}'";
                return null;
            }
            names.Add(name);
        } while (tokens.Take(","));
        return names;
    }

    /// <summary>A cursor over the annotation text (a struct, so that saving a position is a copy).</summary>
    private struct Tokens(string text)
    {
        private int _pos;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _pos >= text.Length;
            }
        }

        public string Rest => text[_pos..].Trim();

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public bool Take(string symbol)
        {
            SkipSpaces();
            if (!text.AsSpan(_pos).StartsWith(symbol)) return false;
            // "->" must not take the first two characters of "->>".
            if (symbol == "->" && _pos + 2 < text.Length && text[_pos + 2] == '>') return false;
            _pos += symbol.Length;
            return true;
        }

        public string? Word()
        {
            SkipSpaces();
            int start = _pos;
            while (_pos < text.Length && char.IsLetter(text[_pos])) _pos++;
            return _pos > start ? text[start.._pos] : null;
        }

        /// <summary>A bare name (letters, digits, _ @ # $) or a [bracketed] / "quoted" one, unquoted.</summary>
        public string? Name()
        {
            SkipSpaces();
            if (_pos >= text.Length) return null;
            char c = text[_pos];
            if (c is '[' or '"')
            {
                char close = c == '[' ? ']' : '"';
                int i = _pos + 1;
                while (i < text.Length)
                {
                    if (text[i] == close)
                    {
                        if (i + 1 < text.Length && text[i + 1] == close) { i += 2; continue; }
                        var name = Identifier.Unquote(text[_pos..(i + 1)]);
                        _pos = i + 1;
                        return name.Length > 0 ? name : null;
                    }
                    i++;
                }
                return null;
            }
            int start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '@' or '#' or '$')) _pos++;
            return _pos > start ? text[start.._pos] : null;
        }
    }
}
