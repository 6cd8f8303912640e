namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The 1-based line and column of an offset in a file, with lines ended by LF, CR LF or a lone CR (files
/// saved by old Mac tools), so that every message points at the line an editor shows.
/// </summary>
internal static class TextPosition
{
    public static (int line, int column) Of(ReadOnlySpan<char> text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var before = text[..offset];
        int ends = before.Count('\n') + before.Count('\r') - before.Count("\r\n");
        // The CR of a CR LF just before the offset is not a line end of its own.
        if (before.EndsWith("\r") && offset < text.Length && text[offset] == '\n') ends--;
        int lineStart = before.LastIndexOfAny('\n', '\r') + 1;
        return (1 + ends, offset - lineStart + 1);
    }

    public static (int line, int column) Of(ReadOnlySpan<byte> bytes, int offset)
    {
        offset = Math.Clamp(offset, 0, bytes.Length);
        var before = bytes[..offset];
        int ends = before.Count((byte)'\n') + before.Count((byte)'\r') - before.Count("\r\n"u8);
        if (before.EndsWith("\r"u8) && offset < bytes.Length && bytes[offset] == '\n') ends--;
        int lineStart = before.LastIndexOfAny((byte)'\n', (byte)'\r') + 1;
        return (1 + ends, offset - lineStart + 1);
    }
}
