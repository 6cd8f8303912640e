using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>Sends a finished report to standard output or to the --output file.</summary>
public static class ReportDestination
{
    /// <summary>Streams a JSON report to the destination: large documents are never held as one string.</summary>
    public static void WriteJson(Action<System.Text.Json.Utf8JsonWriter> write, ParsedArguments args, CliContext context)
    {
        if (args.Get("output") is { } path)
        {
            try
            {
                var full = Path.GetFullPath(path, context.CurrentDirectory);
                if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
                using var file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                JsonOutput.WriteTo(file, write);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write '{path}': {e.Message}");
            }
        }
        else if (context.StdoutStream is { } open)
        {
            context.Stdout.Flush();
            using var stdout = new BufferedStream(open(), 1 << 16);
            JsonOutput.WriteTo(stdout, write);
        }
        else
        {
            context.Stdout.Write(JsonOutput.Write(write));
        }
    }

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
