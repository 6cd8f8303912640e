using System.Text.Json.Nodes;

namespace SchemaNorm.Cli.Tests;

/// <summary>The fields that tell a reader which report it holds: formatVersion in JSON, informationUri in SARIF.</summary>
public class ReportContractFieldTests
{
    [Theory]
    [InlineData("analyze", "schema.sql", "--format", "json")]
    [InlineData("discover", "rows.csv", "--format", "json")]
    [InlineData("decompose", "schema.sql", "--table", "EmpProj", "--format", "json")]
    public void Every_json_document_carries_its_format_version_beside_the_tool(params string[] args)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        dir.Write("rows.csv", "a,b\n1,x\n2,x\n");
        var r = BuiltCli.Run(dir.Root, args);
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        var doc = JsonNode.Parse(r.Stdout)!.AsObject();
        Assert.Equal(1, doc["formatVersion"]!.GetValue<int>());
        Assert.Equal("schemanorm", doc["tool"]!["name"]!.GetValue<string>());
        Assert.Equal(["tool", "formatVersion"], doc.Select(p => p.Key).Take(2));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://example.org/schemanorm/rules", "https://example.org/schemanorm/rules/")]
    [InlineData("https://example.org/schemanorm/rules/", "https://example.org/schemanorm/rules/")]
    [InlineData("https://example.org/wiki/rules/{ruleId}.html", "https://example.org/wiki/rules/")]
    public void Sarif_informationUri_is_the_folder_of_the_published_rule_pages_and_absent_without_one(string? helpUriBase, string? expected)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", TestScripts.Clean);
        string[] args = helpUriBase is null
            ? ["analyze", "ok.sql", "--format", "sarif"]
            : ["analyze", "ok.sql", "--format", "sarif", "--help-uri-base", helpUriBase];
        var r = BuiltCli.Run(dir.Root, args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var driver = JsonNode.Parse(r.Stdout)!["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal(expected, driver["informationUri"]?.GetValue<string>());
    }

    [Fact]
    public void The_config_files_helpUriBase_names_the_site_too()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", TestScripts.Clean);
        dir.Write("schemanorm.json", """{ "helpUriBase": "https://docs.example.com/sn/rules/{ruleId}" }""");
        var r = CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("https://docs.example.com/sn/rules/", JsonNode.Parse(r.Stdout)!["runs"]![0]!["tool"]!["driver"]!["informationUri"]!.GetValue<string>());
    }
}
