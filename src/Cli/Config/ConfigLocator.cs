using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Config;

/// <summary>The config file a run uses and how it was found: given with --config, or found above <see cref="Near"/> (an input, or the current folder).</summary>
internal sealed record ConfigChoice(string Path, string How, string? Near);

/// <summary>
/// Which config file a run uses: <c>--config FILE</c>; else the nearest <c>schemanorm.json</c> from each input
/// upward, up to its repository root (so the same files give the same verdict from any current folder); else,
/// when the inputs find none (or there are none: a live database), the nearest from the current folder upward.
/// </summary>
internal static class ConfigLocator
{
    /// <summary>The config file's full path, or null when there is none.</summary>
    public static string? Find(ParsedArguments args, string currentDirectory) => Choose(args, currentDirectory, [])?.Path;

    /// <summary>The config file and why it was chosen, or null when there is none.</summary>
    /// <exception cref="UsageException">--config names no file, or the inputs lie under different config files.</exception>
    public static ConfigChoice? Choose(ParsedArguments args, string currentDirectory, IReadOnlyList<string> inputs)
    {
        if (args.Get("config") is { } given)
        {
            var full = Path.GetFullPath(given, currentDirectory);
            return File.Exists(full) ? new ConfigChoice(full, "given with --config", null) : throw new UsageException($"--config: no such file '{given}'");
        }
        var found = new List<(string config, string input)>();
        foreach (var input in inputs)
            if (NearestAbove(input, RepositoryRoot.Of(input)) is { } config && !found.Any(f => SamePath(f.config, config)))
                found.Add((config, input));
        if (found.Count > 1)
            throw new UsageException($"the inputs lie under different config files ({string.Join(", ", found.Select(f => $"{f.config} above {f.input}"))}); choose one with --config");
        if (found.Count == 1) return new ConfigChoice(found[0].config, "the nearest above the input", found[0].input);
        return NearestAbove(currentDirectory, stopAt: null) is { } fromHere ? new ConfigChoice(fromHere, "the nearest above the current folder", null) : null;
    }

    /// <summary>The config the run uses, read and checked, or null.</summary>
    /// <exception cref="ConfigException">The file has errors.</exception>
    public static SchemaNormConfig? Load(ParsedArguments args, string currentDirectory) =>
        Find(args, currentDirectory) is { } path ? ConfigReader.Read(path) : null;

    /// <summary>The nearest schemanorm.json at or above the path, looking no higher than <paramref name="stopAt"/> when given.</summary>
    private static string? NearestAbove(string path, string? stopAt)
    {
        for (var dir = RepositoryRoot.StartFolder(path); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SchemaNormConfig.FileName);
            if (File.Exists(candidate)) return candidate;
            if (stopAt is not null && SamePath(dir.FullName, stopAt)) break;
        }
        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
