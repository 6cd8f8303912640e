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

    /// <summary>How many non-empty lines <see cref="DetectDelimiter(string)"/> samples.</summary>
    private const int DelimiterSampleLines = 50;

    /// <summary>Reads a file; returns null (with errors in <paramref name="diagnostics"/>) when it cannot.</summary>
    /// <remarks>
    /// The file is decoded and parsed a chunk at a time, values going straight into the dictionary-encoded
    /// columns: the text is never held whole. A file that is not plain text within the limits is read again
    /// whole, by the reader that locates what is wrong with it.
    /// </remarks>
    public static CsvTable? Read(string path, CsvOptions options, DiagnosticBag diagnostics)
    {
        if (options.Delimiter is null && path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
            options = options with { Delimiter = '\t' };
        using (var file = CsvFileText.Open(path, options.Encoding, options.Limits))
        {
            if (file is not null)
            {
                var found = new DiagnosticBag();
                var table = Parse(file, path, options, found);
                if (!file.NotPlainText)
                {
                    foreach (var d in found.Items) diagnostics.Add(d);
                    return table;
                }
                // Too large to read whole again for the exact place: say what is wrong and about where.
                if (file.FileLength > options.Limits.MaxFileBytes)
                {
                    diagnostics.Error($"'{path}' is not plain text within the limits by line {file.LinesScanned:N0} (an invalid byte for its encoding, " +
                        $"a NUL, or a line longer than {ReadLimits.Size(options.Limits.MaxLineBytes)}); a file over {ReadLimits.Size(options.Limits.MaxFileBytes)} " +
                        "is read in chunks, so the exact column is not given", new SourceLocation(path, file.LinesScanned, 1));
                    return null;
                }
            }
        }
        if (FileType.Of(path) == FileKind.Regular && new FileInfo(path).Length is var length && length > options.Limits.MaxStreamedFileBytes)
        {
            diagnostics.Error($"'{path}' is {ReadLimits.Size(length)}, more than the {ReadLimits.Size(options.Limits.MaxStreamedFileBytes)} a CSV file may be",
                new SourceLocation(path, 1, 1));
            return null;
        }
        var text = TextFile.Read(path, options.Encoding, diagnostics, options.Limits, dataFile: true);
        return text is null ? null : Parse(text, path, options, diagnostics);
    }

    /// <summary>Parses text already in memory (<paramref name="path"/> is used in messages).</summary>
    public static CsvTable? Parse(string text, string path, CsvOptions options, DiagnosticBag diagnostics) =>
        Parse(new CsvText(text), path, options, diagnostics);

    private static CsvTable? Parse(CsvText text, string path, CsvOptions options, DiagnosticBag diagnostics)
    {
        if (!ReadPrelude(text, options.Delimiter is null))
        {
            diagnostics.Error("the file is empty", new SourceLocation(path, 1, 1));
            return null;
        }
        char delimiter = options.Delimiter ?? DetectDelimiter(text.Span);
        var parser = new CsvRecordParser(text, delimiter, path);
        var fields = new CsvFields();

        // Header (or the first row, which fixes the column count).
        if (!parser.Next(fields, diagnostics))
        {
            diagnostics.Error("the file has no rows", new SourceLocation(path, 1, 1));
            return null;
        }
        int width = fields.Count;
        int firstLine = parser.RecordLine;
        var first = fields.ToStrings(text);
        bool firstIsData = !options.HasHeader ||
            (options.IsHeader is { } isHeader && !isHeader(first.Select(f => f.Trim()).ToList()));

        // Header detection compares the first record with those below it: they are parsed now and kept
        // until the columns are known; messages about them wait until the header's own.
        HeaderVerdict? verdict = null;
        List<(int line, string[]? values, int count)>? held = null;
        var heldDiagnostics = new DiagnosticBag();
        bool more = true;
        if (!firstIsData && options.DetectHeader)
        {
            held = [];
            var sample = new List<IReadOnlyList<string>>();
            while (sample.Count < HeaderDetection.SampleRecords && (more = parser.Next(fields, heldDiagnostics)))
            {
                if (fields.Count == width)
                {
                    var values = fields.ToStrings(text);
                    sample.Add(values);
                    held.Add((parser.RecordLine, values, width));
                }
                else held.Add((parser.RecordLine, null, fields.Count));
            }
            verdict = HeaderDetection.Judge(first, sample);
            firstIsData = !verdict.IsHeader;
        }
        IReadOnlyList<string> header = !firstIsData
            ? HeaderNames(first, path, firstLine, diagnostics)
            : Enumerable.Range(1, width).Select(i => "column" + i).ToList();

        var semantics = options.Semantics?.Invoke(header);
        var builder = new TableDataBuilder(header, semantics) { Origin = path };
        if (firstIsData) AddRow(builder, first);

        int bad = 0;
        void Ragged(int count, int line)
        {
            if (bad++ < 20)
                diagnostics.Error($"row has {count} fields, but the {(firstIsData ? "first row" : "header")} has {width}",
                    new SourceLocation(path, line, 1));
        }
        foreach (var (line, values, count) in held ?? [])
        {
            if (values is null) Ragged(count, line);
            else AddRow(builder, values);
        }
        foreach (var d in heldDiagnostics.Items) diagnostics.Add(d);

        while (more && parser.Next(fields, diagnostics))
        {
            if (fields.Count != width)
            {
                Ragged(fields.Count, parser.RecordLine);
                continue;
            }
            for (int i = 0; i < width; i++)
            {
                var value = fields.Get(i, text);
                if (value.IsEmpty) builder.AddNull();
                else builder.Add(value);
            }
            builder.EndRow();
        }
        if (bad > 20) diagnostics.Error($"{bad - 20} more rows with the wrong number of fields", new SourceLocation(path, 1, 1));
        if (parser.Failed) return null;
        return new CsvTable(path, header, builder.Build(), delimiter) { FirstLineIsHeader = !firstIsData, DetectionReason = verdict?.Reason };
    }

    /// <summary>
    /// Brings into the window the lines <see cref="DetectDelimiter(string)"/> samples (when it is asked) and the first
    /// character that is not white space; false when the whole text is white space.
    /// </summary>
    private static bool ReadPrelude(CsvText text, bool sampleLines)
    {
        int lines = 0, lineStart = 0, blankUpTo = 0;
        bool sawText = false;
        while (true)
        {
            var span = text.Span;
            if (!sawText)
            {
                sawText = !span[blankUpTo..].Trim().IsEmpty;
                blankUpTo = span.Length;
            }
            while (sampleLines && lines < DelimiterSampleLines)
            {
                int end = span[lineStart..].IndexOf('\n');
                if (end < 0) break;
                if (!span.Slice(lineStart, end).TrimEnd('\r').IsEmpty) lines++;
                lineStart += end + 1;
            }
            if (text.AtEnd) return sawText;
            if (sawText && (!sampleLines || lines >= DelimiterSampleLines)) return true;
            text.Refill(0);
        }
    }

    /// <summary>
    /// Picks the candidate separator (, ; tab |) that splits the first lines into the same number of
    /// fields most consistently, preferring more fields; falls back to a comma.
    /// </summary>
    public static char DetectDelimiter(string text) => DetectDelimiter(text.AsSpan());

    private static char DetectDelimiter(ReadOnlySpan<char> text)
    {
        var lines = SampleLines(text, DelimiterSampleLines);
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

    private static List<string> SampleLines(ReadOnlySpan<char> text, int max)
    {
        var lines = new List<string>();
        int pos = 0;
        while (pos < text.Length && lines.Count < max)
        {
            int end = text[pos..].IndexOf('\n');
            end = end < 0 ? text.Length : pos + end;
            var line = text[pos..end].TrimEnd('\r');
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

    private static IReadOnlyList<string> HeaderNames(string[] fields, string path, int line, DiagnosticBag diagnostics)
    {
        var names = new List<string>(fields.Length);
        var seen = new HashSet<string>(Identifier.Comparer);
        for (int i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim();
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

    private static void AddRow(TableDataBuilder builder, string[] values)
    {
        foreach (var value in values)
        {
            if (value.Length == 0) builder.AddNull();
            else builder.Add(value.AsSpan());
        }
        builder.EndRow();
    }
}
