using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// Finds the <c>.dacpac</c> packages among the inputs: a package named on the command line is read; a
/// folder's packages are read when the folder holds no scripts or projects (a folder of build artifacts,
/// perhaps with CSV files of sample rows, which are read as well). A folder that holds scripts is read
/// from its scripts, and its packages, built from them, are named in a note and not read: the same tables
/// would come twice.
/// </summary>
internal static class DacpacInputs
{
    private static readonly string[] Scripts = [".sql", ".sqlproj"];
    private static readonly string[] DataFiles = [".csv", ".tsv"];

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
            else if (Directory.Exists(path) && PackagesIn(path, out bool holdsScripts, out bool holdsData) is { Count: > 0 } found)
            {
                if (holdsScripts)
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
                    if (holdsData) otherPaths.Add(path);
                }
            }
            else otherPaths.Add(path);
        }
        return packages;
    }

    public static bool IsPackage(string path) => path.EndsWith(".dacpac", StringComparison.OrdinalIgnoreCase);

    /// <summary>The packages below a folder (hidden folders aside), in path order, and whether scripts or data files are there too.</summary>
    private static List<string> PackagesIn(string folder, out bool holdsScripts, out bool holdsData)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var packages = new List<string>();
        holdsScripts = holdsData = false;
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            if (Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(p => p.StartsWith('.'))) continue;
            if (IsPackage(file)) packages.Add(file);
            else if (Scripts.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) holdsScripts = true;
            else if (DataFiles.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) holdsData = true;
        }
        packages.Sort((a, b) => ScriptOrder.PathComparer.Instance.Compare(Path.GetRelativePath(folder, a), Path.GetRelativePath(folder, b)));
        return packages;
    }
}
