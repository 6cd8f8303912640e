using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Config;

/// <summary>Which config file a run uses: <c>--config FILE</c>, or the nearest <c>schemanorm.json</c> from the current folder upward.</summary>
public static class ConfigLocator
{
    /// <summary>The config file's full path, or null when there is none.</summary>
    public static string? Find(ParsedArguments args, string currentDirectory)
    {
        if (args.Get("config") is { } given)
        {
            var full = Path.GetFullPath(given, currentDirectory);
            return File.Exists(full) ? full : throw new UsageException($"--config: no such file '{given}'");
        }
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SchemaNormConfig.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The config the run uses, read and checked, or null.</summary>
    /// <exception cref="ConfigException">The file has errors.</exception>
    public static SchemaNormConfig? Load(ParsedArguments args, string currentDirectory) =>
        Find(args, currentDirectory) is { } path ? ConfigReader.Read(path) : null;
}
