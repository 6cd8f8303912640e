namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Paths written inside scripts (<c>:r</c>, BULK INSERT): often Windows paths, read here on any OS.
/// </summary>
internal static class ScriptPaths
{
    /// <summary>Resolves <paramref name="written"/> against <paramref name="folder"/> unless it is absolute.</summary>
    public static string Resolve(string written, string folder)
    {
        var path = Path.DirectorySeparatorChar == '/' ? written.Replace('\\', '/') : written;
        // "C:\Samples\x.csv" read on Linux: absolute where it was written, so not relative to the script.
        if (IsDriveRooted(written) && !OperatingSystem.IsWindows()) return path;
        return Path.IsPathRooted(path) ? path : Path.Combine(folder, path);
    }

    /// <summary>The file name after the last / or \ (Path.GetFileName only knows the current OS's separator).</summary>
    public static string FileName(string written) => written[(written.LastIndexOfAny(['\\', '/']) + 1)..];

    /// <summary>The folder part of a written path, with its trailing separator, or empty.</summary>
    public static string Folder(string written) => written[..(written.LastIndexOfAny(['\\', '/']) + 1)];

    private static bool IsDriveRooted(string path) =>
        path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';
}
