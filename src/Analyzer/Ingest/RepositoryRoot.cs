namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The root of the repository a path lies in: the nearest folder at or above it that holds <c>.git</c> (a
/// folder, or a file in a worktree or submodule). Config lookups stop there, and SARIF locations are relative
/// to it, so a run gives the same verdict and the same locations from any current folder; a file given as
/// input may read the files of its repository (<see cref="ReadScope.TreeOf"/>).
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The repository root above <paramref name="path"/> (a file or a folder), or null when it is in none.</summary>
    public static string? Of(string path)
    {
        for (var dir = StartFolder(path); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        return null;
    }

    /// <summary>The folder a search upward starts from: the path itself when it is a folder, else the folder it is in.</summary>
    public static DirectoryInfo? StartFolder(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
    }
}
