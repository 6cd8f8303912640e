using System.Text;

namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>
/// A CSV file decoded a chunk at a time (<see cref="CsvText"/>), under the same rules as
/// <see cref="TextFile"/>: a byte order mark chooses UTF-8 or UTF-16, otherwise the given encoding or
/// UTF-8; invalid bytes, a NUL and a line over the limit are refused. Those are only noticed here
/// (<see cref="NotPlainText"/>): the caller then reads the file whole through <see cref="TextFile"/>, which
/// says where and why, so that every message stays the one the whole-file reader gives.
/// </summary>
internal sealed class CsvFileText : CsvText, IDisposable
{
    private const int ChunkBytes = 1 << 16;

    private readonly FileStream _stream;
    private readonly Encoding? _given;
    private readonly FileBytes.LineLengths _lines;
    private readonly byte[] _bytes = new byte[ChunkBytes];
    // Bytes still to read: the file as long as it was when opened, like the whole-file reader.
    private long _remaining;
    private Decoder? _decoder;
    private Encoding? _encoding;
    private bool _sixteenBit;

    private CsvFileText(FileStream stream, Encoding? given, ReadLimits limits) : base(ChunkBytes + 16)
    {
        _stream = stream;
        _given = given;
        _remaining = stream.Length;
        _lines = new FileBytes.LineLengths(limits.MaxLineBytes);
    }

    /// <summary>True when reading stopped at something that is not plain text within the limits.</summary>
    public bool NotPlainText { get; private set; }

    /// <summary>The file's length when it was opened.</summary>
    public long FileLength => _stream.Length;

    /// <summary>The line the reading had come to (the end of the last chunk scanned).</summary>
    public int LinesScanned => _lines.Line;

    /// <summary>
    /// Opens a regular, non-empty file within the size limit for streamed files, or returns null: the whole-file reader
    /// then reports what is the matter (a FIFO is never opened, so it never blocks).
    /// </summary>
    public static CsvFileText? Open(string path, Encoding? encoding, ReadLimits limits)
    {
        if (FileType.Of(path) != FileKind.Regular) return null;
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (stream.Length == 0 || stream.Length > limits.MaxStreamedFileBytes)
            {
                stream.Dispose();
                return null;
            }
            return new CsvFileText(stream, encoding, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            return null;
        }
    }

    protected override void Append()
    {
        while (!AtEnd)
        {
            int n;
            try
            {
                n = _remaining == 0 ? 0 : _stream.Read(_bytes, 0, (int)Math.Min(_bytes.Length, _remaining));
            }
            catch (IOException)
            {
                Stop();
                return;
            }
            _remaining -= n;
            bool last = n == 0 || _remaining == 0;
            var chunk = _bytes.AsSpan(0, n);
            if (!_lines.Scan(chunk))
            {
                Stop();
                return;
            }
            if (_decoder is null) chunk = chunk[ChooseEncoding(chunk)..];
            // In UTF-8 and the single-byte code pages a NUL byte is the NUL character, which no text file holds.
            if (!_sixteenBit && chunk.Contains((byte)0))
            {
                Stop();
                return;
            }
            var into = Reserve(_encoding!.GetMaxCharCount(chunk.Length));
            int produced;
            try
            {
                produced = _decoder!.GetChars(chunk, into, flush: last);
            }
            catch (DecoderFallbackException)
            {
                Stop();
                return;
            }
            if (_sixteenBit && into[..produced].Contains('\0'))
            {
                Stop();
                return;
            }
            Appended(produced);
            if (last) AtEnd = true;
            if (produced > 0) return;
        }
    }

    /// <summary>Picks the encoding from a byte order mark at the start of the file; returns the mark's length.</summary>
    private int ChooseEncoding(ReadOnlySpan<byte> start)
    {
        int bomLength = 0;
        Encoding? fromBom = null;
        if (start is [0xEF, 0xBB, 0xBF, ..]) { fromBom = new UTF8Encoding(false, true); bomLength = 3; }
        else if (start is [0xFF, 0xFE, ..]) { fromBom = new UnicodeEncoding(false, false, true); bomLength = 2; }
        else if (start is [0xFE, 0xFF, ..]) { fromBom = new UnicodeEncoding(true, false, true); bomLength = 2; }
        var chosen = (Encoding)(fromBom ?? _given ?? new UTF8Encoding(false, true)).Clone();
        // Strict, so that a Latin-1 file read as UTF-8 stops rather than turning into silent garbage.
        chosen.DecoderFallback = DecoderFallback.ExceptionFallback;
        _encoding = chosen;
        _sixteenBit = chosen is UnicodeEncoding;
        _decoder = chosen.GetDecoder();
        return bomLength;
    }

    private void Stop()
    {
        NotPlainText = true;
        AtEnd = true;
    }

    public void Dispose() => _stream.Dispose();
}
