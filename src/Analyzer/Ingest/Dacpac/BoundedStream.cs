namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// A zip part read no further than the size its header declares: a part that unpacks to more (a zip bomb
/// that lies about its size) fails with <see cref="InvalidDataException"/> instead of filling memory.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // One byte more than allowed is asked for, so that a part longer than declared is noticed.
        long room = limit - _read + 1;
        if (buffer.Length > room) buffer = buffer[..(int)room];
        int n = inner.Read(buffer);
        _read += n;
        if (_read > limit) throw new InvalidDataException($"the part unpacks to more than the {ReadLimits.Size(limit)} its header declares");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
