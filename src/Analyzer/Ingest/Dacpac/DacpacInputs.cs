using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// Finds the <c>.dacpac</c> packages among the inputs: a package named on the command line is read; a
/// folder's packages are read when the folder holds nothing else to read (no scripts, data files or
/// projects: a folder of build artifacts). A folder that holds the scripts too is read from its scripts,
/// and its packages, built from them, are named in a note and not read: the same tables would come twice.
/// </summary>
internal static class DacpacInputs
{
    private static readonly string[] OtherInputs = [".sql", ".csv", ".tsv", ".sqlproj"];

    public static List<string> Find(IReadOnlyList<string> paths, DiagnosticBag diagnostics, out List<string> otherPaths)
    {
        var packages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        otherPaths = [];
        foreach (var path in paths)
        {
            if (IsPackage(path) && !Directory.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) packages.Add(path);
            }
            else if (Directory.Exists(path) && PackagesIn(path, out bool holdsOtherInputs) is { Count: > 0 } found)
            {
                if (holdsOtherInputs)
                {
                    otherPaths.Add(path);
                    foreach (var package in found)
                        diagnostics.Info("this package is not read: its folder holds scripts, which are read instead (name the package to read it)",
                            new SourceLocation(package, 1, 1));
                }
                else
                {
                    foreach (var package in found)
                        if (seen.Add(Path.GetFullPath(package))) packages.Add(package);
                }
            }
            else otherPaths.Add(path);
        }
        return packages;
    }

    public static bool IsPackage(string path) => path.EndsWith(".dacpac", StringComparison.OrdinalIgnoreCase);

    /// <summary>The packages below a folder (hidden folders aside), in path order, and whether anything else there is an input.</summary>
    private static List<string> PackagesIn(string folder, out bool holdsOtherInputs)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var packages = new List<string>();
        holdsOtherInputs = false;
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            if (Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(p => p.StartsWith('.'))) continue;
            if (IsPackage(file)) packages.Add(file);
            else if (OtherInputs.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) holdsOtherInputs = true;
        }
        packages.Sort((a, b) => ScriptOrder.PathComparer.Instance.Compare(Path.GetRelativePath(folder, a), Path.GetRelativePath(folder, b)));
        return packages;
    }
}
