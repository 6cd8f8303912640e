using SchemaNorm.Analyzer.Diagnostics;

namespace SchemaNorm.Cli.Config;

/// <summary>A config (or baseline) file that cannot be used: every problem found in it, each at its file:line:column. Exit status 2.</summary>
internal sealed class ConfigException(IReadOnlyList<Diagnostic> diagnostics, string subject = "the config file")
    : Exception(diagnostics.Count == 0 ? $"bad {subject}" : diagnostics[0].ToString())
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>What the file is, for the summary line: "the config file", "the baseline file".</summary>
    public string Subject { get; } = subject;
}
