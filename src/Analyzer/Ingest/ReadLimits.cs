namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Bounds on what one run reads, so that no input can exhaust memory or time. Going over one is an
/// error at the place that did, naming the limit. Real schemas stay far below each of them.
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Largest file read (scripts, includes, data files): decoded, half a GiB is a GiB of text in memory.</summary>
    public long MaxFileBytes { get; init; } = 512L << 20;

    /// <summary>
    /// Largest CSV file: it is decoded a chunk at a time straight into encoded columns, never held whole,
    /// so what it costs is its distinct values, not its text.
    /// </summary>
    public long MaxStreamedFileBytes { get; init; } = 4L << 30;

    /// <summary>Longest line of a CSV or BULK INSERT data file.</summary>
    public long MaxLineBytes { get; init; } = 16L << 20;

    /// <summary>Characters that <c>:r</c> includes may add to one script in all, counting a file each time it is included.</summary>
    public long MaxIncludedChars { get; init; } = 256L << 20;

    /// <summary><c>:r</c> includes one script may expand, counting a file each time it is included.</summary>
    public int MaxIncludes { get; init; } = 10_000;

    /// <summary>How deep <c>:r</c> includes may nest.</summary>
    public int MaxIncludeDepth { get; init; } = 64;

    /// <summary>The largest count after <c>GO</c>.</summary>
    public int MaxGoRepeat { get; init; } = 10_000;

    /// <summary>A size for messages: "16 MiB", "512 MiB", "1,000 bytes".</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20:N0} MiB" : $"{bytes:N0} bytes";
}
