using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.TSql;

namespace SchemaNorm.Analyzer.Ingest.SqlProject;

/// <summary>
/// A script of a project, with the SQLCMD variables it runs with, what it is to the database, and the folder
/// it and its includes may be read from (the repository holding the project, or else the project's folder).
/// </summary>
internal sealed record ProjectScript(string Path, IReadOnlyDictionary<string, string> Variables, ScriptRole Role, string Tree);

/// <summary>
/// Finds the database projects among the inputs: a <c>.sqlproj</c> file, or a folder with one or more in
/// it (build output and hidden folders aside). Each project's folder is then read as the project says.
/// </summary>
internal static class SqlProjectInputs
{
    public static List<SqlProjectFile> Find(IReadOnlyList<string> paths, DiagnosticBag diagnostics, out List<string> otherPaths)
    {
        var projects = new List<SqlProjectFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        otherPaths = [];
        void Load(string file)
        {
            if (!seen.Add(Path.GetFullPath(file))) return;
            if (SqlProjectFile.Load(file, diagnostics) is { } project) projects.Add(project);
        }
        foreach (var path in paths)
        {
            if (File.Exists(path) && IsProject(path)) Load(path);
            else if (Directory.Exists(path) && ProjectsIn(path) is { Count: > 0 } found)
            {
                foreach (var file in found) Load(file);
                // The folder is read by its projects alone when it is one's own folder.
                var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
                if (!found.Any(f => string.Equals(Path.GetDirectoryName(Path.GetFullPath(f)), full, StringComparison.Ordinal))) otherPaths.Add(path);
            }
            else otherPaths.Add(path);
        }
        return projects;
    }

    private static bool IsProject(string path) => path.EndsWith(".sqlproj", StringComparison.OrdinalIgnoreCase);

    private static List<string> ProjectsIn(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*.sqlproj", options)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).SkipLast(1)
                .Any(p => p.StartsWith('.') || p.Equals("bin", StringComparison.OrdinalIgnoreCase) || p.Equals("obj", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => Path.GetRelativePath(folder, f), ScriptOrder.PathComparer.Instance)
            .ToList();
    }

    public static bool IsUnder(string file, string folder)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(file));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>Each project's Build scripts, then its pre- and post-deployment scripts; --var values win over the project's.</summary>
    public static List<ProjectScript> Scripts(IReadOnlyList<SqlProjectFile> projects, IngestOptions options)
    {
        var result = new List<ProjectScript>();
        foreach (var project in projects)
        {
            var variables = new Dictionary<string, string>(project.Variables, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in options.Variables) variables[name] = value;
            bool Included(string f) => options.IncludeFile?.Invoke(Path.GetFullPath(f)) ?? true;
            var tree = ReadScope.TreeOf(Path.GetFullPath(project.FilePath), isFolder: false);
            result.AddRange(project.Schema.Where(Included).Select(f => new ProjectScript(f, variables, ScriptRole.Schema, tree)));
            result.AddRange(project.PreDeploy.Concat(project.PostDeploy).Where(Included).Select(f => new ProjectScript(f, variables, ScriptRole.Deployment, tree)));
        }
        return result;
    }
}
