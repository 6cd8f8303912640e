using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>-- schemanorm-disable comments: where they are written decides what they cover.</summary>
public class SuppressionTests
{
    [Fact]
    public void A_comment_directly_above_create_table_covers_the_table()
    {
        var (exit, tables, _) = Analyze("-- schemanorm-disable SN2001 names are snapshots\n" + TestScripts.EmpProj);
        Assert.Equal(0, exit);
        var t = tables["EmpProj"];
        Assert.DoesNotContain(t.GetProperty("findings").EnumerateArray(), f => !Suppressed(f));
        Assert.Equal(2, t.GetProperty("findings").EnumerateArray().Count(Suppressed));
        Assert.Equal("5NF", t.GetProperty("normalForm").GetString());
        var by = t.GetProperty("findings")[0].GetProperty("suppression");
        Assert.Equal("comment", by.GetProperty("by").GetString());
        Assert.Equal("names are snapshots", by.GetProperty("reason").GetString());
        Assert.Equal(1, by.GetProperty("location").GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_comment_inside_create_table_covers_the_table_for_the_rules_it_names()
    {
        var script = TestScripts.EmpProj.Replace("CONSTRAINT PK_EmpProj", "-- schemanorm-disable SN3001, SN2001\n    CONSTRAINT PK_EmpProj");
        var (exit, tables, _) = Analyze(script);
        Assert.Equal(0, exit);
        Assert.All(tables["EmpProj"].GetProperty("findings").EnumerateArray(), f => Assert.True(Suppressed(f)));
    }

    [Fact]
    public void A_comment_for_another_rule_suppresses_nothing()
    {
        var (exit, tables, _) = Analyze("-- schemanorm-disable SN3001\n" + TestScripts.EmpProj);
        Assert.Equal(1, exit);
        Assert.Equal(2, tables["EmpProj"].GetProperty("findings").EnumerateArray().Count(f => !Suppressed(f)));
    }

    [Fact]
    public void A_trailing_comment_covers_its_line_and_a_comment_alone_covers_the_line_below()
    {
        // Findings of a named annotation are located on the annotation's line.
        var script = TestScripts.EmpProj.Replace("-- schemanorm: fd Ssn -> Ename\n", "").Replace("-- schemanorm: fd Pnumber -> Pname, Plocation\n", "")
            + "GO\n"
            + "-- schemanorm-disable SN2001 reviewed\n"
            + "-- schemanorm: fd dbo.EmpProj: Ssn -> Ename\n"
            + "-- schemanorm: fd dbo.EmpProj: Pnumber -> Pname, Plocation\n"
            + "GO\n"
            + "CREATE TABLE dbo.H1 (A int NULL) -- schemanorm-disable SN1001\n"
            + "GO\n"
            + "CREATE TABLE dbo.H2 (A int NULL)\n";
        var (exit, tables, _) = Analyze(script);
        Assert.Equal(1, exit);
        var findings = tables["EmpProj"].GetProperty("findings").EnumerateArray().ToList();
        Assert.True(Suppressed(findings.Single(f => f.GetProperty("location").GetProperty("line").GetInt32() == 12)));
        Assert.False(Suppressed(findings.Single(f => f.GetProperty("location").GetProperty("line").GetInt32() == 13)));
        Assert.True(Suppressed(tables["H1"].GetProperty("findings")[0]));
        Assert.False(Suppressed(tables["H2"].GetProperty("findings")[0]));
    }

    [Fact]
    public void Disable_file_covers_every_finding_in_the_file_and_no_other_file()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("a.sql", TestScripts.EmpProj + "GO\n-- schemanorm-disable-file legacy design, to be replaced\n" + TestScripts.Heap);
        dir.Write("b.sql", TestScripts.Heap.Replace("dbo.Heap", "dbo.Heap2"));
        var r = CliRunner.RunIn(dir.Root, "analyze", ".", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var tables = Tables(r.Stdout);
        Assert.All(tables["EmpProj"].GetProperty("findings").EnumerateArray().Concat(tables["Heap"].GetProperty("findings").EnumerateArray()),
            f => Assert.True(Suppressed(f)));
        Assert.False(Suppressed(tables["Heap2"].GetProperty("findings")[0]));
    }

    [Fact]
    public void Disable_file_with_rule_ids_covers_only_those_rules()
    {
        var (exit, tables, _) = Analyze("-- schemanorm-disable-file SN1001\n" + TestScripts.EmpProj + TestScripts.Heap);
        Assert.Equal(1, exit);
        Assert.True(Suppressed(tables["Heap"].GetProperty("findings")[0]));
        Assert.All(tables["EmpProj"].GetProperty("findings").EnumerateArray(), f => Assert.False(Suppressed(f)));
    }

    [Fact]
    public void A_suppression_in_a_data_batch_is_read_from_the_token_stream_too()
    {
        var script = TestScripts.Heap + "GO\nINSERT INTO dbo.Heap VALUES (1, 2);\n-- schemanorm-disable-file\nINSERT INTO dbo.Heap VALUES (3, 4);\n";
        var (exit, tables, _) = Analyze(script);
        Assert.Equal(0, exit);
        Assert.True(Suppressed(tables["Heap"].GetProperty("findings")[0]));
    }

    [Fact]
    public void Text_that_only_looks_like_a_suppression_is_not_one()
    {
        var script = TestScripts.Heap
            + "GO\nINSERT INTO dbo.Heap (A) SELECT LEN('-- schemanorm-disable-file');\n"
            + "/* -- schemanorm-disable-file */\n"
            + "-- schemanorm-disabled-file\n";
        var (exit, tables, _) = Analyze(script);
        Assert.Equal(1, exit);
        Assert.False(Suppressed(tables["Heap"].GetProperty("findings")[0]));
    }

    [Fact]
    public void An_unknown_rule_id_is_a_warning_at_the_comment()
    {
        var (exit, _, stderr) = Analyze("-- schemanorm-disable SN2010 typo\n" + TestScripts.Heap);
        Assert.Equal(1, exit);
        Assert.Matches(@"schema\.sql:1:1: warning: unknown rule 'SN2010'", stderr);
    }

    [Fact]
    public void A_colon_after_the_rule_id_starts_the_reason_and_does_not_widen_the_suppression()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "-- schemanorm-disable-file SN1001: staging only\n" + TestScripts.Heap + TestScripts.EmpProj);
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.True(r.ExitCode == 1, r.Stderr); // EmpProj's SN2001 findings still fail the run
        var tables = Tables(r.Stdout);
        var heap = tables["Heap"].GetProperty("findings")[0];
        Assert.True(Suppressed(heap));
        Assert.Equal("staging only", heap.GetProperty("suppression").GetProperty("reason").GetString());
        Assert.All(tables["EmpProj"].GetProperty("findings").EnumerateArray(), f => Assert.False(Suppressed(f)));
        Assert.DoesNotContain("warning", r.Stderr);
    }

