using System.CommandLine;
using System.CommandLine.Parsing;
using SchemaNorm.Cli.Commands;

namespace SchemaNorm.Cli.Options;

/// <summary>
/// The command line as System.CommandLine sees it, built from the commands' option tables (the one place
/// options are declared). System.CommandLine tokenizes and parses; the result is turned into the
/// <see cref="ParsedArguments"/> the commands read, and shell completion is generated from the same tree.
/// </summary>
internal sealed class CommandTree
{
    public const string HelpName = "help", CompletionName = "completion", VersionName = "version";

    /// <summary>What one command of the tree was built from.</summary>
    private sealed record Declared(ICommand? Command, Argument<string[]> Positionals, IReadOnlyDictionary<Option, OptionSpec> Options);

    private readonly Dictionary<Command, Declared> _declared = [];

    public Command Root { get; }
    public Option<bool> RootHelp { get; } = Flag("--help", "-h", "show help");
    public Option<bool> RootVersion { get; } = Flag("--version", null, "show the version");
    public Command Help { get; } = new(HelpName, "Shows a command's options (the same as schemanorm <command> --help).");
    public Argument<string> HelpTopic { get; } = new("command") { Arity = ArgumentArity.ZeroOrOne };
    public Command Completion { get; } = new(CompletionName, $"Prints a shell completion script ({string.Join(", ", ShellCompletion.Shells)}).");
    public Argument<string[]> Shell { get; } = new("shell") { Arity = ArgumentArity.ZeroOrMore };
    public Command Version { get; } = new(VersionName, "Shows the version.");

    // Response files (@file) would turn an input named @x.sql into a list of arguments; directives
    // ([name]) are not offered. POSIX bundling stays: -qv is -q -v.
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    public CommandTree(IReadOnlyList<ICommand> commands)
    {
        // A plain command named as RootCommand names itself: RootCommand's own --help, --version and
        // directives, which the project's help text replaces, would load their resource strings at every start.
        Root = new Command(RootCommand.ExecutableName, "Finds where a relational schema is not normalized and shows how to fix it.");
        Root.Options.Add(RootHelp);
        Root.Options.Add(RootVersion);
        foreach (var command in commands) Root.Subcommands.Add(Build(command.Name, command.Summary, command.Options, command));

        HelpTopic.CompletionSources.Add(commands.Select(c => c.Name).ToArray());
        Help.Arguments.Add(HelpTopic);
        Shell.CompletionSources.Add(ShellCompletion.Shells);
        Completion.Arguments.Add(Shell);
        Root.Subcommands.Add(Help);
        Root.Subcommands.Add(Completion);
        Root.Subcommands.Add(Version);
    }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Configuration);

    /// <summary>Whether the command line gave the option (a flag's default does not count).</summary>
    public static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    /// <summary>The project's command a parse chose, or null for the root and the tool's own commands.</summary>
    public ICommand? CommandOf(ParseResult result) =>
        _declared.TryGetValue(result.CommandResult.Command, out var d) ? d.Command : null;

    /// <summary>Parses the arguments of one command given by its option table alone (tests and benchmarks call this).</summary>
    public static ParsedArguments ParseOptions(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var tree = new CommandTree([]);
        var command = tree.Build("command", "", specs, null);
        tree.Root.Subcommands.Add(command);
        return tree.Arguments(tree.Parse(["command", .. args]), args);
    }

    private Command Build(string name, string summary, IReadOnlyList<OptionSpec> specs, ICommand? owner)
    {
        var command = new Command(name, summary);
        var positionals = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(positionals);
        var options = new Dictionary<Option, OptionSpec>();
        foreach (var spec in specs.DistinctBy(s => s.Name))
        {
            var option = ToOption(spec);
            command.Options.Add(option);
            options[option] = spec;
        }
        _declared[command] = new Declared(owner, positionals, options);
        return command;
    }

    private static Option<bool> Flag(string name, string? alias, string help) =>
        new(name, alias is null ? [] : [alias]) { Arity = ArgumentArity.Zero, Description = help };

    private static Option ToOption(OptionSpec spec)
    {
        var alias = spec.Alias is null ? null : "-" + spec.Alias;
        if (spec.Arity == OptionArity.Flag) return Flag("--" + spec.Name, alias, spec.Help);
        // One value per occurrence; given again, the values add up in order (the last wins for a single-valued option).
        return new Option<string[]>("--" + spec.Name, alias is null ? [] : [alias])
        {
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Description = spec.Help,
            HelpName = spec.ValueName,
        };
    }

    /// <summary>The option values and positionals of the project's command a parse chose.</summary>
    /// <param name="commandArgs">The arguments after the command's name, as typed.</param>
    /// <exception cref="UsageException">an unknown option, a missing value, a flag given a value</exception>
    public ParsedArguments Arguments(ParseResult result, IReadOnlyList<string> commandArgs)
    {
        var declared = _declared[result.CommandResult.Command];
        var positionals = result.GetResult(declared.Positionals)?.Tokens.Select(t => t.Value).ToList() ?? [];

        // An unknown option reaches the command as a positional; after "--" a leading dash is a file's.
        int afterDoubleDash = result.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Count();
        foreach (var word in positionals.Take(positionals.Count - afterDoubleDash))
            if (word.Length > 1 && word[0] == '-')
            {
                var name = word.TrimStart('-').Split('=', ':')[0];
                throw new UsageException($"unknown option '{word}'{Suggestion.DidYouMean(name, declared.Options.Values.Select(s => s.Name), "--")} (see the command's --help)");
            }

        if (FlagWithValue(commandArgs, declared.Options) is { } flag) throw new UsageException($"--{flag.Name} takes no value");

        foreach (var error in result.Errors)
        {
            if (error.SymbolResult is OptionResult { Option: var option } && declared.Options.TryGetValue(option, out var spec))
                throw new UsageException($"--{spec.Name} needs a value{(spec.ValueName is null ? "" : $" ({spec.ValueName})")}");
            throw new UsageException(error.Message);
        }

        var parsed = new ParsedArguments();
        parsed.Positionals.AddRange(positionals);
        foreach (var (option, spec) in declared.Options)
        {
            if (!Given(result, option)) continue;
            if (spec.Arity == OptionArity.Flag) parsed.Add(spec.Name, "true");
            else foreach (var token in result.GetResult(option)!.Tokens) parsed.Add(spec.Name, token.Value);
        }
        return parsed;
    }

    /// <summary>
    /// A flag written --name=value (or --name:value): System.CommandLine sets the flag and passes the
    /// value on as a positional, where it would be read as an input path.
    /// </summary>
    private static OptionSpec? FlagWithValue(IReadOnlyList<string> args, IReadOnlyDictionary<Option, OptionSpec> options)
    {
        var specs = options.Values.ToList();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--") return null;
            if (!arg.StartsWith('-')) continue;
            int separator = arg.IndexOfAny(['=', ':']);
            var name = separator < 0 ? arg : arg[..separator];
            var spec = specs.FirstOrDefault(s => "--" + s.Name == name || s.Alias is { } a && "-" + a == name);
            if (spec is null) continue;
            if (spec.Arity != OptionArity.Flag)
            {
                if (separator < 0) i++; // its value, whatever it looks like
                continue;
            }
            if (separator >= 0) return spec;
        }
        return null;
    }
}
