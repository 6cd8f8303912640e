using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Writes a file whole or not at all: into a temporary file in the same folder, then moved over the
/// destination in one step, so that a failure (a full disk, an interrupted run) leaves no half file and
/// the old one as it was. A destination that is not a regular file (/dev/null, a FIFO, /dev/stdout) is
/// written in place: moving a file over it would replace the device or pipe itself.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    });

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (FileType.Of(full).IsSpecial())
        {
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            write(device);
            return;
        }
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
