namespace SchemaNorm.Cli;

/// <summary>What a command may touch: the output streams, and whether a person is watching.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, bool interactive)
{
    public TextWriter Stdout { get; } = stdout;
    public TextWriter Stderr { get; } = stderr;
    /// <summary>True when standard error is a terminal: progress lines are shown then, never in CI logs.</summary>
    public bool Interactive { get; } = interactive;
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// The raw standard output, for reports streamed as bytes (a large JSON document is never held as
    /// one string); null when <see cref="Stdout"/> is not the console (tests), which then gets the text.
    /// </summary>
    public Func<Stream>? StdoutStream { get; init; }

    /// <summary>True when standard output is a terminal: the text report may then be coloured and fit its width.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>The terminal's width in columns, or null when unknown; asked only when a report goes to the terminal.</summary>
    public Func<int?> TerminalWidth { get; init; } = () => null;

    /// <summary>Whether a run that names a live database reads it here, or runs <see cref="LiveChild"/> (<see cref="LiveDatabases"/>).</summary>
    public bool LiveInProcess { get; init; } = LiveDatabases.InProcess;

    /// <summary>The executable that reads live databases when this build does not.</summary>
    public string LiveChild { get; init; } = LiveDatabases.ChildPath;

    /// <summary>An environment variable (COLUMNS, NO_COLOR, TERM), or null; tests give their own.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;
}
