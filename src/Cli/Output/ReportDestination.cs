using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>Sends a finished report to standard output or to the --output file.</summary>
public static class ReportDestination
{
    public static void Write(string report, ParsedArguments args, CliContext context)
    {
        if (args.Get("output") is not { } path)
        {
            context.Stdout.Write(report);
            return;
        }
        try
        {
            var full = Path.GetFullPath(path, context.CurrentDirectory);
            if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
            File.WriteAllText(full, report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
