using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Commands;

/// <summary>One subcommand of schemanorm: its options, its help, and what it does.</summary>
internal interface ICommand
{
    string Name { get; }
    string Usage { get; }
    string Summary { get; }
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command; returns the exit status (see ExitStatus).</summary>
    int Run(ParsedArguments args, CliContext context);
}
