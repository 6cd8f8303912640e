using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// Reads the data file of a BULK INSERT the way SQL Server does for character data without a format
/// file: one field per table column, in column order, separated by the field terminator; rows end with
/// the row terminator. An empty field is NULL; a field holding a single NUL character is the empty
/// string (how bcp writes one). The file may hold NUL bytes and any text, so it is decoded without the
/// text-file checks that source files get.
/// </summary>
internal static class BulkDataFile
{
    public static void Read(BulkInsertSource source, TableLayout layout, RowAssembler rows, ReadLimits limits, DiagnosticBag diagnostics)
    {
        var format = source.Format;
        var path = source.Path!;
        var table = rows.Table.Name;
        if (format.IsNative)
        {
            diagnostics.Warning($"the data file {Path.GetFileName(path)} for {table} is in native (binary) format, which is not read", source.Location);
            return;
        }
        if (format.FormatFile is not null)
        {
            diagnostics.Warning($"BULK INSERT into {table} uses a format file, which is not followed; {Path.GetFileName(path)} is not read", source.Location);
            return;
        }
        if (format.FieldTerminator.Value.Length == 0 || format.RowTerminator.Value.Length == 0)
        {
            diagnostics.Error($"BULK INSERT into {table}: {(format.FieldTerminator.Value.Length == 0 ? "FIELDTERMINATOR" : "ROWTERMINATOR")} is empty; a terminator needs at least one character, so {Path.GetFileName(path)} is not read",
                source.Location);
            return;
        }
        if (!format.TryEncoding(out var encoding))
        {
            diagnostics.Error($"BULK INSERT into {table}: CODEPAGE = '{format.CodePage}' is not a code page (ACP, OEM, RAW or a number such as 1252 or 65001), so {Path.GetFileName(path)} is not read",
                source.Location);
            return;
        }
        var bytes = FileBytes.Read(path, limits, limitLines: true, diagnostics, source.Location);
        if (bytes is null) return;
        var text = Decode(bytes, encoding, path, diagnostics);
        if (text is null) return;

        var final = rows.FinalIndexes(layout);
        var sourceOf = new int[rows.ColumnCount];
        Array.Fill(sourceOf, -1);
        for (int i = 0; i < final.Length; i++)
            if (final[i] >= 0) sourceOf[final[i]] = i;

        var fieldTerm = format.FieldTerminator.Resolve(text);
        var rowTerm = format.RowTerminator.Resolve(text);
        // As SQL Server reads such a file: field by field, each up to the field terminator, the last
        // one of a row up to the row terminator. So a row terminator inside an earlier field is data
        // (ProductReview.csv has line breaks inside comments and 0x0a between rows).
        int columns = layout.Columns.Length;
        var fields = new List<ValueSlot>(columns + 1);
        int pos = 0, row = 0;
        int nextField = -1, nextRow = -1;
        // Text after the last row terminator that is only white space is not a row.
        while (pos < text.Length && !text.AsSpan(pos).IsWhiteSpace())
        {
            int rowStart = pos;
            fields.Clear();
            for (int k = 0; k < columns && pos <= text.Length; k++)
            {
                ValueSlot? quoted = null;
                if (format.Csv && pos < text.Length && text[pos] == format.FieldQuote)
                {
                    // FORMAT = 'CSV': a quoted field runs to its closing quote; a doubled quote is one quote.
                    int close = QuotedText.Closing(text, pos + 1, text.Length, format.FieldQuote, out _);
                    if (close < 0)
                    {
                        diagnostics.Error($"a quoted field is never closed in {Path.GetFileName(path)}", Locate(path, text, pos));
                        return;
                    }
                    quoted = ValueSlot.Of(text[(pos + 1)..close].Replace(new string(format.FieldQuote, 2), format.FieldQuote.ToString()));
                    pos = close + 1;
                }
                if (nextField < pos) nextField = IndexOrEnd(text, fieldTerm, pos);
                if (k < columns - 1)
                {
                    fields.Add(quoted ?? Field(text, pos, nextField - pos));
                    pos = nextField + fieldTerm.Length;
                    continue;
                }
                if (nextRow < pos) nextRow = IndexOrEnd(text, rowTerm, pos);
                // Field terminators before the row's end: the row has more fields than the table has columns.
                while (quoted is null && nextField < nextRow)
                {
                    fields.Add(Field(text, pos, nextField - pos));
                    pos = nextField + fieldTerm.Length;
                    nextField = IndexOrEnd(text, fieldTerm, pos);
                }
                fields.Add(quoted ?? Field(text, pos, nextRow - pos));
                pos = nextRow + rowTerm.Length;
            }
            row++;
            if (row < format.FirstRow) continue;
            if (format.LastRow is int last && last > 0 && row > last) break;
            if (!rows.AddRow(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fields), sourceOf, columns))
                rows.ReportBadRow($"row {row} of {Path.GetFileName(path)}", fields.Count, columns, Locate(path, text, rowStart));
        }
    }

    private static int IndexOrEnd(string text, string term, int from)
    {
        int i = text.IndexOf(term, from, StringComparison.Ordinal);
        return i < 0 ? text.Length : i;
    }

    private static ValueSlot Field(string text, int start, int length)
    {
        if (length == 0) return ValueSlot.Null;
        if (length == 1 && text[start] == '\0') return new ValueSlot(ValueKind.Text, text, start, 0);
        return new ValueSlot(ValueKind.Text, text, start, length);
    }

    private static SourceLocation Locate(string path, string text, int offset)
    {
        var (line, column) = TextPosition.Of(text, offset);
        return new(path, line, column);
    }

    /// <summary>Decodes by the statement's CODEPAGE / DATAFILETYPE; without them UTF-8 when valid, else Windows-1252.</summary>
    private static string? Decode(byte[] bytes, Encoding? encoding, string path, DiagnosticBag diagnostics)
    {
        int bom = 0;
        if (encoding is null or UTF8Encoding && bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bom = 3;
        else if (encoding is UnicodeEncoding && bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) bom = 2;
        if (encoding is null)
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes, bom, bytes.Length - bom);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding(1252).GetString(bytes);
            }
        }
        return TextFile.DecodeStrictly(bytes, bom, encoding, path, diagnostics,
            offset => $"the data file is not valid {encoding.WebName} as its BULK INSERT's CODEPAGE/DATAFILETYPE says (bad byte at offset {offset})");
    }
}
