using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli;

/// <summary>Entry point: picks the command and turns every failure into a message and exit status 2. Public, with <see cref="CliContext"/>, for hosts that run the command line in-process (bench).</summary>
public static class CommandLine
{
    internal static IReadOnlyList<ICommand> Commands { get; } =
    [
        new AnalyzeCommand(),
        new DiscoverCommand(),
        new DecomposeCommand(),
        new MigrateCommand(),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, interactive: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null)
        {
            StdoutStream = ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput : null,
            StdoutIsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            TerminalWidth = ConsoleWidth,
        });

    /// <summary>The console's width, or null where it has none (asking may fail on odd terminals).</summary>
    private static int? ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var w ? w : null;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    public static int Run(string[] args, CliContext context)
    {
        var (stdout, stderr) = (context.Stdout, context.Stderr);
        // schemanorm help analyze: the same as schemanorm analyze --help.
        if (args is ["help", var topic, ..])
        {
            if (Commands.FirstOrDefault(c => c.Name == topic) is not { } about) return UnknownCommand(topic, stderr);
            stdout.Write(HelpText.ForCommand(about, HelpWidth(context)));
            return ExitStatus.Clean;
        }
        if (args is ["completion", ..])
        {
            if (args is not [_, var shell] || ShellCompletion.Script(shell, Commands) is not { } script)
            {
                stderr.WriteLine($"schemanorm completion: give one shell: {string.Join(", ", ShellCompletion.Shells)} (e.g. eval \"$(schemanorm completion bash)\")");
                return ExitStatus.Failure;
            }
            stdout.Write(script);
            return ExitStatus.Clean;
        }
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.Write(HelpText.Overview(Commands, HelpWidth(context)));
            return args.Length == 0 ? ExitStatus.Failure : ExitStatus.Clean;
        }
        if (args[0] is "--version" or "version")
        {
            stdout.WriteLine($"schemanorm {ToolInfo.Version}");
            return ExitStatus.Clean;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null) return UnknownCommand(args[0], stderr);

        try
        {
            var parsed = ArgumentParser.Parse(args[1..], command.Options);
            if (parsed.Has("help"))
            {
                stdout.Write(HelpText.ForCommand(command, HelpWidth(context)));
                return ExitStatus.Clean;
            }
            return command.Run(parsed, context);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"schemanorm {command.Name}: {Output.ReportText.Line(e.Message)}");
            return ExitStatus.Failure;
        }
        catch (Config.ConfigException e)
        {
            int errors = DiagnosticPrinter.Print(e.Diagnostics, context, quiet: false, verbose: false);
            stderr.WriteLine($"schemanorm: {errors} error{(errors == 1 ? "" : "s")} in {e.Subject}; no report written.");
            return ExitStatus.Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SCHEMANORM_DEBUG") is null)
        {
            // A bug, not bad input: still one clear line and status 2, never a stack trace in a CI log.
            stderr.WriteLine($"schemanorm {command.Name}: internal error: {e.GetType().Name}: {e.Message} (set SCHEMANORM_DEBUG=1 for details)");
            return ExitStatus.Failure;
        }
    }

    /// <summary>Help wraps at the terminal's width (or COLUMNS); into a pipe or a file each option stays on one line, for grep.</summary>
    private static int? HelpWidth(CliContext context) =>
        context.Variable("COLUMNS") is not null || context.StdoutIsTerminal ? TextLayout.For(context, ColorChoice.Never, toFile: false).Width : null;

    private static int UnknownCommand(string name, TextWriter stderr)
    {
        stderr.WriteLine($"schemanorm: unknown command '{name}'{Suggestion.DidYouMean(name, Commands.Select(c => c.Name))} (commands: {string.Join(", ", Commands.Select(c => c.Name))}; see 'schemanorm --help')");
        return ExitStatus.Failure;
    }
}
