using System.Runtime.InteropServices;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>What a path names, told from its metadata alone: opening a FIFO to look would block forever.</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, OtherSpecial }

/// <summary>
/// The kind of file behind a path (symbolic links followed), by <c>stat</c>. .NET's public file APIs do
/// not tell a FIFO or a device from a regular file, so on Unix this asks the runtime's own native shim
/// (libSystem.Native, whose status record keeps the mode at a fixed place on every Unix), and Linux's
/// <c>statx</c> where that shim cannot be loaded.
/// </summary>
public static partial class FileType
{
    // File type bits as both libSystem.Native and Linux report them.
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000,
        Regular = 0x8000, Socket = 0xC000;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (!File.Exists(path)) return System.IO.Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.OtherSpecial : FileKind.Regular;
        }
        return FromMode(UnixMode(path));
    }

    /// <summary>The kind a Unix mode says; null (no status) is missing.</summary>
    internal static FileKind FromMode(int? mode)
    {
        if (mode is null) return FileKind.Missing;
        return (mode.Value & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            Fifo => FileKind.Fifo,
            CharDevice => FileKind.CharacterDevice,
            BlockDevice => FileKind.BlockDevice,
            Socket => FileKind.Socket,
            _ => FileKind.OtherSpecial,
        };
    }

    public static bool IsSpecial(this FileKind kind) => kind is not (FileKind.Missing or FileKind.Regular or FileKind.Directory);

    /// <summary>"a FIFO", "a character device" ...: for messages.</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.Missing => "missing",
        FileKind.Regular => "a file",
        _ => "a special file",
    };

    private static bool _shimMissing;

    private static int? UnixMode(string path)
    {
        if (!_shimMissing)
        {
            try
            {
                return SystemNativeStat(path, out var status) == 0 ? status.Mode : null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _shimMissing = true;
            }
        }
        return StatxMode(path);
    }

    /// <summary>The mode by Linux's statx (glibc 2.28 and later).</summary>
    internal static int? StatxMode(string path)
    {
        const int AtCurrentDirectory = -100, StatxType = 1;
        return Statx(AtCurrentDirectory, path, 0, StatxType, out var statx) == 0 ? statx.Mode : null;
    }

    /// <summary>The start of libSystem.Native's FileStatus; the rest of its fixed-size record is room for what follows.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
    }

    /// <summary>Linux's struct statx (256 bytes, the same on every architecture); stx_mode is at offset 28.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxRecord
    {
        [FieldOffset(28)] public ushort Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SystemNativeStat(string path, out NativeStatus status);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxRecord record);
}
