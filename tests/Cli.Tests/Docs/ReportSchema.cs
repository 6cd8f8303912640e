using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SchemaNorm.Cli.Output.Json;

namespace SchemaNorm.Cli.Tests.Docs;

/// <summary>
/// docs/schemanorm-report.schema.json, generated from the record types the JSON reports are serialized from:
/// one definition per document (analyze, decompose, discover), descriptions from their [Description]s.
/// </summary>
internal static class ReportSchema
{
    public const string File = "docs/schemanorm-report.schema.json";

    public const string Regenerate = "SCHEMANORM_WRITE_DOCS=1 dotnet test tests/Cli.Tests --filter GeneratedDocs";

    public static readonly IReadOnlyList<(string Name, Type Type)> Documents =
    [
        ("analyze", typeof(AnalysisDocument)),
        ("decompose", typeof(DecompositionDocument)),
        ("discover", typeof(DiscoveryDocument)),
    ];

    public static string Generate()
    {
        // Nullable annotations decide which fields may be null; the serializer itself is not made stricter.
        var options = new JsonSerializerOptions(ReportJsonContext.Default.Options) { RespectNullableAnnotations = true };
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Describe };
        var defs = new JsonObject();
        var anyOf = new JsonArray();
        foreach (var (name, type) in Documents)
        {
            var schema = options.GetTypeInfo(type).GetJsonSchemaAsNode(exporter);
            if (schema is JsonObject o) o.Remove("$schema");
            RebaseReferences(schema, $"#/$defs/{name}");
            defs[name] = schema;
            anyOf.Add(new JsonObject { ["$ref"] = $"#/$defs/{name}" });
        }
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/schemanorm/schemanorm/blob/main/docs/schemanorm-report.schema.json",
            ["title"] = "schemanorm JSON reports",
            ["description"] = "The documents `schemanorm analyze|decompose|discover --format json` write. Generated from the types that write them: " + Regenerate,
            ["anyOf"] = anyOf,
            ["$defs"] = defs,
        };
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Descriptions from [Description] on the property, else on its type; the three-state boolean as what it writes.</summary>
    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Type == typeof(OptionalBoolean))
            schema = new JsonObject { ["type"] = new JsonArray("boolean", "null") };
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject { } typeSchema && typeSchema["required"] is JsonArray required)
        {
            // A field left out when it has nothing to say is not required.
            foreach (var property in context.TypeInfo.Properties)
                if ((property.AttributeProvider as MemberInfo)?.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: not JsonIgnoreCondition.Never })
                    required.Remove(required.FirstOrDefault(n => n?.GetValue<string>() == property.Name));
        }
        var description =
            (context.PropertyInfo?.AttributeProvider as MemberInfo)?.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? (context.PropertyInfo is null ? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description : null);
        if (description is not null && schema is JsonObject o && !o.ContainsKey("description"))
        {
            // description first, so that the file reads top-down
            var copy = new JsonObject { ["description"] = description };
            foreach (var (key, value) in o.ToList())
            {
                o.Remove(key);
                copy[key] = value;
            }
            return copy;
        }
        return schema;
    }

    /// <summary>The exporter's references point into its own document; inside $defs they need the definition's path.</summary>
    private static void RebaseReferences(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith('#'))
                    o["$ref"] = prefix + target[1..];
                foreach (var (_, child) in o.ToList()) RebaseReferences(child, prefix);
                break;
            case JsonArray a:
                foreach (var child in a) RebaseReferences(child, prefix);
                break;
        }
    }
}
