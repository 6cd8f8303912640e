using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Docs;

/// <summary>
/// The committed rule lists match the rule descriptors. When one is stale the test says so; with
/// SCHEMANORM_WRITE_DOCS=1 it writes the regenerated file instead (then review and commit it).
/// </summary>
public sealed class GeneratedDocsTests
{
    public static TheoryData<string> Files => new() { "docs/rules/README.md", "README.md", "docs/schemanorm.schema.json" };

    [Theory]
    [MemberData(nameof(Files))]
    public void GeneratedDocs_are_current(string file)
    {
        var path = Path.Combine(TestPaths.RepoRoot, file);
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        var generated = Regenerate(file, committed);
        if (generated == committed) return;
        if (Environment.GetEnvironmentVariable("SCHEMANORM_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }
        Assert.Fail($"{file} is stale: its rule list differs from the rule descriptors. Regenerate it with " +
                    "SCHEMANORM_WRITE_DOCS=1 dotnet test tests/Cli.Tests --filter GeneratedDocs, and commit the result.");
    }

    [Fact]
    public void A_stale_list_is_replaced_and_the_rest_kept()
    {
        var stale = $"before\n{GeneratedRuleLists.Begin}\n| old table |\n{GeneratedRuleLists.End}\nafter\n";
        var fresh = GeneratedRuleLists.RuleTable(stale);
        Assert.StartsWith($"before\n{GeneratedRuleLists.Begin}\n| id | title |", fresh);
        Assert.EndsWith($"{GeneratedRuleLists.End}\nafter\n", fresh);
        Assert.Contains("| [SN2001](SN2001.md) | Partial dependency on a key | 2NF | warning |\n", fresh);
        Assert.DoesNotContain("old table", fresh);

        var schema = "{\n  \"rules\": {\n    \"SN1001\": { \"$ref\": \"#/definitions/ruleLevel\" }\n  },\n  \"x\": { \"rule\": { \"enum\": [\"SN1001\"] } }\n}\n";
        var regenerated = GeneratedRuleLists.ConfigSchema(schema);
        Assert.Contains("    \"SN5001\": { \"$ref\": \"#/definitions/ruleLevel\" }\n  },", regenerated);
        Assert.Contains("\"SN3501\", \"SN4001\", \"SN5001\"] }", regenerated);
    }

    private static string Regenerate(string file, string committed) => file switch
    {
        "docs/rules/README.md" => GeneratedRuleLists.RuleTable(committed),
        "README.md" => GeneratedRuleLists.ReadmeRuleLine(committed),
        _ => GeneratedRuleLists.ConfigSchema(committed),
    };
}
