using System.Buffers;
using System.Text;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>Options for reading one delimited text file.</summary>
public sealed record CsvOptions
{
    /// <summary>The field separator, or null to detect it from the first lines.</summary>
    public char? Delimiter { get; init; }

    /// <summary>When false, columns are named column1 ... columnN.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Null for UTF-8 (with or without BOM; invalid bytes are an error).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Chooses how each column's values compare, given the header; null for exact text comparison.</summary>
    public Func<IReadOnlyList<string>, IReadOnlyList<ValueSemantics>>? Semantics { get; init; }

    /// <summary>
    /// When <see cref="HasHeader"/> is true, decides from the first record's fields whether it really is a
    /// header; when this returns false the record is read as data and columns are numbered. Null: always a header.
    /// </summary>
    public Func<IReadOnlyList<string>, bool>? IsHeader { get; init; }

    /// <summary>Bounds on the file's size and line length.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>When <see cref="HasHeader"/> is true, let <see cref="HeaderDetection"/> decide from the records below whether the first is a header.</summary>
    public bool DetectHeader { get; init; }
}

/// <summary>A delimited file read into columns: its header and its rows.</summary>
public sealed record CsvTable(string Path, IReadOnlyList<string> Header, TableData Data, char Delimiter)
{
    /// <summary>False when the first record was read as data and the columns are numbered.</summary>
    public bool FirstLineIsHeader { get; init; } = true;

    /// <summary>Why <see cref="HeaderDetection"/> took the first record as it did; null when it was not asked.</summary>
    public string? DetectionReason { get; init; }
}

