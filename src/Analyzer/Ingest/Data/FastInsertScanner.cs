namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>An INSERT statement found by <see cref="FastInsertScanner"/>: its text range and its target's name.</summary>
internal readonly record struct FastInsert(int Start, int End, string TargetName);

/// <summary>Receives the column list and rows of one INSERT statement.</summary>
internal interface IInsertRowSink
{
    /// <summary>The statement's column list as written (unquoted), or null when it has none.</summary>
    void Columns(IReadOnlyList<string>? columns);

    /// <summary>One row; <paramref name="offset"/> is where its opening parenthesis is.</summary>
    void Row(int offset, ReadOnlySpan<ValueSlot> values);
}

/// <summary>
/// A small hand-written reader for the statements that make up most of a data script:
/// <c>INSERT [INTO] t [(columns)] VALUES (literal, ...), (...)</c> and <c>SET IDENTITY_INSERT t ON|OFF</c>,
/// with comments and semicolons between them. Literals: strings (N'...', doubled quotes), numbers with
/// signs, money ($12.50), 0x binary, NULL, DEFAULT, and CAST/CONVERT of a literal.
/// ScriptDom reads such text at a few MB/s and builds a tree per row; this reads it at the speed of
/// memory. It stops at anything else, and the caller hands that statement to ScriptDom, which then also
/// reports any syntax error. Comments holding a schemanorm annotation or suppression make it stop too,
/// so that these are always read from ScriptDom's token stream.
/// </summary>
internal static class FastInsertScanner
{
    /// <summary>
    /// Reads statements from <paramref name="start"/>; true when it read every one up to <paramref name="end"/>.
    /// The INSERT statements read are added to <paramref name="inserts"/>, also when it stops early;
    /// <paramref name="stoppedAt"/> is then where the statement it could not read begins (with the
    /// comments and white space before it, so that an annotation there goes with it).
    /// </summary>
    public static bool TryScan(string text, int start, int end, List<FastInsert> inserts, out int stoppedAt)
    {
        var cursor = new Cursor(text, start, end);
        while (true)
        {
            stoppedAt = cursor.Pos;
            if (!cursor.SkipTrivia()) return false;
            if (cursor.AtEnd) return true;
            if (cursor.Peek == ';') { cursor.Pos++; continue; }
            int statementStart = cursor.Pos;
            if (cursor.TryKeyword("INSERT"))
            {
                if (!ScanInsert(ref cursor, null, out var target)) return false;
                inserts.Add(new FastInsert(statementStart, cursor.Pos, target));
            }
            else if (cursor.TryKeyword("SET"))
            {
                if (!cursor.SkipTrivia() || !cursor.TryKeyword("IDENTITY_INSERT")) return false;
                if (!cursor.SkipTrivia() || !cursor.TryName(out _)) return false;
                if (!cursor.SkipTrivia() || !(cursor.TryKeyword("ON") || cursor.TryKeyword("OFF"))) return false;
            }
            else return false;
        }
    }

