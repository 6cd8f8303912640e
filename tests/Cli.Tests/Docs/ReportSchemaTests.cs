using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Docs;

/// <summary>
/// The committed JSON report schema matches the types that write the reports, and real reports validate
/// against it. With SCHEMANORM_WRITE_DOCS=1 the stale file is rewritten instead (then review and commit it).
/// </summary>
public sealed class ReportSchemaTests
{
    [Fact]
    public void GeneratedDocs_report_schema_is_current()
    {
        var path = Path.Combine(TestPaths.RepoRoot, ReportSchema.File);
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var generated = ReportSchema.Generate();
        if (generated == committed) return;
        if (Environment.GetEnvironmentVariable("SCHEMANORM_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }
        Assert.Fail($"{ReportSchema.File} is stale: it differs from the types the JSON reports are written from. " +
                    $"Regenerate it with {ReportSchema.Regenerate}, and commit the result.");
    }

    public static TheoryData<string, string[]> Reports => new()
    {
        { "analyze", ["analyze", "sample-schemas/1-partial-dependency/schema.sql", "--format", "json"] },
        { "analyze", ["analyze", "sample-schemas/7-join-dependency/schema.sql", "--format", "json"] },
        { "analyze", ["analyze", "sample-schemas/ssdt-project/Retail.sqlproj", "--format", "json"] },
        { "decompose", ["decompose", "sample-schemas/2-transitive-dependency/schema.sql", "--table", "Employee", "--format", "json"] },
        { "decompose", ["decompose", "sample-schemas/3-bcnf-violation/schema.sql", "--table", "Tutoring", "--format", "json"] },
        { "discover", ["discover", "sample-schemas/6-multivalued-dependency/schema.sql", "--format", "json"] },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Real_reports_validate_against_the_schema_and_use_no_field_it_lacks(string document, string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.True(run.Stdout.Length > 0, run.Stderr);
        var schema = await StrictDefinition(document);
        var errors = schema.Validate(run.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task A_field_the_types_do_not_have_fails_validation()
    {
        var schema = await StrictDefinition("discover");
        var report = JsonNode.Parse(CliRunner.Run("discover", "sample-schemas/6-multivalued-dependency/schema.sql", "--format", "json").Stdout)!;
        Assert.Empty(schema.Validate(report.ToJsonString()));
        report["tables"]![0]!["unknownField"] = 1;
        Assert.NotEmpty(schema.Validate(report.ToJsonString()));
        report["tables"]![0]!.AsObject().Remove("unknownField");
        report["tables"]![0]!["rows"] = "many";
        Assert.NotEmpty(schema.Validate(report.ToJsonString()));
    }

    /// <summary>
    /// One document's definition, with every object closed (additionalProperties false), so that a field a
    /// report writes but the types do not declare fails. The published schema stays open for added fields.
    /// </summary>
    private static async Task<JsonSchema> StrictDefinition(string document)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, ReportSchema.File)))!.AsObject();
        var definition = root["$defs"]![document]!.DeepClone();
        Close(definition);
        var text = definition.ToJsonString().Replace($"#/$defs/{document}", "#");
        return await JsonSchema.FromJsonAsync(text);
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey("properties") && !o.ContainsKey("additionalProperties")) o["additionalProperties"] = false;
                foreach (var (_, child) in o.ToList()) Close(child);
                break;
            case JsonArray a:
                foreach (var child in a) Close(child);
                break;
        }
    }
}