/// <summary>
/// Reads RFC 4180 files: fields separated by one character, optionally in double quotes (a quote inside
/// a quoted field is doubled), records ending in LF, CRLF or CR; newlines may appear inside quotes.
/// An empty field, quoted or not, is NULL (the convention of the FD-discovery literature and of bulk
/// loaders). Rows whose field count differs from the header's are reported by line and left out.
/// </summary>
public static class CsvReader
{
    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    /// <summary>Reads a file; returns null (with errors in <paramref name="diagnostics"/>) when it cannot.</summary>
    public static CsvTable? Read(string path, CsvOptions options, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(path, options.Encoding, diagnostics, options.Limits, dataFile: true);
        if (text is null) return null;
        if (options.Delimiter is null && path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
            options = options with { Delimiter = '\t' };
        return Parse(text, path, options, diagnostics);
    }

    /// <summary>Parses text already in memory (<paramref name="path"/> is used in messages).</summary>
    public static CsvTable? Parse(string text, string path, CsvOptions options, DiagnosticBag diagnostics)
    {
        if (text.AsSpan().Trim().IsEmpty)
        {
            diagnostics.Error("the file is empty", new SourceLocation(path, 1, 1));
            return null;
        }
        char delimiter = options.Delimiter ?? DetectDelimiter(text);
        var parser = new Parser(text, delimiter, path);
        var fields = new FieldBuffer();

        // Header (or the first row, which fixes the column count).
        if (!parser.Next(fields, diagnostics))
        {
            diagnostics.Error("the file has no rows", new SourceLocation(path, 1, 1));
            return null;
        }
        int width = fields.Count;
        IReadOnlyList<string> header;
        bool firstIsData = !options.HasHeader ||
            (options.IsHeader is { } isHeader && !isHeader(Enumerable.Range(0, width).Select(i => fields.Get(i, text).Trim().ToString()).ToList()));
        HeaderVerdict? verdict = null;
        if (!firstIsData && options.DetectHeader)
        {
            verdict = HeaderDetection.Judge(Enumerable.Range(0, width).Select(i => fields.Get(i, text).ToString()).ToList(), SampleBelowFirst(text, delimiter, path, width));
            firstIsData = !verdict.IsHeader;
        }
        if (!firstIsData)
        {
            header = HeaderNames(fields, text, path, parser.RecordLine, diagnostics);
        }
        else
        {
            header = Enumerable.Range(1, width).Select(i => "column" + i).ToList();
        }

        var semantics = options.Semantics?.Invoke(header);
        var builder = new TableDataBuilder(header, semantics) { Origin = path };
        if (firstIsData) AddRow(builder, fields, text);

        int bad = 0;
        while (parser.Next(fields, diagnostics))
        {
            if (fields.Count != width)
            {
                if (bad++ < 20)
                    diagnostics.Error($"row has {fields.Count} fields, but the {(firstIsData ? "first row" : "header")} has {width}",
                        new SourceLocation(path, parser.RecordLine, 1));
                continue;
            }
            AddRow(builder, fields, text);
        }
        if (bad > 20) diagnostics.Error($"{bad - 20} more rows with the wrong number of fields", new SourceLocation(path, 1, 1));
        if (parser.Failed) return null;
        return new CsvTable(path, header, builder.Build(), delimiter) { FirstLineIsHeader = !firstIsData, DetectionReason = verdict?.Reason };
    }

    /// <summary>The records after the first (those of its width), for <see cref="HeaderDetection"/>; their errors are reported by the real pass.</summary>
    private static List<IReadOnlyList<string>> SampleBelowFirst(string text, char delimiter, string path, int width)
    {
        var parser = new Parser(text, delimiter, path);
        var fields = new FieldBuffer();
        var quiet = new DiagnosticBag();
        var sample = new List<IReadOnlyList<string>>();
        if (!parser.Next(fields, quiet)) return sample;
        while (sample.Count < HeaderDetection.SampleRecords && parser.Next(fields, quiet))
            if (fields.Count == width) sample.Add(Enumerable.Range(0, width).Select(i => fields.Get(i, text).ToString()).ToList());
        return sample;
    }

    /// <summary>
    /// Picks the candidate separator (, ; tab |) that splits the first lines into the same number of
    /// fields most consistently, preferring more fields; falls back to a comma.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        var lines = SampleLines(text, 50);
        char best = ',';
        (int consistent, int fields) bestScore = (-1, 0);
        foreach (var d in CandidateDelimiters)
        {
            var counts = lines.Select(l => CountOutsideQuotes(l, d)).ToList();
            if (counts.Count == 0 || counts[0] == 0) continue;
            int consistent = counts.Count(c => c == counts[0]);
            var score = (consistent, counts[0]);
            if (score.CompareTo(bestScore) > 0) { bestScore = score; best = d; }
        }
        return best;
    }

