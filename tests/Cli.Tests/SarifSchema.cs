using NJsonSchema;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>The official SARIF 2.1.0 schema (../shared/schemas), loaded once.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(TestPaths.SharedFile("schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    /// <summary>The schema's complaints about a SARIF log, one line each (empty when it is valid).</summary>
    public static IReadOnlyList<string> Errors(string sarif) =>
        Schema.Value.Validate(sarif).Select(e => $"{e.Path}: {e.Kind}").ToList();
}