    [Theory]
    [InlineData("SN10O1 staging only", "SN10O1")]
    [InlineData("SN-1001: staging only", "SN-1001")]
    [InlineData("sn1001x, SN1001 staging only", "SN1001X")]
    public void A_mistyped_rule_id_is_reported_and_silences_nothing_it_does_not_name(string comment, string reported)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + "-- schemanorm-disable-file " + comment + "\n" + TestScripts.Heap);
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.True(r.ExitCode == 1, r.Stderr);
        Assert.Contains($"schema.sql:12:1: warning: unknown rule '{reported}' in a schemanorm-disable comment", r.Stderr);
        Assert.All(Tables(r.Stdout)["EmpProj"].GetProperty("findings").EnumerateArray(), f => Assert.False(Suppressed(f)));
    }

    [Fact]
    public void Text_report_lists_suppressed_findings_with_their_reason()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "-- schemanorm-disable SN1001 staging table\n" + TestScripts.Heap + TestScripts.EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql");
        Assert.Contains("dbo.Heap — 5NF, key (A, B) (1 suppressed)", r.Stdout);
    }

    private static (int exit, Dictionary<string, JsonElement> tables, string stderr) Analyze(string script)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", script);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        return (r.ExitCode, Tables(r.Stdout), r.Stderr);
    }

    private static Dictionary<string, JsonElement> Tables(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.Clone());

    private static bool Suppressed(JsonElement finding) =>
        finding.TryGetProperty("suppressed", out var s) && s.GetBoolean();
}
