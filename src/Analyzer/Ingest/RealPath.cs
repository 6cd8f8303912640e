namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The path a file really has once every symbolic link on the way is followed, as the operating system
/// follows them: on Unix ".." after a link climbs from the link's target, not from the link, so a path
/// is resolved component by component rather than tidied as text first.
/// </summary>
internal static class RealPath
{
    /// <summary>As many links as Linux follows before it gives up (ELOOP).</summary>
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (absolute, or relative to the current folder); null when its links go round in a loop.</summary>
    public static string? Of(string path)
    {
        // Windows applies ".." to the text before it looks at the disk.
        var absolute = OperatingSystem.IsWindows() ? Path.GetFullPath(path) : Path.Combine(Environment.CurrentDirectory, path);
        var root = Path.GetPathRoot(absolute) ?? "/";
        var pending = new Stack<string>(Split(absolute[root.Length..]).Reverse());
        var current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable: the open would fail too; keep the name as it is.
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            var targetRoot = Path.GetPathRoot(target);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                current = OperatingSystem.IsWindows() ? Path.GetFullPath(targetRoot) : targetRoot;
                target = target[targetRoot.Length..];
            }
            foreach (var p in Split(target).Reverse()) pending.Push(p);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both real paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        if (path.Equals(trimmed, comparison)) return true;
        return path.StartsWith(trimmed, comparison) && path.Length > trimmed.Length &&
            (path[trimmed.Length] == Path.DirectorySeparatorChar || Path.EndsInDirectorySeparator(trimmed));
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
