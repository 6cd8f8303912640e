using System.Runtime.InteropServices;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Which file a path names, whatever the path: on Linux the device and inode number (so a symbolic link, a
/// hard link or a path through another folder all name the same file); elsewhere the full path with every
/// symbolic link resolved.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? Path)
{
    /// <summary>The identity of an existing file, or null when there is none.</summary>
    public static FileIdentity? Of(string path)
    {
        if (!File.Exists(path)) return null;
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64 && Stat(path) is { } id)
            return id;
        return new FileIdentity(0, 0, Resolved(path));
    }

    private static string Resolved(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            if (File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        }
        catch (IOException)
        {
            // A link loop: the path itself is the best name there is.
        }
        return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? full.ToUpperInvariant() : full;
    }

    /// <summary>st_dev and st_ino, the first two 64-bit fields of struct stat on Linux x86-64 and arm64.</summary>
    private static FileIdentity? Stat(string path)
    {
        var buffer = new byte[256];
        try
        {
            int result;
            try
            {
                result = stat(path, buffer);
            }
            catch (EntryPointNotFoundException)
            {
                result = __xstat(1, path, buffer); // glibc before 2.33 exports only the versioned call
            }
            if (result != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return new FileIdentity(BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8), null);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int __xstat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