    private static List<string> SampleLines(string text, int max)
    {
        var lines = new List<string>();
        int pos = 0;
        while (pos < text.Length && lines.Count < max)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(pos, end - pos).TrimEnd('\r');
            if (!line.IsEmpty) lines.Add(line.ToString());
            pos = end + 1;
        }
        return lines;
    }

    private static int CountOutsideQuotes(string line, char d)
    {
        int n = 0;
        bool quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == d && !quoted) n++;
        }
        return n;
    }

    private static IReadOnlyList<string> HeaderNames(FieldBuffer fields, string text, string path, int line, DiagnosticBag diagnostics)
    {
        var names = new List<string>(fields.Count);
        var seen = new HashSet<string>(Identifier.Comparer);
        for (int i = 0; i < fields.Count; i++)
        {
            var name = fields.Get(i, text).Trim().ToString();
            if (name.Length == 0) name = "column" + (i + 1);
            if (!seen.Add(name))
            {
                var unique = name;
                for (int k = 2; !seen.Add(unique); k++) unique = $"{name}_{k}";
                diagnostics.Warning($"column name '{name}' appears twice in the header; the second is read as '{unique}'",
                    new SourceLocation(path, line, 1));
                name = unique;
            }
            names.Add(name);
        }
        return names;
    }

    private static void AddRow(TableDataBuilder builder, FieldBuffer fields, string text)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            var value = fields.Get(i, text);
            if (value.IsEmpty) builder.AddNull();
            else builder.Add(value);
        }
        builder.EndRow();
    }

    /// <summary>The fields of one record: ranges into the text, or unescaped copies for quoted fields with "".</summary>
    private sealed class FieldBuffer
    {
        private (int start, int length, string? unescaped)[] _items = new (int, int, string?)[16];
        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Add(int start, int length, string? unescaped)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = (start, length, unescaped);
        }

        public ReadOnlySpan<char> Get(int i, string text)
        {
            var (start, length, unescaped) = _items[i];
            return unescaped is not null ? unescaped.AsSpan() : text.AsSpan(start, length);
        }
    }

    private sealed class Parser(string text, char delimiter, string path)
    {
        private readonly SearchValues<char> _stops = SearchValues.Create([delimiter, '\n', '\r', '"']);
        private int _pos;
        private int _line = 1;

        /// <summary>The line on which the last record returned by <see cref="Next"/> starts.</summary>
        public int RecordLine { get; private set; }

        public bool Failed { get; private set; }

        public bool Next(FieldBuffer fields, DiagnosticBag diagnostics)
        {
            fields.Clear();
            // Skip blank lines between records.
            while (_pos < text.Length && (text[_pos] == '\n' || text[_pos] == '\r'))
            {
                if (text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n') _pos++;
                _pos++;
                _line++;
            }
            if (_pos >= text.Length) return false;
            RecordLine = _line;

            while (true)
            {
                if (_pos < text.Length && text[_pos] == '"')
                {
                    if (!QuotedField(fields, diagnostics)) { Failed = true; return false; }
                }
                else
                {
                    int start = _pos;
                    var rest = text.AsSpan(_pos);
                    int stop = rest.IndexOfAny(_stops);
                    // A quote in the middle of an unquoted field is kept as text (lenient, like most readers).
                    while (stop >= 0 && rest[stop] == '"')
                    {
                        int next = rest[(stop + 1)..].IndexOfAny(_stops);
                        stop = next < 0 ? -1 : stop + 1 + next;
                    }
                    _pos = stop < 0 ? text.Length : _pos + stop;
                    fields.Add(start, _pos - start, null);
                }

                if (_pos >= text.Length) return true;
                char c = text[_pos];
                if (c == delimiter) { _pos++; continue; }
                // End of record.
                if (c == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n') _pos++;
                _pos++;
                _line++;
                return true;
            }
        }

        private bool QuotedField(FieldBuffer fields, DiagnosticBag diagnostics)
        {
            int openLine = _line;
            int start = ++_pos;
            StringBuilder? unescaped = null;
            while (true)
            {
                int q = text.IndexOf('"', _pos);
                if (q < 0)
                {
                    diagnostics.Error("a quoted field is never closed", new SourceLocation(path, openLine, 1));
                    return false;
                }
                CountLines(_pos, q);
                if (q + 1 < text.Length && text[q + 1] == '"')
                {
                    unescaped ??= new StringBuilder();
                    unescaped.Append(text, _pos, q + 1 - _pos);
                    _pos = q + 2;
                    continue;
                }
                if (unescaped is not null)
                {
                    unescaped.Append(text, _pos, q - _pos);
                    fields.Add(0, 0, unescaped.ToString());
                }
                else
                {
                    fields.Add(start, q - start, null);
                }
                _pos = q + 1;
                // Anything between the closing quote and the next separator is malformed; keep reading leniently.
                if (_pos < text.Length && text[_pos] != delimiter && text[_pos] != '\n' && text[_pos] != '\r')
                {
                    diagnostics.Error("text after the closing quote of a field", new SourceLocation(path, _line, 1));
                    return false;
                }
                return true;
            }
        }

        private void CountLines(int from, int to)
        {
            var span = text.AsSpan(from, to - from);
            int n = span.Count('\n');
            // A lone CR also ends a line.
            int cr = span.Count('\r') - span.Count("\r\n".AsSpan());
            _line += n + cr;
        }
    }
}
