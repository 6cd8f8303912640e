namespace SchemaNorm.Cli.Output;

/// <summary>The exit statuses of CONTRACT.md.</summary>
internal static class ExitStatus
{
    /// <summary>Nothing at or above the --fail-on threshold.</summary>
    public const int Clean = 0;
    /// <summary>Findings at or above the threshold.</summary>
    public const int Findings = 1;
    /// <summary>The tool could not do its job: unreadable input, SQL that does not parse, a bad option.</summary>
    public const int Failure = 2;
}
