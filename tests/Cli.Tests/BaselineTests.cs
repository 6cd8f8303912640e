using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

public class BaselineTests
{
    [Fact]
    public void Writing_a_baseline_records_fingerprints_without_lines_and_passes()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/schema.sql", TestScripts.EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "--write-baseline", "ci/baseline.json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote 2 findings to the baseline ci/baseline.json", r.Stderr);
        Assert.Contains("dbo.EmpProj — 1NF, key (Ssn, Pnumber) (2 in the baseline)", r.Stdout);

        var text = File.ReadAllText(Path.Combine(dir.Root, "ci", "baseline.json"));
        Assert.DoesNotContain("line", text);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        var entries = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("fingerprint").GetString());
            Assert.Equal("SN2001", e.GetProperty("ruleId").GetString());
            Assert.Equal("dbo.EmpProj", e.GetProperty("table").GetString());
            Assert.Equal("../db/schema.sql", e.GetProperty("file").GetString());
        });
    }

    [Fact]
    public void Only_new_findings_fail_and_fixed_ones_are_reported_as_absent()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json").ExitCode);

        // Unchanged design, lines moved: still passes.
        dir.Write("schema.sql", "\n\n-- moved down\n" + TestScripts.EmpProj);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json").ExitCode);

        // One finding fixed, one new table without a key.
        dir.Write("schema.sql", TestScripts.EmpProj.Replace("    -- schemanorm: fd Pnumber -> Pname, Plocation\n", "") + TestScripts.Heap);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var baseline = doc.RootElement.GetProperty("baseline");
        Assert.Equal(1, baseline.GetProperty("new").GetInt32());
        Assert.Equal(1, baseline.GetProperty("unchanged").GetInt32());
        var absent = Assert.Single(baseline.GetProperty("absent").EnumerateArray());
        Assert.Equal(["Pnumber", "Pname", "Plocation"], absent.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var states = doc.RootElement.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("findings").EnumerateArray())
            .ToDictionary(f => f.GetProperty("ruleId").GetString()!, f => f.GetProperty("baselineState").GetString());
        Assert.Equal("unchanged", states["SN2001"]);
        Assert.Equal("new", states["SN1001"]);

        // GitHub annotations name only the new finding.
        var github = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json", "--format", "github").Stdout;
        var command = Assert.Single(github.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("SN1001", command);
        Assert.Contains("1 in the baseline. 1 baseline entry no longer found.", github);
    }

    [Fact]
    public void A_baselined_keyless_table_that_gains_a_column_is_not_new()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Heap);
        Assert.Equal(0, BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json").ExitCode);
        var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Root, "baseline.json"))).RootElement.GetProperty("findings")[0];
        Assert.Equal("SN1001", entry.GetProperty("ruleId").GetString());
        Assert.Equal(0, entry.GetProperty("columns").GetArrayLength()); // the whole table: no columns to go stale

        dir.Write("schema.sql", TestScripts.Heap.Replace("B int NULL", "B int NULL, C nvarchar(20) NULL"));
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal(1, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("baseline").GetProperty("unchanged").GetInt32());

        // Another keyless table is still new.
        dir.Write("schema.sql", TestScripts.Heap + TestScripts.Heap.Replace("Heap", "Heap2"));
        Assert.Equal(1, BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json").ExitCode);
    }

    [Fact]
    public void A_baseline_whose_keyless_table_entry_lists_its_columns_still_matches()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Heap.Replace("B int NULL", "B int NULL, C int NULL"));
        // As earlier versions wrote it: the fingerprint hashed every column of the table.
        var old = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("SN1001|dbo.heap||a,b"u8).AsSpan(0, 16));
        dir.Write("baseline.json", $$"""
            { "version": 1, "findings": [ { "fingerprint": "{{old}}", "ruleId": "SN1001", "table": "dbo.Heap", "columns": ["A", "B"], "file": "schema.sql" } ] }
            """);
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("1 known, 0 new, 0 no longer found", r.Stdout);
    }

    [Fact]
    public void The_config_names_the_baseline_relative_to_itself()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        dir.Write("schemanorm.json", """{ "baseline": "ci/schemanorm-baseline.json" }""");
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "ci/schemanorm-baseline.json").ExitCode);
        dir.Write("sub/x.sql", TestScripts.Heap);
        var r = CliRunner.RunIn(Path.Combine(dir.Root, "sub"), "analyze", "../schema.sql", "x.sql");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ci/schemanorm-baseline.json: 2 known, 1 new, 0 no longer found.", r.Stdout);
    }

    [Theory]
    [InlineData(null, "no baseline file")]
    [InlineData("not json", "is not a SchemaNorm baseline")]
    [InlineData("""{ "findings": [] }""", "is not a SchemaNorm baseline")]
    [InlineData("""{ "version": 7, "findings": [] }""", "baseline format 7 is not known")]
    [InlineData("""{ "version": 1, "findings": [ { "ruleId": "SN2001" } ] }""", "needs a \"fingerprint\"")]
    public void A_missing_or_malformed_baseline_exits_two(string? content, string message)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        if (content is not null) dir.Write("baseline.json", content);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Suppressing_a_baselined_finding_does_not_make_it_absent()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Heap);
        CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json");
        dir.Write("schema.sql", "-- schemanorm-disable SN1001 staging\n" + TestScripts.Heap);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("baseline").GetProperty("absent").EnumerateArray());
    }

    [Theory]
    [InlineData("not json", "baseline.json:1:2: error: the file is not a SchemaNorm baseline: not valid JSON: 'not json' is an invalid JSON literal")]
    [InlineData("{ \"version\": 1,\n  \"findings\": [ } ", "baseline.json:2:17: error: the file is not a SchemaNorm baseline: not valid JSON: '}' is an invalid start of a value")]
    [InlineData("{ \"version\": 1,\n  \"findings\": 3 }", "baseline.json:2:15: error: the file is not a SchemaNorm baseline: expected an object with a \"version\" number and a \"findings\" array")]
    [InlineData("{ \"version\": 1, \"findings\": [\n  { \"ruleId\": \"SN2001\" } ] }", "baseline.json:2:3: error: each finding needs a \"fingerprint\" string")]
    [InlineData("{ \"version\": 2, \"findings\": [] }", "baseline.json:1:14: error: baseline format 2 is not known")]
    [InlineData("{ \"version\": 1, \"findings\": [ \"\\ud800\" ] }", "baseline.json:1:31: error: the file is not a SchemaNorm baseline: not valid JSON")]
    public void A_baseline_that_is_not_one_is_an_error_at_its_line_and_column(string content, string expected)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        dir.Write("baseline.json", content);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json");
        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(expected, lines[0]);
        Assert.Equal("schemanorm: 1 error in the baseline file; no report written.", lines[1].TrimEnd('\r'));
        Assert.Equal("", r.Stdout);
    }
}