    /// <summary>
    /// Where the next INSERT keyword outside strings, names, comments and parentheses is, from
    /// <paramref name="from"/>; -1 when there is none. It is where a new statement most likely starts,
    /// so the text before it can be parsed on its own (the caller checks that it does parse).
    /// </summary>
    public static int NextInsert(string text, int from, int end)
    {
        int depth = 0;
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\'':
                case '"':
                case '[':
                {
                    i = QuotedText.Closing(text, i + 1, end, c == '[' ? ']' : c, out _);
                    if (i < 0) return -1;
                    continue;
                }
                case '-' when i + 1 < end && text[i + 1] == '-':
                {
                    int nl = text.IndexOf('\n', i, end - i);
                    if (nl < 0) return -1;
                    i = nl;
                    continue;
                }
                case '/' when i + 1 < end && text[i + 1] == '*':
                {
                    var cursor = new Cursor(text, i, end);
                    if (!cursor.SkipBlockComment()) return -1;
                    i = cursor.Pos - 1;
                    continue;
                }
                case '(': depth++; continue;
                case ')': depth--; continue;
                case 'I' or 'i' when depth == 0 && (i == 0 || !IsIdentifierChar(text[i - 1])):
                {
                    var cursor = new Cursor(text, i, end);
                    if (cursor.TryKeyword("INSERT")) return i;
                    continue;
                }
            }
        }
        return -1;
    }

    /// <summary>
    /// True when the statement at <paramref name="pos"/> creates a procedure, function, trigger or view,
    /// whose body runs to the end of the batch: its INSERT statements are code, never cut apart.
    /// </summary>
    public static bool StartsModule(string text, int pos, int end)
    {
        var c = new Cursor(text, pos, end);
        if (!c.SkipTrivia()) return true;
        if (c.TryKeyword("CREATE"))
        {
            if (!c.SkipTrivia()) return true;
            if (c.TryKeyword("OR") && !(c.SkipTrivia() && c.TryKeyword("ALTER"))) return false;
        }
        else if (!c.TryKeyword("ALTER")) return false;
        if (!c.SkipTrivia()) return true;
        return c.TryKeyword("PROCEDURE") || c.TryKeyword("PROC") || c.TryKeyword("FUNCTION") || c.TryKeyword("TRIGGER") || c.TryKeyword("VIEW");
    }

    private static bool IsIdentifierChar(char ch) => char.IsLetterOrDigit(ch) || ch is '_' or '@' or '#' or '$';

    /// <summary>Reads one INSERT statement found by <see cref="TryScan"/>, passing its rows to <paramref name="sink"/>.</summary>
    public static bool ReadInsert(string text, FastInsert insert, IInsertRowSink sink)
    {
        var cursor = new Cursor(text, insert.Start, insert.End);
        return cursor.SkipTrivia() && cursor.TryKeyword("INSERT") && ScanInsert(ref cursor, sink, out _);
    }

    /// <summary>After INSERT: [INTO] name [(columns)] VALUES rows.</summary>
    private static bool ScanInsert(ref Cursor c, IInsertRowSink? sink, out string target)
    {
        target = "";
        if (!c.SkipTrivia()) return false;
        int save = c.Pos;
        if (c.TryKeyword("INTO"))
        {
            if (!c.SkipTrivia()) return false;
            // "INTO" could itself be a table name only if VALUES or ( follows; T-SQL reserves it, so no.
        }
        else c.Pos = save;
        if (!c.TryName(out target)) return false;
        if (!c.SkipTrivia()) return false;

        List<string>? columns = null;
        if (c.Peek == '(')
        {
            c.Pos++;
            columns = sink is null ? null : [];
            while (true)
            {
                if (!c.SkipTrivia() || !c.TryIdentifierPart(out var name)) return false;
                columns?.Add(name);
                if (!c.SkipTrivia()) return false;
                if (c.Peek == ',') { c.Pos++; continue; }
                if (c.Peek == ')') { c.Pos++; break; }
                return false;
            }
            if (!c.SkipTrivia()) return false;
        }
        if (!c.TryKeyword("VALUES")) return false;
        sink?.Columns(columns);

        var values = new List<ValueSlot>(16);
        while (true)
        {
            if (!c.SkipTrivia() || c.Peek != '(') return false;
            int rowOffset = c.Pos++;
            values.Clear();
            while (true)
            {
                if (!c.SkipTrivia() || !TryValue(ref c, out var value)) return false;
                values.Add(value);
                if (!c.SkipTrivia()) return false;
                if (c.Peek == ',') { c.Pos++; continue; }
                if (c.Peek == ')') { c.Pos++; break; }
                return false;
            }
            sink?.Row(rowOffset, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
            int afterRow = c.Pos;
            if (!c.SkipTrivia()) return false;
            if (c.Peek == ',') { c.Pos++; continue; }
            c.Pos = afterRow;
            return true;
        }
    }

    private static bool TryValue(ref Cursor c, out ValueSlot value)
    {
        value = default;
        bool negative = false, signed = false;
        while (!c.AtEnd && (c.Peek == '-' || c.Peek == '+'))
        {
            // "--" starts a comment, not two signs.
            if (c.Peek == '-' && c.PeekAt(1) == '-') break;
            if (c.Peek == '-') negative = !negative;
            signed = true;
            c.Pos++;
            if (!c.SkipTrivia()) return false;
        }
        if (c.AtEnd) return false;
        char ch = c.Peek;
        if (ch == '\'' || ((ch is 'N' or 'n') && c.PeekAt(1) == '\''))
        {
            if (signed) return false;
            if (ch != '\'') c.Pos++;
            return c.TryString(out value);
        }
        if (char.IsAsciiDigit(ch) || (ch == '.' && char.IsAsciiDigit(c.PeekAt(1))))
        {
            if (ch == '0' && c.PeekAt(1) is 'x' or 'X')
            {
                if (signed) return false;
                return c.TryBinary(out value);
            }
            return c.TryNumber(negative, out value);
        }
        if (ch == '$')
        {
            c.Pos++;
            if (c.Peek == '-') { negative = !negative; c.Pos++; }
            else if (c.Peek == '+') c.Pos++;
            return c.TryNumber(negative, out value);
        }
        if (signed) return false;
        if (c.TryKeyword("NULL")) { value = ValueSlot.Null; return true; }
        if (c.TryKeyword("DEFAULT")) { value = ValueSlot.Default; return true; }
        if (c.TryKeyword("CAST"))
        {
            // CAST(literal AS type): the literal's value.
            if (!c.SkipTrivia() || c.Peek != '(') return false;
            c.Pos++;
            if (!c.SkipTrivia() || !TryValue(ref c, out value) || value.Kind == ValueKind.Default) return false;
            if (!c.SkipTrivia() || !c.TryKeyword("AS") || !c.SkipTrivia() || !c.TryTypeName()) return false;
            if (!c.SkipTrivia() || c.Peek != ')') return false;
            c.Pos++;
            return true;
        }
        if (c.TryKeyword("CONVERT"))
        {
            // CONVERT(type, literal [, style]).
            if (!c.SkipTrivia() || c.Peek != '(') return false;
            c.Pos++;
            if (!c.SkipTrivia() || !c.TryTypeName() || !c.SkipTrivia() || c.Peek != ',') return false;
            c.Pos++;
            if (!c.SkipTrivia() || !TryValue(ref c, out value) || value.Kind == ValueKind.Default) return false;
            if (!c.SkipTrivia()) return false;
            if (c.Peek == ',')
            {
                c.Pos++;
                if (!c.SkipTrivia() || !c.TryNumber(false, out _) || !c.SkipTrivia()) return false;
            }
            if (c.Peek != ')') return false;
            c.Pos++;
            return true;
        }
        return false;
    }

    /// <summary>A position in the text with the lexing primitives; every Try leaves Pos unspecified on failure.</summary>
    private struct Cursor(string text, int pos, int end)
    {
        public int Pos = pos;
        private readonly string _text = text;
        private readonly int _end = end;

        public readonly bool AtEnd => Pos >= _end;
        public readonly char Peek => Pos < _end ? _text[Pos] : '\0';
        public readonly char PeekAt(int ahead) => Pos + ahead < _end ? _text[Pos + ahead] : '\0';

        /// <summary>Skips white space and comments; false on an unclosed comment or an annotation comment.</summary>
        public bool SkipTrivia()
        {
            while (Pos < _end)
            {
                char ch = _text[Pos];
                if (ch is ' ' or '\t' or '\r' or '\n' or '\f' or '\v') { Pos++; continue; }
                if (ch == '-' && PeekAt(1) == '-')
                {
                    int nl = _text.IndexOf('\n', Pos, _end - Pos);
                    int stop = nl < 0 ? _end : nl;
                    if (IsAnnotation(Pos, stop)) return false;
                    Pos = stop;
                    continue;
                }
                if (ch == '/' && PeekAt(1) == '*')
                {
                    if (!SkipBlockComment()) return false;
                    continue;
                }
                break;
            }
            return true;
        }

        /// <summary>Skips a /* comment */ at Pos; T-SQL block comments nest.</summary>
        public bool SkipBlockComment()
        {
            int depth = 1, i = Pos + 2;
            while (depth > 0)
            {
                int next = _text.AsSpan(i, _end - i).IndexOfAny('*', '/');
                if (next < 0) return false;
                i += next;
                if (_text[i] == '*' && i + 1 < _end && _text[i + 1] == '/') { depth--; i += 2; }
                else if (_text[i] == '/' && i + 1 < _end && _text[i + 1] == '*') { depth++; i += 2; }
                else i++;
            }
            Pos = i;
            return true;
        }

        private readonly bool IsAnnotation(int start, int stop) =>
            _text.AsSpan(start, stop - start).Contains("schemanorm:", StringComparison.OrdinalIgnoreCase)
            || _text.AsSpan(start, stop - start).Contains("schemanorm-disable", StringComparison.OrdinalIgnoreCase);

        /// <summary>A keyword, case-insensitive, not followed by an identifier character.</summary>
        public bool TryKeyword(string keyword)
        {
            if (_end - Pos < keyword.Length) return false;
            if (!_text.AsSpan(Pos, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)) return false;
            if (Pos + keyword.Length < _end && IsIdentifierChar(_text[Pos + keyword.Length])) return false;
            Pos += keyword.Length;
            return true;
        }

        /// <summary>A one- to four-part name (server.database.schema.table), returned as written.</summary>
        public bool TryName(out string name)
        {
            name = "";
            int start = Pos;
            for (int parts = 0; parts < 4; parts++)
            {
                if (!TryIdentifierPart(out var part)) return false;
                // T-SQL words that end the name position rather than being one.
                if (parts == 0 && IsReserved(part) && _text[start] is not ('[' or '"')) return false;
                int afterPart = Pos;
                if (!SkipTrivia()) return false;
                if (Peek != '.') { Pos = afterPart; break; }
                Pos++;
                if (!SkipTrivia()) return false;
            }
            name = _text[start..Pos];
            return true;
        }

        private static bool IsReserved(string word) =>
            word.Equals("VALUES", StringComparison.OrdinalIgnoreCase) || word.Equals("SELECT", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("DEFAULT", StringComparison.OrdinalIgnoreCase) || word.Equals("EXEC", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("EXECUTE", StringComparison.OrdinalIgnoreCase) || word.Equals("TOP", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("WITH", StringComparison.OrdinalIgnoreCase) || word.Equals("OUTPUT", StringComparison.OrdinalIgnoreCase);

        /// <summary>[bracketed], "quoted" or bare identifier; the name unquoted. A @variable is refused (a table variable).</summary>
        public bool TryIdentifierPart(out string name)
        {
            name = "";
            if (AtEnd) return false;
            char ch = _text[Pos];
            if (ch is '[' or '"')
            {
                char close = ch == '[' ? ']' : '"';
                int q = QuotedText.Closing(_text, Pos + 1, _end, close, out bool doubled);
                if (q < 0) return false;
                name = _text.Substring(Pos + 1, q - Pos - 1);
                if (doubled) name = name.Replace(new string(close, 2), close.ToString());
                Pos = q + 1;
                return name.Length > 0;
            }
            if (!(char.IsLetter(ch) || ch is '_' or '#')) return false;
            int s = Pos++;
            while (Pos < _end && IsIdentifierChar(_text[Pos])) Pos++;
            name = _text[s..Pos];
            return true;
        }

        /// <summary>A type name in CAST/CONVERT: name [(n | MAX [, n])].</summary>
        public bool TryTypeName()
        {
            if (!TryName(out _)) return false;
            int save = Pos;
            if (!SkipTrivia()) return false;
            if (Peek != '(') { Pos = save; return true; }
            Pos++;
            if (!SkipTrivia()) return false;
            if (!TryKeyword("MAX") && !TryNumber(false, out _)) return false;
            if (!SkipTrivia()) return false;
            if (Peek == ',')
            {
                Pos++;
                if (!SkipTrivia() || !TryNumber(false, out _) || !SkipTrivia()) return false;
            }
            if (Peek != ')') return false;
            Pos++;
            return true;
        }

        /// <summary>'...' with doubled quotes; Pos is at the opening quote.</summary>
        public bool TryString(out ValueSlot value)
        {
            value = default;
            int q = QuotedText.Closing(_text, Pos + 1, _end, '\'', out bool escaped);
            if (q < 0) return false;
            value = new ValueSlot(ValueKind.Text, _text, Pos + 1, q - Pos - 1, escaped);
            Pos = q + 1;
            return true;
        }

        /// <summary>Digits [. digits] [e [+-] digits], or . digits.</summary>
        public bool TryNumber(bool negative, out ValueSlot value)
        {
            value = default;
            int s = Pos;
            while (Pos < _end && char.IsAsciiDigit(_text[Pos])) Pos++;
            if (Pos < _end && _text[Pos] == '.')
            {
                Pos++;
                while (Pos < _end && char.IsAsciiDigit(_text[Pos])) Pos++;
            }
            if (Pos == s || (Pos == s + 1 && _text[s] == '.')) return false;
            if (Pos < _end && _text[Pos] is 'e' or 'E')
            {
                Pos++;
                if (Pos < _end && _text[Pos] is '+' or '-') Pos++;
                int digits = Pos;
                while (Pos < _end && char.IsAsciiDigit(_text[Pos])) Pos++;
                if (Pos == digits) return false;
            }
            if (Pos < _end && IsIdentifierChar(_text[Pos])) return false;
            value = new ValueSlot(ValueKind.Text, _text, s, Pos - s, Negative: negative);
            return true;
        }

        /// <summary>0x followed by hex digits (0x alone is an empty binary value).</summary>
        public bool TryBinary(out ValueSlot value)
        {
            int s = Pos;
            Pos += 2;
            while (Pos < _end && char.IsAsciiHexDigit(_text[Pos])) Pos++;
            value = new ValueSlot(ValueKind.Text, _text, s, Pos - s);
            return Pos >= _end || !IsIdentifierChar(_text[Pos]);
        }
    }
}
