using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

public class ConfigFileTests
{
    [Fact]
    public void The_nearest_config_above_the_current_folder_is_used()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", """{ "target": "3NF" }""");
        dir.Write("deeper/still/schema.sql", TestScripts.NoteOnly);
        var r = CliRunner.RunIn(Path.Combine(dir.Root, "deeper", "still"), "analyze", "schema.sql", "--format", "json");
        Assert.Equal("3NF", Json(r.Stdout).GetProperty("target").GetString());

        dir.Write("deeper/schemanorm.json", """{ "target": "5NF" }""");
        r = CliRunner.RunIn(Path.Combine(dir.Root, "deeper", "still"), "analyze", "schema.sql", "--format", "json");
        Assert.Equal("5NF", Json(r.Stdout).GetProperty("target").GetString());
    }

    [Fact]
    public void Config_option_names_the_file_and_a_missing_one_is_an_error()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("settings/strict.json", """{ "target": "5NF", "failOn": "note" }""");
        dir.Write("schema.sql", TestScripts.NoteOnly);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--config", "settings/strict.json", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("5NF", Json(r.Stdout).GetProperty("target").GetString());

        var missing = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--config", "nope.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--config: no such file 'nope.json'", missing.Stderr);
    }

    [Fact]
    public void Command_line_options_win_over_the_config()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", """{ "target": "3NF", "failOn": "none" }""");
        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql").ExitCode);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--fail-on", "warning", "--target", "BCNF", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("BCNF", Json(r.Stdout).GetProperty("target").GetString());
    }

    [Fact]
    public void An_unknown_key_is_an_error_at_its_place_with_a_suggestion()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", "{\n  \"target\": \"3NF\",\n  \"tagret\": \"BCNF\"\n}\n");
        dir.Write("schema.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("schemanorm.json:3:3: error: unknown key 'tagret' in the config file (did you mean 'target'?)", r.Stderr);
        Assert.Contains("1 error in the config file; no report written.", r.Stderr);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_its_place()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", """
            {
              "target": "6NF",
              "failOn": "sometimes",
              "helpUriBase": "docs/rules",
              "rules": { "SN2001": "loud", "SN9999": "off" },
              "files": { "include": "*.sql", "skip": [] },
              "dependencies": [
                { "table": "dbo.T", "fd": "A -> " },
                { "fd": "A -> B" },
                { "table": "dbo.T", "jd": "(A, B), (B, C)", "decision": "reject" },
                { "table": "dbo.T", "fd": "A -> B", "mvd": "A ->> B" }
              ],
              "suppressions": [ { "table": "dbo.T" }, { "rule": "SN2001", "column": "A" } ],
              "discovery": { "nulls": "same", "sampleSize": 0, "maxLhs": 2.5, "maxError": 2, "minPlausibility": "high" }
            }
            """);
        dir.Write("schema.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql");
        Assert.Equal(2, r.ExitCode);
        string[] expected =
        [
            @"schemanorm\.json:2:13: error: target takes 3NF, BCNF",
            @"schemanorm\.json:3:13: error: failOn takes one of error, warning, note, none, not ""sometimes""",
            @"schemanorm\.json:4:18: error: helpUriBase must be an absolute http or https URI",
            @"schemanorm\.json:5:24: error: rules\.SN2001 takes one of off, note, warning, error, not ""loud""",
            @"schemanorm\.json:5:32: error: unknown rule 'SN9999' in rules",
            @"schemanorm\.json:6:25: error: files\.include must be an array, not the string ""\*\.sql""",
            @"schemanorm\.json:6:34: error: unknown key 'skip' in files",
            @"schemanorm\.json:8:31: error: bad fd: a column name is missing at the end",
            @"schemanorm\.json:9:5: error: a dependency entry must name its table",
            @"schemanorm\.json:10:25: error: only fd and mvd entries can be rejected",
            @"schemanorm\.json:11:41: error: a dependency entry holds one of fd, mvd or jd, not both 'fd' and 'mvd'",
            @"schemanorm\.json:13:21: error: a suppression entry needs ""rule""",
            @"schemanorm\.json:13:43: error: a suppression with a column must also name its table",
            @"schemanorm\.json:14:27: error: discovery\.nulls takes one of equal, distinct",
            @"schemanorm\.json:14:49: error: discovery\.sampleSize takes a whole number from 1 up, not 0",
            @"schemanorm\.json:14:62: error: discovery\.maxLhs takes a whole number from 0 to 64, not 2\.5",
            @"schemanorm\.json:14:79: error: discovery\.maxError takes a number from 0 to 1, not 2",
            @"schemanorm\.json:14:101: error: discovery\.minPlausibility must be a number, not the string ""high""",
        ];
        foreach (var pattern in expected) Assert.Matches(pattern, r.Stderr);
        Assert.Contains($"{expected.Length} errors in the config file", r.Stderr);
    }

    [Theory]
    [InlineData("{ \"target\": \"3NF\",, }", 1, 19)]
    [InlineData("{\n  \"target\": \"3NF\"\n  \"failOn\": \"none\"\n}", 3, 3)]
    [InlineData("", 1, 1)]
    [InlineData("[]", 1, 1)]
    [InlineData("{ \"target\": \"3NF\", \"target\": \"BCNF\" }", 1, 20)]
    [InlineData("{\n  \"target\": \"\\ud800\" }", 2, 13)] // a lone surrogate: JSON that no string can hold
    public void Broken_json_is_an_error_at_its_place(string text, int line, int column)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", text);
        dir.Write("schema.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"schemanorm.json:{line}:{column}: error: ", r.Stderr);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", "// project settings\n{\n  /* the target */ \"target\": \"5NF\",\n}\n");
        dir.Write("schema.sql", TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("5NF", Json(r.Stdout).GetProperty("target").GetString());
    }

    [Fact]
    public void Rule_levels_raise_severities_and_off_drops_findings_from_the_normal_form()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap);
        dir.Write("schemanorm.json", """{ "rules": { "SN2001": "error", "SN1001": "off" } }""");
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json", "--fail-on", "error");
        Assert.Equal(1, r.ExitCode);
        var tables = Tables(r.Stdout);
        Assert.All(tables["EmpProj"].GetProperty("findings").EnumerateArray(), f => Assert.Equal("error", f.GetProperty("severity").GetString()));
        Assert.Empty(tables["Heap"].GetProperty("findings").EnumerateArray());
        Assert.Equal("5NF", tables["Heap"].GetProperty("normalForm").GetString());

        var sarif = JsonDocument.Parse(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "sarif").Stdout).RootElement;
        var rules = sarif.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal("error", rules.Single(x => x.GetProperty("id").GetString() == "SN2001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(rules.Single(x => x.GetProperty("id").GetString() == "SN1001").GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void A_rule_level_does_not_raise_findings_beyond_the_target()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.NoteOnly);
        dir.Write("schemanorm.json", """{ "rules": { "SN4001": "error" } }""");
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("note", Tables(r.Stdout)["CourseOffering"].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(1, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--target", "5NF").ExitCode);
    }

    [Fact]
    public void Accepted_dependencies_are_declared_and_located_in_the_config()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Clean.Replace("Name nvarchar(60) NOT NULL", "Name nvarchar(60) NOT NULL, Zip char(5) NULL, City nvarchar(30) NULL"));
        dir.Write("schemanorm.json", """
            {
              "dependencies": [
                { "table": "dbo.Customer", "fd": "Zip -> City", "decision": "accept", "reason": "checked with the post office" }
              ]
            }
            """);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var table = Tables(r.Stdout)["Customer"];
        Assert.Contains(table.GetProperty("dependencies").EnumerateArray(), d => d.GetProperty("source").GetString() == "declared"
            && d.GetProperty("lhs")[0].GetString() == "Zip" && d.GetProperty("rhs")[0].GetString() == "City");
        var finding = table.GetProperty("findings")[0];
        Assert.Equal("SN3001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("schemanorm.json", finding.GetProperty("location").GetProperty("file").GetString());
        Assert.Equal(3, finding.GetProperty("location").GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_dependency_naming_an_unknown_column_is_an_error_at_the_entry()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Clean);
        dir.Write("schemanorm.json", """
            {
              "dependencies": [
                { "table": "dbo.Customer", "fd": "Name -> Nmae", "decision": "reject" },
                { "table": "Customer", "fd": "Name -> Zip" },
                { "table": "dbo.Nobody", "fd": "A -> B", "decision": "reject" }
              ]
            }
            """);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("schemanorm.json:3:38: error: unknown column 'Nmae' in dbo.Customer (in the rejected dependency", r.Stderr);
        Assert.Contains("schemanorm.json:4:34: error: unknown column 'Zip' in dbo.Customer", r.Stderr);
        Assert.Contains("schemanorm.json:5:36: error: unknown table 'dbo.Nobody'", r.Stderr);
    }

    [Fact]
    public void Rejected_dependencies_and_discovery_settings_reach_the_run_settings()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", """
            {
              "dependencies": [
                { "table": "dbo.Orders", "fd": "CustomerID -> CustomerName, [Customer City]", "decision": "reject", "reason": "sample too small" },
                { "fd": "Sales.Orders: A ->> B", "decision": "reject" },
                { "table": "dbo.Orders", "fd": "A -> B" }
              ],
              "discovery": { "nulls": "distinct", "sampleSize": 5000, "maxLhs": 3, "maxError": 0.05, "minPlausibility": 0.5 }
            }
            """.Replace("fd\": \"Sales", "mvd\": \"Sales"));
        dir.Write("x.sql", TestScripts.Clean);

        var settings = Settings(dir.Root, "x.sql");
        var rejected = settings.Discovery.Rejected;
        Assert.Equal(2, rejected.Count);
        Assert.Equal(new QualifiedName("dbo", "Orders"), rejected[0].Table);
        Assert.Equal(DependencyKind.Fd, rejected[0].Kind);
        Assert.Equal(["CustomerID"], rejected[0].Lhs);
        Assert.Equal(["CustomerName", "Customer City"], rejected[0].Rhs);
        Assert.Equal("sample too small", rejected[0].Reason);
        Assert.Equal(3, rejected[0].Location.Line);
        Assert.Equal(new QualifiedName("Sales", "Orders"), rejected[1].Table);
        Assert.Equal(DependencyKind.Mvd, rejected[1].Kind);
        Assert.Single(settings.Analysis.ConfigDependencies);

        var d = settings.Discovery;
        Assert.False(d.NullsEqual);
        Assert.Equal(5000, d.SampleSize);
        Assert.Equal(3, d.MaxLhs);
        Assert.Equal(0.05, d.MaxError);
        Assert.Equal(0.5, d.MinPlausibility);

        // Where a command takes the discovery options, they win over the config.
        var specs = new List<OptionSpec>(new AnalyzeCommand().Options) { CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError };
        var args = ArgumentParser.Parse(["x.sql", "--nulls", "equal", "--max-lhs", "2"], specs);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = dir.Root };
        var overridden = RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis)).Discovery;
        Assert.True(overridden.NullsEqual);
        Assert.Equal(2, overridden.MaxLhs);
        Assert.Equal(0.05, overridden.MaxError);
    }

    [Fact]
    public void File_globs_choose_the_scripts_read_from_folders_and_from_the_command_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/a.sql", TestScripts.Clean);
        dir.Write("db/legacy/b.sql", TestScripts.Heap);
        dir.Write("db/c.sql", TestScripts.EmpProj);
        dir.Write("schemanorm.json", """{ "files": { "include": ["db/**/*.sql"], "exclude": ["legacy", "db/c.sql"] } }""");
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["Customer"], Tables(r.Stdout).Keys);

        // A hook passes each changed file: excluded ones are skipped, not read.
        r = CliRunner.RunIn(dir.Root, "analyze", "db/c.sql", "db/legacy/b.sql", "db/a.sql", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["Customer"], Tables(r.Stdout).Keys);
    }

    [Fact]
    public void Table_globs_choose_the_tables_reported()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap + TestScripts.Clean + "GO\nCREATE SCHEMA staging;\nGO\nCREATE TABLE staging.Load (A int);\n");
        dir.Write("schemanorm.json", """{ "tables": { "exclude": ["HEAP", "staging.*"], "include": ["dbo.*"] } }""");
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.Equal(["Customer", "EmpProj"], Tables(r.Stdout).Keys.Order());
    }

    [Fact]
    public async Task The_published_schema_agrees_with_the_reader_and_accepts_the_documented_example()
    {
        var schemaPath = Path.Combine(TestPaths.RepoRoot, "docs", "schemanorm.schema.json");
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        using var doc = JsonDocument.Parse(File.ReadAllText(schemaPath));
        var root = doc.RootElement;
        string[] Keys(JsonElement e) => e.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(ConfigReader.TopLevelKeys.Order(), Keys(root));
        Assert.Equal(ConfigReader.FilterKeys.Order(), Keys(root.GetProperty("definitions").GetProperty("filter")));
        Assert.Equal(ConfigReader.DependencyKeys.Order(), Keys(root.GetProperty("definitions").GetProperty("dependency")));
        Assert.Equal(ConfigReader.SuppressionKeys.Order(), Keys(root.GetProperty("definitions").GetProperty("suppression")));
        Assert.Equal(ConfigReader.DiscoveryKeys.Order(), Keys(root.GetProperty("properties").GetProperty("discovery")));
        Assert.Equal(SchemaNorm.Analyzer.Analysis.Rules.AnalysisRules.Descriptors.Select(d => d.Id).Order(), Keys(root.GetProperty("properties").GetProperty("rules")));

        var docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "configuration.md"));
        var example = Regex.Match(docs, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Empty(schema.Validate(example));
        ConfigReader.Read("schemanorm.json", System.Text.Encoding.UTF8.GetBytes(example));

        Assert.NotEmpty(schema.Validate("""{ "tagret": "3NF" }"""));
        Assert.NotEmpty(schema.Validate("""{ "rules": { "SN2001": "loud" } }"""));
        Assert.NotEmpty(schema.Validate("""{ "dependencies": [ { "table": "T" } ] }"""));
        Assert.Throws<ConfigException>(() => ConfigReader.Read("schemanorm.json", """{ "dependencies": [ { "table": "T" } ] }"""u8.ToArray()));
    }

    // Documents the schema can judge: the published schema and the reader must both accept, or both refuse, each.
    [Theory]
    [InlineData("""{ "dependencies": [ { "table": "T", "jd": "(A, B), (B, C)", "decision": "reject" } ] }""", false)]
    [InlineData("""{ "dependencies": [ { "table": "T", "jd": "(A, B), (B, C)", "decision": "accept" } ] }""", true)]
    [InlineData("""{ "dependencies": [ { "table": "T", "jd": "(A, B), (B, C)" } ] }""", true)]
    [InlineData("""{ "dependencies": [ { "table": "T", "fd": "A -> B", "decision": "reject" } ] }""", true)]
    [InlineData("""{ "dependencies": [ { "table": "T", "mvd": "A ->> B", "decision": "reject" } ] }""", true)]
    [InlineData("""{ "dependencies": [ { "table": "T", "fd": "A -> B", "decision": "maybe" } ] }""", false)]
    [InlineData("""{ "dependencies": [ { "table": "T", "fd": "A -> B", "mvd": "A ->> B" } ] }""", false)]
    [InlineData("""{ "dependencies": [ { "table": "T", "fd": "" } ] }""", false)]
    [InlineData("""{ "target": "3NF", "failOn": "error" }""", true)]
    [InlineData("""{ "failOn": "always" }""", false)]
    [InlineData("""{ "rules": { "SN1001": "off" } }""", true)]
    [InlineData("""{ "rules": { "SN9999": "off" } }""", false)]
    public async Task The_schema_and_the_reader_agree(string config, bool valid)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "docs", "schemanorm.schema.json"));
        var schemaErrors = schema.Validate(config);
        Assert.True(valid == (schemaErrors.Count == 0), $"schema: {string.Join("; ", schemaErrors)}");
        var read = Record.Exception(() => ConfigReader.Read("schemanorm.json", System.Text.Encoding.UTF8.GetBytes(config)));
        Assert.True(valid == read is null, $"reader: {read?.Message}");
    }

    private static RunSettings Settings(string directory, params string[] argv)
    {
        var command = new AnalyzeCommand();
        var args = ArgumentParser.Parse(argv, command.Options);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = directory };
        return RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static Dictionary<string, JsonElement> Tables(string json) =>
        Json(json).GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t);
}
