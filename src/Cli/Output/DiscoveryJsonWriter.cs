using System.Text.Json;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output.Json;

namespace SchemaNorm.Cli.Output;

/// <summary>One table's discovery: the table, what was found, and the bounds the run itself chose.</summary>
internal sealed record DiscoveredTable(Table Table, DiscoveryResult Result, IReadOnlyList<string> Notes);

/// <summary>Writes the <see cref="DiscoveryDocument"/> (`discover --format json`).</summary>
internal static class DiscoveryJsonWriter
{
    public static string Write(IReadOnlyList<DiscoveredTable> tables) => JsonOutput.Write(w => WriteTo(w, tables));

    /// <param name="currentDirectory">What file paths are shown relative to.</param>
    public static void WriteTo(Utf8JsonWriter w, IReadOnlyList<DiscoveredTable> tables, string? currentDirectory = null) =>
        JsonSerializer.Serialize(w, DiscoveryDocument.Of(tables, currentDirectory ?? Environment.CurrentDirectory), ReportJsonContext.Default.DiscoveryDocument);
}
