using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>The --fail-on threshold: which findings make the exit status 1.</summary>
internal static class FailOn
{
    /// <summary>The least severity that fails, or null for --fail-on none. The default is the config file's failOn, else warning.</summary>
    public static Severity? Threshold(ParsedArguments args, string? configured = null) =>
        args.Choice("fail-on", configured ?? "warning", "error", "warning", "note", "none") switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            _ => null,
        };

    public static int ExitStatus(IEnumerable<Finding> findings, Severity? threshold) =>
        threshold is { } t && findings.Any(f => f.Severity >= t) ? Output.ExitStatus.Findings : Output.ExitStatus.Clean;
}
