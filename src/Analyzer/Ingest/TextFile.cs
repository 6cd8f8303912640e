using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Turns the bytes of an input file into text, refusing what is not text: an empty file, a binary
/// file (a NUL anywhere in it), or bytes that are not valid in the encoding (reported with their line).
/// A byte order mark chooses UTF-8 or UTF-16; otherwise the given encoding, UTF-8 by default.
/// </summary>
public static class TextFile
{
    static TextFile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads and decodes a file; null (with an error) when it cannot.</summary>
    public static string? Read(string path, Encoding? encoding, DiagnosticBag diagnostics) =>
        Read(path, encoding, diagnostics, ReadLimits.Default, dataFile: false);

    /// <summary>Reads and decodes a file within <paramref name="limits"/> (for a data file, its line length too).</summary>
    public static string? Read(string path, Encoding? encoding, DiagnosticBag diagnostics, ReadLimits limits, bool dataFile)
    {
        var bytes = FileBytes.Read(path, limits, dataFile, diagnostics);
        return bytes is null ? null : Decode(bytes, path, encoding, diagnostics);
    }

    public static string? Decode(byte[] bytes, string path, Encoding? encoding, DiagnosticBag diagnostics)
    {
        var start = new SourceLocation(path, 1, 1);
        if (bytes.Length == 0)
        {
            diagnostics.Error("the file is empty", start);
            return null;
        }

        int bomLength = 0;
        Encoding? fromBom = null;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) { fromBom = new UTF8Encoding(false, true); bomLength = 3; }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { fromBom = new UnicodeEncoding(false, false, true); bomLength = 2; }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { fromBom = new UnicodeEncoding(true, false, true); bomLength = 2; }

        var chosen = fromBom ?? encoding ?? new UTF8Encoding(false, true);
        bool sixteenBit = chosen is UnicodeEncoding;
        if (!sixteenBit)
        {
            // In UTF-8 and the single-byte code pages a NUL byte is the NUL character, which no text file holds.
            int nul = bytes.AsSpan(bomLength).IndexOf((byte)0);
            if (nul >= 0)
            {
                var (line, column) = TextPosition.Of(bytes.AsSpan(bomLength), nul);
                diagnostics.Error($"this is not a text file (a NUL byte at offset {bomLength + nul})", new SourceLocation(path, line, column));
                return null;
            }
        }

        // Decode strictly, so that a Latin-1 file read as UTF-8 is an error rather than silent garbage.
        var text = DecodeStrictly(bytes, bomLength, chosen, path, diagnostics,
            offset => $"the file is not valid {chosen.WebName} (bad byte at offset {offset}); name its encoding with --encoding");
        if (text is not null && sixteenBit && text.IndexOf('\0') is var nulChar and >= 0)
        {
            var (line, column) = TextPosition.Of(text, nulChar);
            diagnostics.Error("this is not a text file (a NUL character)", new SourceLocation(path, line, column));
            return null;
        }
        return text;
    }

    /// <summary>
    /// The bytes after the byte order mark in <paramref name="encoding"/>, failing on the first byte that is
    /// not valid in it: null, with <paramref name="message"/> (given the byte's offset) at the byte's line.
    /// </summary>
    internal static string? DecodeStrictly(byte[] bytes, int bomLength, Encoding encoding, string path, DiagnosticBag diagnostics, Func<int, string> message)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            return strict.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException e)
        {
            int offset = bomLength + Math.Max(0, e.Index);
            var (line, column) = TextPosition.Of(bytes, Math.Min(offset, bytes.Length));
            diagnostics.Error(message(offset), new SourceLocation(path, line, column));
            return null;
        }
    }

    /// <summary>Resolves an --encoding value: utf-8, utf-16, latin1, windows-1252, or a code page number.</summary>
    public static Encoding? ParseEncoding(string name)
    {
        try
        {
            return int.TryParse(name, out int codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
