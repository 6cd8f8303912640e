namespace SchemaNorm.Cli.Output;

/// <summary>File paths as reports show them: relative to the current folder when inside it, with forward slashes.</summary>
public static class PathDisplay
{
    public static string Relative(string path, string currentDirectory)
    {
        if (!Path.IsPathRooted(path)) return path.Replace('\\', '/');
        var rel = Path.GetRelativePath(currentDirectory, path);
        if (rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)) rel = path;
        return rel.Replace('\\', '/');
    }
}
