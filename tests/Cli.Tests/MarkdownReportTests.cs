using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Tests;

public class MarkdownReportTests
{
    [Fact]
    public void Summary_table_findings_fixes_and_a_diagram_of_each_table_below_target()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Clean);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "markdown");
        Assert.Equal(1, r.ExitCode);
        var md = r.Stdout;

        Assert.StartsWith("## SchemaNorm report\n", md);
        Assert.Contains("| Table | Normal form | Target BCNF | Findings |", md);
        Assert.Contains("| `dbo.EmpProj` | 1NF | ❌ below | 2 warnings |", md);
        Assert.Contains("| `dbo.Customer` | 5NF | ✅ meets | none |", md);
        Assert.Contains("### `dbo.EmpProj` — 1NF, below BCNF", md);
        Assert.DoesNotContain("### `dbo.Customer`", md);
        Assert.Contains("- **warning** SN2001 Partial dependency on a key (2NF) at `schema.sql:5`", md);
        Assert.Contains("**Fix:** move Ename to a table keyed by Ssn", md);

        // The table as it is, and the proposed decomposition under it.
        Assert.Equal(2, Occurrences(md, "```mermaid\nerDiagram\n").Count());
        Assert.Contains("**Proposed decomposition (BCNF", md);
        Assert.Contains("    \"dbo.EmpProj\" {\n        char(9) Ssn PK\n        int Pnumber PK\n", md);
        Assert.Contains("nvarchar(60) Ename \"depends on Ssn (SN2001)\"", md);
    }

    [Fact]
    public void Rule_ids_link_to_their_pages_only_with_a_base_uri()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.Heap);
        var plain = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "markdown").Stdout;
        Assert.DoesNotContain("](", plain);
        var linked = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "markdown", "--help-uri-base", "https://example.org/rules/{ruleId}.html").Stdout;
        Assert.Contains("[SN1001](https://example.org/rules/SN1001.html)", linked);
    }

    [Fact]
    public void Suppressed_findings_are_folded_away_with_their_reason()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "-- schemanorm-disable SN1001 | staging, loaded nightly\n" + TestScripts.Heap);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "markdown");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<details><summary>1 suppressed finding</summary>", r.Stdout);
        Assert.Contains("| SN1001 | `dbo.Heap` | A, B | comment at `schema.sql:1` | \\| staging, loaded nightly |", r.Stdout);
        Assert.Contains("| `dbo.Heap` | 5NF | ✅ meets | none (1 suppressed) |", r.Stdout);
    }

    [Fact]
    public void The_decomposition_hook_adds_its_markdown_under_tables_below_target_only()
    {
        using var dir = new CliRunner.Scratch();
        var file = dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Clean);
        var ingest = Ingestor.Ingest([file], new IngestOptions());
        var analysis = SchemaAnalyzer.Analyze(ingest.Model, AnalysisOptions.Default, new DiagnosticBag());
        var asked = new List<string>();
        var md = new MarkdownReportWriter(dir.Root, ReportFacts.For(analysis)).Write(analysis, t =>
        {
            asked.Add(t.Table.Name.ToString());
            return "#### Proposed decomposition of " + t.Table.Name;
        });
        Assert.Equal(["dbo.EmpProj"], asked);
        Assert.Contains("#### Proposed decomposition of dbo.EmpProj", md);
    }

    [Fact]
    public void Markup_in_messages_is_escaped()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "CREATE TABLE dbo.[Odd*Name] ([a_b] int NULL, [<c>] int NULL);\n");
        var md = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "markdown").Stdout;
        Assert.Contains("`dbo.Odd*Name`", md);            // names in code spans stay as written
        Assert.Contains("Key: `(a_b, <c>)`", md);
        Assert.Contains("  dbo.Odd\\*Name has no PRIMARY KEY", md);  // prose is escaped
        Assert.Contains("\"dbo.Odd*Name\" {\n        int a_b\n        int `#lt;c#gt;`\n", md);
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            yield return i;
    }
}
