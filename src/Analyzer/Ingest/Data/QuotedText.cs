namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>Quoted text where the closing character is escaped by doubling it: 'it''s', [a]]b], "say ""hi""".</summary>
internal static class QuotedText
{
    /// <summary>
    /// The position of the closing <paramref name="close"/> at or after <paramref name="from"/> and before
    /// <paramref name="end"/>, skipping doubled ones; -1 when the text ends first.
    /// <paramref name="doubled"/> says whether a doubled one was skipped (the text then needs unescaping).
    /// </summary>
    public static int Closing(string text, int from, int end, char close, out bool doubled)
    {
        doubled = false;
        while (true)
        {
            int q = text.IndexOf(close, from, end - from);
            if (q < 0) return -1;
            if (q + 1 < end && text[q + 1] == close)
            {
                doubled = true;
                from = q + 2;
                continue;
            }
            return q;
        }
    }
}
