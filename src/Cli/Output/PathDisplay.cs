namespace SchemaNorm.Cli.Output;

/// <summary>File paths as reports show them: relative to the current folder, with forward slashes.</summary>
internal static class PathDisplay
{
    /// <summary>
    /// The path relative to <paramref name="currentDirectory"/> when it is inside it or at most two
    /// folders up (../shared/x.sql); otherwise the full path.
    /// </summary>
    public static string Relative(string path, string currentDirectory)
    {
        if (!Path.IsPathRooted(path)) return path.Replace('\\', '/');
        var rel = Path.GetRelativePath(currentDirectory, path).Replace('\\', '/');
        int ups = 0;
        for (var r = rel; r.StartsWith("../", StringComparison.Ordinal); r = r[3..]) ups++;
        if (Path.IsPathRooted(rel) || ups > 2) return path.Replace('\\', '/');
        return rel;
    }

    /// <summary>True when the path lies inside the folder (no ../ needed).</summary>
    public static bool IsInside(string path, string folder)
    {
        var rel = Path.GetRelativePath(folder, path);
        return !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
    }
}
