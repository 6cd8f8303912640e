using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Reads the bytes of an input file within <see cref="ReadLimits"/>: only a regular file (its kind is
/// checked before it is opened, so a FIFO never blocks the run), no larger than the file size limit,
/// and for data files no line longer than the line limit — found while reading, so a gigabyte without
/// a line break costs no more memory than the limit.
/// </summary>
internal static class FileBytes
{
    private const int ChunkBytes = 1 << 20;

    /// <param name="askedAt">Where the file was asked for (a BULK INSERT), for errors about the file as a whole; null: the file itself.</param>
    /// <param name="limitLines">True for data files, whose lines are bounded.</param>
    public static byte[]? Read(string path, ReadLimits limits, bool limitLines, DiagnosticBag diagnostics, SourceLocation? askedAt = null)
    {
        var at = askedAt ?? new SourceLocation(path, 1, 1);
        var kind = FileType.Of(path);
        if (kind != FileKind.Regular)
        {
            diagnostics.Error(kind == FileKind.Missing ? $"cannot read '{path}': no such file" : $"'{path}' is not read: it is {kind.Describe()}, not a regular file", at);
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            long length = stream.Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Error($"'{path}' is {ReadLimits.Size(length)}, more than the {ReadLimits.Size(limits.MaxFileBytes)} a file may be", at);
                return null;
            }
            var lines = new LineLengths(limits.MaxLineBytes);
            var buffer = new byte[length];
            int read = 0;
            // As long as the file was when opened: one that grows meanwhile is read as it was.
            while (read < buffer.Length)
            {
                int n = stream.Read(buffer, read, Math.Min(ChunkBytes, buffer.Length - read));
                if (n == 0) break;
                if (limitLines && !lines.Scan(buffer.AsSpan(read, n)))
                {
                    diagnostics.Error($"line {lines.Line} is longer than {ReadLimits.Size(limits.MaxLineBytes)}, the longest line a data file may have",
                        new SourceLocation(path, lines.Line, 1));
                    return null;
                }
                read += n;
            }
            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error($"cannot read '{path}': {e.Message}", at);
            return null;
        }
    }

    /// <summary>Follows line lengths across chunks; a line ends at LF, CR LF or CR.</summary>
    internal sealed class LineLengths(long max)
    {
        private long _current;
        private bool _afterCr;

        /// <summary>The line being read (1-based).</summary>
        public int Line { get; private set; } = 1;

        /// <summary>False as soon as a line is longer than the limit.</summary>
        public bool Scan(ReadOnlySpan<byte> chunk)
        {
            while (true)
            {
                int end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
                if (end < 0)
                {
                    _current += chunk.Length;
                    if (chunk.Length > 0) _afterCr = false;
                    return _current <= max;
                }
                _current += end;
                if (_current > max) return false;
                // LF right after CR ends the same line.
                if (!(chunk[end] == '\n' && end == 0 && _afterCr)) Line++;
                _afterCr = chunk[end] == '\r';
                _current = 0;
                chunk = chunk[(end + 1)..];
            }
        }
    }
}
