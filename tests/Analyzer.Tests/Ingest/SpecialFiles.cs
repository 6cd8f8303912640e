using System.Diagnostics;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Makes the special files the confinement tests need (a FIFO), with the system's own tool.</summary>
internal static class SpecialFiles
{
    /// <summary>Creates a FIFO at <paramref name="path"/>; false where the system has none (Windows).</summary>
    public static bool TryMakeFifo(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0;
    }
}
