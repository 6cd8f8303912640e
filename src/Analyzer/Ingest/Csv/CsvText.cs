namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>
/// The text of a CSV file as a window the parser moves through: <see cref="Chars"/>[0..<see cref="Length"/>)
/// is the text read and not yet dropped. This base holds text already in memory; <see cref="CsvFileText"/>
/// decodes a file a chunk at a time, so that only the record being parsed (and, at the start, the lines the
/// delimiter detection samples) is held, never the whole text.
/// </summary>
internal class CsvText
{
    private char[] _chars;
    private int _length;

    public CsvText(string text)
    {
        _chars = text.ToCharArray();
        _length = _chars.Length;
        AtEnd = true;
    }

    protected CsvText(int capacity) => _chars = new char[capacity];

    public char[] Chars => _chars;

    public int Length => _length;

    /// <summary>True once the window holds the last character of the text.</summary>
    public bool AtEnd { get; protected set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>
    /// Drops the characters before <paramref name="keepFrom"/> (what stays moves to the start) and appends
    /// at least one more, unless the text is at its end. Offsets into the window shift by <paramref name="keepFrom"/>.
    /// </summary>
    public void Refill(int keepFrom)
    {
        if (keepFrom > 0)
        {
            Array.Copy(_chars, keepFrom, _chars, 0, _length - keepFrom);
            _length -= keepFrom;
        }
        if (!AtEnd) Append();
    }

    /// <summary>Reads more text behind <see cref="Length"/>, or sets <see cref="AtEnd"/>.</summary>
    protected virtual void Append() => AtEnd = true;

    /// <summary>Room for <paramref name="count"/> more characters, for <see cref="Append"/>; returns where to write.</summary>
    protected Span<char> Reserve(int count)
    {
        if (_chars.Length - _length < count)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + count));
        return _chars.AsSpan(_length);
    }

    /// <summary>Counts characters written into the span <see cref="Reserve"/> gave.</summary>
    protected void Appended(int count) => _length += count;
}
