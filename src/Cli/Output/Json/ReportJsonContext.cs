using System.Text.Json.Serialization;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>
/// The JSON documents' serializers, generated at build time (no reflection, so the native build writes them
/// too). They write into a <see cref="System.Text.Json.Utf8JsonWriter"/> made by <see cref="JsonOutput"/>,
/// whose options (indentation, escaping) apply.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(DecompositionDocument))]
[JsonSerializable(typeof(DiscoveryDocument))]
[JsonSerializable(typeof(List<FullTableCheckJson>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
