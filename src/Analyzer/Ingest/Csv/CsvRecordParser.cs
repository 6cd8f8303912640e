using System.Buffers;
using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>The fields of one record: ranges into the text window, or unescaped copies for quoted fields with "".</summary>
internal sealed class CsvFields
{
    private (int start, int length, string? unescaped)[] _items = new (int, int, string?)[16];
    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(int start, int length, string? unescaped)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = (start, length, unescaped);
    }

    /// <summary>Field <paramref name="i"/>; valid until the parser reads the next record.</summary>
    public ReadOnlySpan<char> Get(int i, CsvText text)
    {
        var (start, length, unescaped) = _items[i];
        return unescaped is not null ? unescaped.AsSpan() : text.Chars.AsSpan(start, length);
    }

    public string[] ToStrings(CsvText text)
    {
        var values = new string[Count];
        for (int i = 0; i < values.Length; i++) values[i] = Get(i, text).ToString();
        return values;
    }
}

/// <summary>
/// Splits a <see cref="CsvText"/> into records (see <see cref="CsvReader"/> for the format). A record is
/// parsed within the window; one that runs past its end is parsed again from its start once the window
/// holds more, so that errors are only reported on a whole record.
/// </summary>
internal sealed class CsvRecordParser(CsvText text, char delimiter, string path)
{
    private enum Step { Record, End, Failed, NeedMore }

    private readonly SearchValues<char> _stops = SearchValues.Create([delimiter, '\n', '\r', '"']);
    private int _pos;
    private int _line = 1;

    /// <summary>The line on which the last record returned by <see cref="Next"/> starts.</summary>
    public int RecordLine { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text or on an error.</summary>
    public bool Next(CsvFields fields, DiagnosticBag diagnostics)
    {
        if (Failed) return false;
        while (true)
        {
            fields.Clear();
            if (!SkipBlankLines()) return false;
            int start = _pos, line = _line;
            var step = Record(fields, diagnostics);
            if (step == Step.NeedMore)
            {
                _line = line;
                text.Refill(start);
                _pos = 0;
                continue;
            }
            if (step == Step.Failed) Failed = true;
            return step == Step.Record;
        }
    }

    /// <summary>Moves past blank lines between records; false when no record follows.</summary>
    private bool SkipBlankLines()
    {
        while (true)
        {
            if (_pos >= text.Length)
            {
                if (text.AtEnd) return false;
                text.Refill(_pos);
                _pos = 0;
                continue;
            }
            char c = text.Chars[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
            }
            else if (c == '\r')
            {
                if (_pos + 1 >= text.Length && !text.AtEnd)
                {
                    // Whether an LF follows decides whether this is one line end or two.
                    text.Refill(_pos);
                    _pos = 0;
                    continue;
                }
                if (_pos + 1 < text.Length && text.Chars[_pos + 1] == '\n') _pos++;
                _pos++;
                _line++;
            }
            else return true;
        }
    }

    private Step Record(CsvFields fields, DiagnosticBag diagnostics)
    {
        RecordLine = _line;
        while (true)
        {
            if (_pos < text.Length && text.Chars[_pos] == '"')
            {
                var quoted = QuotedField(fields, diagnostics);
                if (quoted != Step.Record) return quoted;
            }
            else
            {
                int start = _pos;
                var rest = text.Span[_pos..];
                int stop = rest.IndexOfAny(_stops);
                // A quote in the middle of an unquoted field is kept as text (lenient, like most readers).
                while (stop >= 0 && rest[stop] == '"')
                {
                    int next = rest[(stop + 1)..].IndexOfAny(_stops);
                    stop = next < 0 ? -1 : stop + 1 + next;
                }
                if (stop < 0 && !text.AtEnd) return Step.NeedMore;
                _pos = stop < 0 ? text.Length : _pos + stop;
                fields.Add(start, _pos - start, null);
            }

            if (_pos >= text.Length) return text.AtEnd ? Step.Record : Step.NeedMore;
            char c = text.Chars[_pos];
            if (c == delimiter)
            {
                _pos++;
                continue;
            }
            // End of record.
            if (c == '\r')
            {
                if (_pos + 1 >= text.Length && !text.AtEnd) return Step.NeedMore;
                if (_pos + 1 < text.Length && text.Chars[_pos + 1] == '\n') _pos++;
            }
            _pos++;
            _line++;
            return Step.Record;
        }
    }

    private Step QuotedField(CsvFields fields, DiagnosticBag diagnostics)
    {
        int openLine = _line;
        int start = ++_pos;
        StringBuilder? unescaped = null;
        while (true)
        {
            int q = text.Span[_pos..].IndexOf('"');
            if (q < 0)
            {
                if (!text.AtEnd) return Step.NeedMore;
                diagnostics.Error("a quoted field is never closed", new SourceLocation(path, openLine, 1));
                return Step.Failed;
            }
            q += _pos;
            // Whether the quote is doubled, or what follows it, is not in the window yet.
            if (q + 1 >= text.Length && !text.AtEnd) return Step.NeedMore;
            CountLines(_pos, q);
            if (q + 1 < text.Length && text.Chars[q + 1] == '"')
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(text.Chars, _pos, q + 1 - _pos);
                _pos = q + 2;
                continue;
            }
            if (unescaped is not null)
            {
                unescaped.Append(text.Chars, _pos, q - _pos);
                fields.Add(0, 0, unescaped.ToString());
            }
            else
            {
                fields.Add(start, q - start, null);
            }
            _pos = q + 1;
            // Anything between the closing quote and the next separator is malformed.
            if (_pos < text.Length && text.Chars[_pos] != delimiter && text.Chars[_pos] != '\n' && text.Chars[_pos] != '\r')
            {
                diagnostics.Error("text after the closing quote of a field", new SourceLocation(path, _line, 1));
                return Step.Failed;
            }
            return Step.Record;
        }
    }

    private void CountLines(int from, int to)
    {
        var span = text.Span[from..to];
        int n = span.Count('\n');
        // A lone CR also ends a line.
        int cr = span.Count('\r') - span.Count("\r\n".AsSpan());
        _line += n + cr;
    }
}
