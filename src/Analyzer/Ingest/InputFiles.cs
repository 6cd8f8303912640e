using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>One file to read: a script, or a delimited data file (optionally mapped to a table by --data).</summary>
internal sealed record InputFile(string Path, bool IsScript, bool Explicit, QualifiedName? Table = null);

/// <summary>
/// Turns the paths a user gives into the files to read: .sql scripts and .csv/.tsv data files, folders
/// searched recursively (skipping hidden folders such as .git) in ordinal order of their relative paths,
/// so that a run reads the same files in the same order on every machine.
/// </summary>
internal static class InputFiles
{
    public static (List<InputFile> scripts, List<InputFile> data) Expand(IReadOnlyList<string> paths, IngestOptions options, DiagnosticBag diagnostics)
    {
        var scripts = new List<InputFile>();
        var data = new List<InputFile>();
        var seen = new Dictionary<string, InputFile>(StringComparer.Ordinal);

        void Add(string path, bool isExplicit, QualifiedName? table = null)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (seen.TryGetValue(full, out var known))
            {
                if (table is not null && !known.IsScript)
                {
                    data[data.IndexOf(known)] = seen[full] = known with { Table = table };
                }
                return;
            }
            bool isScript = IsScript(path);
            var file = new InputFile(path, isScript, isExplicit, table);
            seen[full] = file;
            (isScript ? scripts : data).Add(file);
        }

        if (paths.Count == 0 && options.DataMappings.Count == 0)
            diagnostics.Error("no input: give .sql or .csv files, or folders holding them");

        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => (IsScript(f) || IsData(f)) && !InHiddenFolder(path, f))
                    .InRunOrder(path, diagnostics)
                    .ToList();
                if (found.Count == 0) diagnostics.Warning($"the folder {path} holds no .sql, .csv or .tsv files", new SourceLocation(path, 1, 1));
                foreach (var f in found.Where(f => options.IncludeFile?.Invoke(System.IO.Path.GetFullPath(f)) ?? true)) Add(f, isExplicit: false);
            }
            else if (File.Exists(path))
            {
                if (options.IncludeFile?.Invoke(System.IO.Path.GetFullPath(path)) == false)
                    diagnostics.Info("skipped: the config file's files.include / files.exclude leave it out", new SourceLocation(path, 1, 1));
                else if (IsScript(path) || IsData(path)) Add(path, isExplicit: true);
                else diagnostics.Error("unsupported file type: expected .sql, .csv or .tsv (or a folder)", new SourceLocation(path, 1, 1));
            }
            else diagnostics.Error("no such file or folder", new SourceLocation(path, 1, 1));
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
            else Add(path, isExplicit: true, table);
        }
        return (scripts, data);
    }

    private static bool IsScript(string path) => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    private static bool IsData(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    private static bool InHiddenFolder(string root, string file) =>
        System.IO.Path.GetRelativePath(root, file).Split(System.IO.Path.DirectorySeparatorChar).SkipLast(1).Any(p => p.StartsWith('.'));
}
