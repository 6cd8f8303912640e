using System.Globalization;
using System.Text;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// The WITH options of a BULK INSERT that say how its data file is laid out. Defaults are SQL Server's:
/// tab between fields, newline between rows, character data, no header rows.
/// </summary>
internal sealed record BulkFileFormat
{
    public Terminator FieldTerminator { get; init; } = Terminator.Parse("\\t");
    public Terminator RowTerminator { get; init; } = Terminator.Parse("\\n");

    /// <summary>FIRSTROW: 1-based; rows before it (headers) are skipped.</summary>
    public int FirstRow { get; init; } = 1;

    /// <summary>LASTROW, or null for all.</summary>
    public int? LastRow { get; init; }

    /// <summary>CODEPAGE as written ('65001', 'ACP', 'OEM', 'RAW', a number), or null.</summary>
    public string? CodePage { get; init; }

    /// <summary>DATAFILETYPE: char (default), widechar, native, widenative.</summary>
    public string DataFileType { get; init; } = "char";

    /// <summary>FORMAT = 'CSV': fields may be quoted with <see cref="FieldQuote"/>.</summary>
    public bool Csv { get; init; }

    public char FieldQuote { get; init; } = '"';

    /// <summary>FORMATFILE, which this reader does not follow.</summary>
    public string? FormatFile { get; init; }

    public bool IsNative => DataFileType.Contains("native", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The encoding the options name (null: UTF-8 when valid and Windows-1252 otherwise); false when
    /// CODEPAGE names none (out of range, or not a number, ACP, OEM or RAW).
    /// </summary>
    public bool TryEncoding(out Encoding? encoding)
    {
        encoding = null;
        if (DataFileType.StartsWith("wide", StringComparison.OrdinalIgnoreCase)) { encoding = new UnicodeEncoding(false, false, true); return true; }
        if (CodePage is null || CodePage.Equals("OEM", StringComparison.OrdinalIgnoreCase)) return true;
        if (CodePage.Equals("ACP", StringComparison.OrdinalIgnoreCase)) { encoding = System.Text.Encoding.GetEncoding(1252); return true; }
        if (CodePage.Equals("RAW", StringComparison.OrdinalIgnoreCase)) { encoding = System.Text.Encoding.Latin1; return true; }
        if (CodePage == "65001") { encoding = new UTF8Encoding(false, true); return true; }
        if (!int.TryParse(CodePage, NumberStyles.None, CultureInfo.InvariantCulture, out int cp) || cp is < 1 or > 65535) return false;
        try
        {
            encoding = System.Text.Encoding.GetEncoding(cp);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}

/// <summary>
/// A field or row terminator: '\t', '\n', '|', '0x0a', '+|', '&amp;|\n'. A \n written as an escape is a
/// newline that SQL Server matches as CR LF; files made on Unix end rows with LF alone, so the reader
/// takes whichever of the two the file uses (<see cref="Resolve"/>).
/// </summary>
internal sealed record Terminator(string Value, bool NewlineMayBeCrLf)
{
    public static Terminator Parse(string written)
    {
        if (written.Length > 2 && written.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            written.AsSpan(2).ContainsAnyExcept(SearchValuesHex) is false && written.Length % 2 == 0)
        {
            var bytes = Convert.FromHexString(written.AsSpan(2));
            return new Terminator(System.Text.Encoding.Latin1.GetString(bytes), false);
        }
        var sb = new StringBuilder();
        bool newline = false;
        for (int i = 0; i < written.Length; i++)
        {
            char c = written[i];
            if (c == '\\' && i + 1 < written.Length)
            {
                char e = written[++i];
                switch (e)
                {
                    case 'n':
                        // \r\n written out is CR LF already.
                        newline |= sb.Length == 0 || sb[^1] != '\r';
                        sb.Append('\n');
                        continue;
                    case 't': sb.Append('\t'); continue;
                    case 'r': sb.Append('\r'); continue;
                    case '0': sb.Append('\0'); continue;
                    case '\\': sb.Append('\\'); continue;
                    default: sb.Append(c).Append(e); continue;
                }
            }
            sb.Append(c);
        }
        return new Terminator(sb.ToString(), newline);
    }

    private static readonly System.Buffers.SearchValues<char> SearchValuesHex =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The terminator as this file writes it: with CR LF where an escaped \n stands, if the file does so.</summary>
    public string Resolve(string text)
    {
        if (!NewlineMayBeCrLf) return Value;
        var crlf = Value.Replace("\n", "\r\n");
        int atCrLf = text.IndexOf(crlf, StringComparison.Ordinal);
        if (atCrLf < 0) return Value;
        int atLf = text.IndexOf(Value, StringComparison.Ordinal);
        return atLf >= 0 && atLf < atCrLf ? Value : crlf;
    }
}
