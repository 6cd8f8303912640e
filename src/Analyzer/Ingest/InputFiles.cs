using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// One file to read: a script, or a delimited data file (optionally mapped to a table by --data).
/// <see cref="Tree"/> is the real path of the folder its statements may read files from; <see cref="RealPath"/>
/// tells the same file reached by two names.
/// </summary>
internal sealed record InputFile(string Path, bool IsScript, bool Explicit, string Tree, string RealPath, QualifiedName? Table = null);

/// <summary>
/// Turns the paths a user gives into the files to read: .sql scripts and .csv/.tsv data files, folders
/// searched recursively (<see cref="FolderWalk"/>) in ordinal order of their relative paths, so that a
/// run reads the same files in the same order on every machine. A folder that yields no file to read is
/// an error: a CI job that checks nothing must not pass.
/// </summary>
public static class InputFiles
{
    /// <summary>
    /// True for a file a folder given as input yields (.sql scripts, .csv and .tsv data). The one list:
    /// the output guard asks it too, so a new file type is never written over.
    /// </summary>
    public static bool IsReadFromFolders(string path) => IsScript(path) || IsData(path);

    internal static (List<InputFile> scripts, List<InputFile> data) Expand(IReadOnlyList<string> paths, IngestOptions options, ReadScope scope, DiagnosticBag diagnostics)
    {
        var scripts = new List<InputFile>();
        var data = new List<InputFile>();
        var seen = new Dictionary<string, InputFile>(StringComparer.Ordinal);

        void Add(string path, string real, string tree, bool isExplicit, QualifiedName? table = null)
        {
            if (seen.TryGetValue(real, out var known))
            {
                if (table is not null && !known.IsScript)
                {
                    data[data.IndexOf(known)] = seen[real] = known with { Table = table };
                }
                return;
            }
            bool isScript = IsScript(path);
            var file = new InputFile(path, isScript, isExplicit, tree, real, table);
            seen[real] = file;
            (isScript ? scripts : data).Add(file);
        }

        if (paths.Count == 0 && options.DataMappings.Count == 0)
            diagnostics.Error("no input: give .sql or .csv files, or folders holding them");

        foreach (var path in paths)
        {
            var at = new SourceLocation(path, 1, 1);
            if (Directory.Exists(path))
            {
                var tree = ReadScope.TreeOf(System.IO.Path.GetFullPath(path), isFolder: true);
                var walked = FolderWalk.Files(path, tree, scope, IsReadFromFolders, diagnostics)
                    .Where(f => !InHiddenFolder(path, f.Path))
                    .GroupBy(f => f.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var found = walked.Keys.InRunOrder(path, diagnostics)
                    .Select(f => walked[f])
                    .ToList();
                var kept = found.Where(f => options.IncludeFile?.Invoke(System.IO.Path.GetFullPath(f.Path)) ?? true).ToList();
                if (found.Count == 0) diagnostics.Error($"the folder {path} holds no .sql, .csv or .tsv files", at);
                else if (kept.Count == 0)
                    diagnostics.Error($"the config file's files.include / files.exclude leave out all {found.Count} .sql, .csv and .tsv files in the folder {path}", at);
                foreach (var f in kept) Add(f.Path, f.Real, tree, isExplicit: false);
            }
            else if (File.Exists(path))
            {
                if (Readable(path, "", diagnostics) is not { } real) continue;
                if (options.IncludeFile?.Invoke(System.IO.Path.GetFullPath(path)) == false)
                    diagnostics.Info("skipped: the config file's files.include / files.exclude leave it out", at);
                else if (IsScript(path) || IsData(path)) Add(path, real, ReadScope.TreeOf(System.IO.Path.GetFullPath(path), isFolder: false), isExplicit: true);
                else diagnostics.Error("unsupported file type: expected .sql, .csv, .tsv, .sqlproj or .dacpac (or a folder)", at);
            }
            else diagnostics.Error("no such file or folder", at);
        }

        foreach (var (tableName, path) in options.DataMappings)
        {
            QualifiedName table;
            try
            {
                table = QualifiedName.Parse(tableName);
            }
            catch (FormatException)
            {
                diagnostics.Error($"--data {tableName}={path}: '{tableName}' is not a table name");
                continue;
            }
            if (!File.Exists(path)) diagnostics.Error($"--data {tableName}={path}: no such file", new SourceLocation(path, 1, 1));
            else if (Readable(path, $"--data {tableName}={path}: ", diagnostics) is { } real)
                Add(path, real, ReadScope.TreeOf(System.IO.Path.GetFullPath(path), isFolder: false), isExplicit: true, table);
        }
        return (scripts, data);
    }

    /// <summary>
    /// A file the user named: read wherever it is (they asked for it), unless it is a special file or its
    /// links loop. Its real path, or null after an error.
    /// </summary>
    private static string? Readable(string path, string prefix, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(path, 1, 1);
        var real = RealPath.Of(System.IO.Path.GetFullPath(path));
        if (real is null)
        {
            diagnostics.Error($"{prefix}cannot read it: its symbolic links go round in a loop", at);
            return null;
        }
        if (ReadScope.IsSpecial(real, out var why))
        {
            diagnostics.Error($"{prefix}this input is not read: {why}", at);
            return null;
        }
        return real;
    }

    private static bool IsScript(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    private static bool IsData(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    private static bool InHiddenFolder(string root, string file) =>
        System.IO.Path.GetRelativePath(root, file).Split(System.IO.Path.DirectorySeparatorChar).SkipLast(1).Any(p => p.StartsWith('.'));
}
