using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

public class SarifOutputTests
{
    public static TheoryData<string> SampleSchemas() =>
        new(Directory.GetDirectories(TestPaths.SampleSchemas).Where(d => File.Exists(Path.Combine(d, "schema.sql")))
            .Select(Path.GetFileName).Order().Select(n => n!));

    [Theory]
    [MemberData(nameof(SampleSchemas))]
    public void Sarif_of_each_sample_schema_validates(string folder)
    {
        var r = CliRunner.Run("analyze", Path.Combine("sample-schemas", folder), "--format", "sarif", "--target", "5NF", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertValid(r.Stdout);
        Assert.NotEmpty(Results(r.Stdout));
    }

    [Theory]
    [InlineData("northwind")]
    [InlineData("pubs")]
    [InlineData("adventureworkslt")]
    [InlineData("adventureworks")]
    public void Sarif_of_each_real_schema_validates(string folder)
    {
        var r = CliRunner.Run("analyze", TestPaths.SharedFile("real-schemas", folder), "--format", "sarif", "--fail-on", "none", "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertValid(r.Stdout);
        // Outside the current folder: absolute file URIs, no base id.
        foreach (var result in Results(r.Stdout))
        {
            var location = result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
            Assert.StartsWith("file:///", location["uri"]!.GetValue<string>());
            Assert.Null(location["uriBaseId"]);
        }
    }

    [Fact]
    public void Sarif_of_a_clean_schema_validates_and_has_no_results()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif");
        Assert.Equal(0, r.ExitCode);
        AssertValid(r.Stdout);
        Assert.Empty(Results(r.Stdout));
        Assert.Equal(AnalysisRules.Descriptors.Count, Run(r.Stdout)["tool"]!["driver"]!["rules"]!.AsArray().Count);
    }

    [Fact]
    public void The_run_names_its_category_and_rule_help_names_no_repository_path()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", TestScripts.Clean);
        var run = Run(CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif").Stdout);
        Assert.Equal("schemanorm/", run["automationDetails"]!["id"]!.GetValue<string>());
        foreach (var rule in run["tool"]!["driver"]!["rules"]!.AsArray())
        {
            Assert.DoesNotContain("docs/", rule!["help"]!["text"]!.GetValue<string>());
            Assert.Null(rule["helpUri"]);
        }

        var linked = Run(CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif", "--help-uri-base", "https://example.org/rules").Stdout);
        var first = linked["tool"]!["driver"]!["rules"]![0]!;
        Assert.EndsWith($"See {first["helpUri"]!.GetValue<string>()}.", first["help"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Sarif_with_suppressions_and_a_baseline_validates()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + "-- schemanorm-disable SN1001 a staging heap\n" + TestScripts.Heap);
        dir.Write("baseline.json", """
            { "version": 1, "findings": [
              { "fingerprint": "00000000000000000000000000000000", "ruleId": "SN3001", "table": "dbo.Gone", "columns": ["A", "B"], "file": "schema.sql" } ] }
            """);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif", "--baseline", "baseline.json");
        Assert.Equal(1, r.ExitCode);
        AssertValid(r.Stdout);

        var results = Results(r.Stdout);
        var suppressed = Assert.Single(results, x => x["suppressions"] is not null);
        Assert.Equal("SN1001", suppressed["ruleId"]!.GetValue<string>());
        var suppression = suppressed["suppressions"]![0]!;
        Assert.Equal("inSource", suppression["kind"]!.GetValue<string>());
        Assert.Equal("a staging heap", suppression["justification"]!.GetValue<string>());
        Assert.Equal(12, suppression["location"]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());

        Assert.Equal(2, results.Count(x => x["baselineState"]?.GetValue<string>() == "new"));
        var absent = Assert.Single(results, x => x["baselineState"]?.GetValue<string>() == "absent");
        Assert.Equal("00000000000000000000000000000000", absent["partialFingerprints"]![FingerprintKey]!.GetValue<string>());
    }

    [Fact]
    public void Sarif_open_only_leaves_out_suppressed_and_absent_results()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "-- schemanorm-disable-file\n" + TestScripts.Heap);
        dir.Write("baseline.json", """{ "version": 1, "findings": [ { "fingerprint": "ff", "ruleId": "SN3001", "table": "dbo.Gone" } ] }""");
        var full = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif", "--baseline", "baseline.json");
        var open = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif", "--baseline", "baseline.json", "--sarif-open-only");
        Assert.Equal(2, Results(full.Stdout).Count);
        Assert.Empty(Results(open.Stdout));
        AssertValid(open.Stdout);
    }

    [Fact]
    public void Validation_fails_for_a_broken_log()
    {
        // The validator must be able to say no, or the tests above prove nothing.
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var sarif = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif").Stdout;
        Assert.Empty(SarifSchema.Errors(sarif));

        var badLevel = JsonNode.Parse(sarif)!;
        badLevel["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.NotEmpty(SarifSchema.Errors(badLevel.ToJsonString()));

        var badLine = JsonNode.Parse(sarif)!;
        badLine["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.NotEmpty(SarifSchema.Errors(badLine.ToJsonString()));

        var noVersion = JsonNode.Parse(sarif)!;
        noVersion.AsObject().Remove("version");
        Assert.NotEmpty(SarifSchema.Errors(noVersion.ToJsonString()));
    }

    [Fact]
    public void Results_point_at_the_script_relative_to_the_source_root()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/my schema.sql", TestScripts.EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "--format", "sarif");
        var run = Run(r.Stdout);

        var root = run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>();
        Assert.Equal(new Uri(dir.Root + Path.DirectorySeparatorChar).AbsoluteUri, root);
        Assert.EndsWith("/", root);

        var results = Results(r.Stdout);
        Assert.Equal(2, results.Count);
        var first = results[0]!;
        Assert.Equal("SN2001", first["ruleId"]!.GetValue<string>());
        Assert.Equal("warning", first["level"]!.GetValue<string>());
        var physical = first["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("db/my%20schema.sql", physical["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("%SRCROOT%", physical["artifactLocation"]!["uriBaseId"]!.GetValue<string>());
        Assert.Equal(5, physical["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal(5, physical["region"]!["startColumn"]!.GetValue<int>());
        Assert.Equal("db/my%20schema.sql", run["artifacts"]![physical["artifactLocation"]!["index"]!.GetValue<int>()]!["location"]!["uri"]!.GetValue<string>());
        Assert.Equal("dbo.EmpProj", first["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>());
        Assert.Equal("2NF", first["properties"]!["normalForm"]!.GetValue<string>());
        Assert.Equal("dbo.EmpProj", first["properties"]!["table"]!.GetValue<string>());
        Assert.Contains("Fix: move Ename", first["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Rule_index_and_rule_id_agree_and_levels_follow_severities()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap + TestScripts.NoteOnly);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif");
        var rules = Run(r.Stdout)["tool"]!["driver"]!["rules"]!.AsArray();
        var results = Results(r.Stdout);
        Assert.Contains(results, x => x["level"]!.GetValue<string>() == "note");
        foreach (var result in results)
            Assert.Equal(result["ruleId"]!.GetValue<string>(), rules[result["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Rules_carry_their_pages_as_help_and_link_only_when_a_base_is_given()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("ok.sql", TestScripts.Clean);
        var plain = Run(CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif").Stdout);
        var driver = plain["tool"]!["driver"]!;
        Assert.Equal("SchemaNorm", driver["name"]!.GetValue<string>());
        Assert.Null(driver["informationUri"]);
        foreach (var rule in driver["rules"]!.AsArray())
        {
            var id = rule!["id"]!.GetValue<string>();
            var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", id + ".md")).ReplaceLineEndings("\n");
            Assert.Equal(page, rule["help"]!["markdown"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(rule["help"]!["text"]!.GetValue<string>()));
            Assert.Equal(AnalysisRules.Find(id)!.Title, rule["shortDescription"]!["text"]!.GetValue<string>());
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule["name"]!.GetValue<string>());
            Assert.Null(rule["helpUri"]);
        }

        var linked = Run(CliRunner.RunIn(dir.Root, "analyze", "ok.sql", "--format", "sarif", "--help-uri-base", "https://git.example.com/db/docs/rules/").Stdout);
        Assert.Equal("https://git.example.com/db/docs/rules/SN2001.md",
            linked["tool"]!["driver"]!["rules"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == "SN2001")!["helpUri"]!.GetValue<string>());
    }

    [Fact]
    public void Fingerprints_survive_moved_lines_and_change_with_the_dependency()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var before = Fingerprints(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif").Stdout);

        dir.Write("schema.sql", "-- a header\n-- that moves every line down\n\n" + TestScripts.EmpProj.Replace("Hours     decimal(5,1) NULL,", "Hours decimal(6,2) NULL, Note nvarchar(10) NULL,"));
        var moved = Fingerprints(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif").Stdout);
        Assert.Equal(before.Order(), moved.Order());

        dir.Write("schema.sql", TestScripts.EmpProj.Replace("fd Pnumber -> Pname, Plocation", "fd Pnumber -> Pname"));
        var changed = Fingerprints(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif").Stdout);
        Assert.Single(changed.Intersect(before));
    }

    private const string FingerprintKey = "schemanorm/v1";

    private static void AssertValid(string sarif)
    {
        var errors = SarifSchema.Errors(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    private static JsonNode Run(string sarif) => JsonNode.Parse(sarif)!["runs"]![0]!;

    private static List<JsonNode> Results(string sarif) => Run(sarif)["results"]!.AsArray().Select(n => n!).ToList();

    private static List<string> Fingerprints(string sarif) =>
        Results(sarif).Select(r => r["partialFingerprints"]![FingerprintKey]!.GetValue<string>()).ToList();
}
