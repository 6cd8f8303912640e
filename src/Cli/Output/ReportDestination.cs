using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Sends a finished report to standard output or to the --output file (written whole, see
/// <see cref="AtomicFile"/>; the commands have checked with <see cref="OutputGuard"/> that it is no input).
/// </summary>
internal static class ReportDestination
{
    /// <summary>Streams a JSON report to the destination: large documents are never held as one string.</summary>
    public static void WriteJson(Action<System.Text.Json.Utf8JsonWriter> write, ParsedArguments args, CliContext context)
    {
        if (args.Get("output") is { } path)
        {
            try
            {
                AtomicFile.Write(Path.GetFullPath(path, context.CurrentDirectory), file => JsonOutput.WriteTo(file, write));
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

    /// <summary>Streams a text report to the destination, for reports too large to hold as one string.</summary>
    public static void WriteText(Action<TextWriter> write, ParsedArguments args, CliContext context)
    {
        if (args.Get("output") is { } path)
        {
            try
            {
                AtomicFile.Write(Path.GetFullPath(path, context.CurrentDirectory), file =>
                {
                    using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    write(writer);
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write '{path}': {e.Message}");
            }
        }
        else write(context.Stdout);
    }

    /// <summary>Writes a report in one of the <see cref="ReportFormats"/> to the destination.</summary>
    public static void Write<TReport>(IReportWriter<TReport> writer, TReport report, ParsedArguments args, CliContext context)
    {
        if (args.Get("output") is null)
        {
            writer.Write(report, context.Stdout, Layout(args, context));
            return;
        }
        using var text = new StringWriter();
        writer.Write(report, text, Layout(args, context));
        Write(text.ToString(), args, context);
    }

    /// <summary>The layout of a text report for where --output (or its absence) sends it, and --color.</summary>
    public static TextLayout Layout(ParsedArguments args, CliContext context)
    {
        var color = args.Choice("color", "auto", "auto", "always", "never") switch
        {
            "always" => ColorChoice.Always,
            "never" => ColorChoice.Never,
            _ => ColorChoice.Auto,
        };
        return TextLayout.For(context, color, toFile: args.Get("output") is not null);
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
            AtomicFile.WriteAllText(Path.GetFullPath(path, context.CurrentDirectory), report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
