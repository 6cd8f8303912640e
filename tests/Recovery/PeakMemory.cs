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

    /// <summary>VmHWM (the peak since the last reset) in bytes, or null when it cannot be read.</summary>
    public static long? Read() => Status("VmHWM:");

    /// <summary>VmHWM of another process, or null when it cannot be read (it has ended).</summary>
    public static long? Read(int processId) => Status("VmHWM:", $"/proc/{processId}/status");

    /// <summary>VmRSS (resident now) in bytes, or null when it cannot be read.</summary>
    public static long? Resident() => Status("VmRSS:");

    private static long? Status(string field, string file = "/proc/self/status")
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return null;
            foreach (var line in File.ReadLines(file))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return null;
    }
}
