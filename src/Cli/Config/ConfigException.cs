using SchemaNorm.Analyzer.Diagnostics;

namespace SchemaNorm.Cli.Config;

/// <summary>A config file that cannot be used: every problem found in it, each at its file:line:column. Exit status 2.</summary>
public sealed class ConfigException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(diagnostics.Count == 0 ? "bad config file" : diagnostics[0].ToString())
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
