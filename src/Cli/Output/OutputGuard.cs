using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Pipeline;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Outputs never replace an input: before anything is written, each output path that names an existing
/// file is compared, by identity (<see cref="FileIdentity"/>), with every file the run reads: the paths
/// given, the scripts and data files in the folders given, the files the tables were declared in (includes
/// too), the config file and the baseline.
/// </summary>
internal static class OutputGuard
{
    /// <summary>Throws a <see cref="UsageException"/> (exit status 2, nothing written) when an output is an input.</summary>
    public static void Check(IEnumerable<string?> outputs, RunSettings settings, SchemaModel? model, string currentDirectory, string? allowed = null)
    {
        var targets = outputs.OfType<string>()
            .Select(o => (Given: o, Id: FileIdentity.Of(Path.GetFullPath(o, currentDirectory))))
            .Where(t => t.Id is not null)
            .ToList();
        if (targets.Count == 0) return;
        var allowedId = allowed is null ? null : FileIdentity.Of(Path.GetFullPath(allowed, currentDirectory));

        foreach (var input in Inputs(settings, model, currentDirectory))
        {
            var id = FileIdentity.Of(input);
            if (id is null || id == allowedId) continue;
            foreach (var (given, target) in targets)
                if (target == id)
                    throw new UsageException($"'{ReportText.Line(given)}' is an input of this run ({ReportText.Line(input)}); an output never replaces an input, so nothing was written");
        }
    }

    private static IEnumerable<string> Inputs(RunSettings settings, SchemaModel? model, string currentDirectory)
    {
        foreach (var path in settings.Paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full)) yield return full;
            else if (Directory.Exists(full))
                foreach (var f in Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint }))
                    if (Analyzer.Ingest.InputFiles.IsReadFromFolders(f)) yield return f;
        }
        foreach (var (_, file) in settings.Ingest.DataMappings) yield return Path.GetFullPath(file, currentDirectory);
        if (settings.Config?.Path is { } config) yield return Path.GetFullPath(config, currentDirectory);
        if (settings.Report.Baseline is { } baseline) yield return baseline;
        if (model is not null)
            foreach (var file in model.Tables.Select(t => t.Location.File).Distinct(StringComparer.Ordinal))
                if (!string.IsNullOrEmpty(file)) yield return Path.GetFullPath(file, currentDirectory);
    }
}
