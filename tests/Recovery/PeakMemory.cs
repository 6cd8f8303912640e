using System.Globalization;

namespace SchemaNorm.Recovery;

/// <summary>
/// The process's peak resident memory between two points, on Linux: writing 5 to /proc/self/clear_refs
/// resets the high-water mark that /proc/self/status reports as VmHWM. Elsewhere it is not measured.
/// </summary>
public static class PeakMemory
{
    public static bool Reset()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return false;
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM in bytes, or null when it cannot be read.</summary>
    public static long? Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return null;
    }
}
