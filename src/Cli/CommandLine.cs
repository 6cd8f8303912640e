using System.CommandLine;
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

    /// <summary>The command tree System.CommandLine parses with, built once from the commands' option tables.</summary>
    internal static CommandTree Tree { get; } = new(Commands);

    public static int Run(string[] args, CliContext context)
    {
        if (!context.LiveInProcess && ProcessCulture.NamesLiveDatabase(args)) return LiveDatabases.RunChild(context.LiveChild, args, context);
        try
        {
            return Dispatch(args, context);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SCHEMANORM_DEBUG") is null)
        {
            // A bug, not bad input: still one clear line and status 2, never a stack trace in a CI log.
            context.Stderr.WriteLine($"schemanorm: internal error: {e.GetType().Name}: {e.Message} (set SCHEMANORM_DEBUG=1 for details)");
            return ExitStatus.Failure;
        }
    }

    private static int Dispatch(string[] args, CliContext context)
    {
        var (stdout, stderr) = (context.Stdout, context.Stderr);
        // The version alone needs no command tree (the parse below gives the same answer).
        if (args is ["--version"] or [CommandTree.VersionName]) return Version(stdout);
        var result = Tree.Parse(args);
        var chosen = result.CommandResult.Command;
        if (Tree.CommandOf(result) is { } command) return Run(command, result, args[(Array.IndexOf(args, command.Name) + 1)..], context);
        if (chosen == Tree.Help) return Help(result, context);
        if (chosen == Tree.Completion) return Completion(result, stdout, stderr);
        if (chosen == Tree.Version && result.UnmatchedTokens.Count == 0) return Version(stdout);
        if (chosen == Tree.Version)
        {
            stderr.WriteLine($"schemanorm version: takes no arguments, not '{ReportText.Line(result.UnmatchedTokens[0])}'");
            return ExitStatus.Failure;
        }

        // The root: no command, --help, --version, or a word that names no command.
        if (args.Length == 0 || CommandTree.Given(result, Tree.RootHelp) && result.UnmatchedTokens.Count == 0)
        {
            stdout.Write(HelpText.Overview(Commands, HelpWidth(context)));
            return args.Length == 0 ? ExitStatus.Failure : ExitStatus.Clean;
        }
        if (CommandTree.Given(result, Tree.RootVersion) && result.UnmatchedTokens.Count == 0) return Version(stdout);
        return UnknownCommand(result.UnmatchedTokens.FirstOrDefault() ?? args[0], stderr);
    }

    private static int Version(TextWriter stdout)
    {
        stdout.WriteLine($"schemanorm {ToolInfo.Version}");
        return ExitStatus.Clean;
    }

    /// <summary>schemanorm help analyze: the same as schemanorm analyze --help; help alone is the overview.</summary>
    private static int Help(ParseResult result, CliContext context)
    {
        if (result.UnmatchedTokens.Count > 0) return UnknownCommand(result.UnmatchedTokens[0], context.Stderr);
        if (result.GetResult(Tree.HelpTopic)?.Tokens is not [{ Value: var topic }])
        {
            context.Stdout.Write(HelpText.Overview(Commands, HelpWidth(context)));
            return ExitStatus.Clean;
        }
        if (Commands.FirstOrDefault(c => c.Name == topic) is not { } about) return UnknownCommand(topic, context.Stderr);
        context.Stdout.Write(HelpText.ForCommand(about, HelpWidth(context)));
        return ExitStatus.Clean;
    }

    private static int Completion(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        if (result.UnmatchedTokens.Count > 0 || result.GetResult(Tree.Shell)?.Tokens is not [{ Value: var shell }]
            || ShellCompletion.Script(shell, Tree) is not { } script)
        {
            stderr.WriteLine($"schemanorm completion: give one shell: {string.Join(", ", ShellCompletion.Shells)} (e.g. eval \"$(schemanorm completion bash)\")");
            return ExitStatus.Failure;
        }
        stdout.Write(script);
        return ExitStatus.Clean;
    }

    private static int Run(ICommand command, ParseResult result, string[] commandArgs, CliContext context)
    {
        var (stdout, stderr) = (context.Stdout, context.Stderr);
        try
        {
            var parsed = Tree.Arguments(result, commandArgs);
            if (parsed.Has("help") || CommandTree.Given(result, Tree.RootHelp))
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
        stderr.WriteLine($"schemanorm: unknown command '{ReportText.Line(name)}'{Suggestion.DidYouMean(name, Commands.Select(c => c.Name))} (commands: {string.Join(", ", Commands.Select(c => c.Name))}; see 'schemanorm --help')");
        return ExitStatus.Failure;
    }
}
