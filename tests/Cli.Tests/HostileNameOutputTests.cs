using System.Text.Json;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// Every writer, fed names and values with line breaks, quotes, brackets, backticks, comment and dollar-quote
/// markers, HTML and Unicode line separators: each output still parses as its format, and nothing a name
/// holds becomes a line, a heading, a fence, an element or a statement of its own.
/// </summary>
public class HostileNameOutputTests
{
    public const string Table = "Enroll\nDROP TABLE dbo.Payroll; --";
    public const string Course = "Course`\n```\n# Hi <b>x</b> */ $$ -- \u2028x";
    public const string Title = "Title \"x\" |a| ]y";

    /// <summary>18 rows in which Course determines Title and Price: the data finds the 2NF problem.</summary>
    public static string Script()
    {
        var rows = new List<string>();
        for (int s = 1; s <= 6; s++)
            foreach (var (c, t, p) in new[] { ("C1", "Title1\n```\n# injected\n<img src=x>", "1.00"), ("C2", "T2 |x|", "2.00"), ("C3", "T3 <script>", "-0.5") })
                rows.Add($"({s}, N'{c}', N'{t}', {p})");
        return $"CREATE TABLE dbo.[{Table}] (StudentId int NOT NULL, [{Course}] varchar(10) NOT NULL, [{Title.Replace("]", "]]")}] nvarchar(50) NOT NULL, " +
               $"Price decimal(10,2) NULL, PRIMARY KEY (StudentId, [{Course}]));\nINSERT INTO dbo.[{Table}] VALUES {string.Join(", ", rows)};\n";
    }

    private static CliRunner.Result Analyze(CliRunner.Scratch dir, string format)
    {
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", format);
        Assert.True(r.ExitCode == 1, r.Stderr + r.Stdout);
        return r;
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static void NoLineFromAName(string text)
    {
        foreach (var line in Lines(text))
        {
            Assert.False(DisplayText.HasUnsafe(line), line);
            Assert.False(line.TrimStart().StartsWith("DROP TABLE", StringComparison.Ordinal), line);
            Assert.DoesNotContain("<b>", line);
            Assert.DoesNotContain("<script>", line);
        }
    }

    [Fact]
    public void Text_report_keeps_every_name_and_value_on_its_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var r = Analyze(dir, "text");
        Assert.Contains("SN2001", r.Stdout);
        Assert.Contains("dbo.Enroll\\nDROP TABLE dbo.Payroll; --", r.Stdout);
        foreach (var line in Lines(r.Stdout))
        {
            Assert.False(DisplayText.HasUnsafe(line), line);
            Assert.False(line.StartsWith("DROP", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith('#'), line);
        }
    }

    [Fact]
    public void Json_and_sarif_parse_and_keep_witnesses_short()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script() + "INSERT INTO dbo.[" + Table + "] VALUES (7, N'C4', N'" + new string('w', 5000) + "', 1), (8, N'C4', N'" + new string('w', 5000) + "', 1);\n");
        using var json = JsonDocument.Parse(Analyze(dir, "json").Stdout);
        var witnesses = json.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("findings").EnumerateArray())
            .Where(f => f.TryGetProperty("witnesses", out _))
            .SelectMany(f => f.GetProperty("witnesses").EnumerateArray().Select(w => w.GetString()!)).ToList();
        Assert.NotEmpty(witnesses);
        Assert.All(witnesses, w => Assert.True(w.Length <= 240, w));
        using var sarif = JsonDocument.Parse(Analyze(dir, "sarif").Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Markdown_report_fences_balance_and_no_name_makes_a_heading_or_an_element()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var md = Analyze(dir, "markdown").Stdout;
        AssertMarkdown(md);
        Assert.Contains("```mermaid", md);
        Assert.Contains("        decimal(10,2) Price\n", md);
    }

    [Fact]
    public void Decomposition_markdown_fences_balance_and_no_name_makes_a_heading_or_an_element()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var r = CliRunner.RunIn(dir.Root, "decompose", "schema.sql", "--table", "dbo.[" + Table + "]", "--format", "markdown");
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertMarkdown(r.Stdout);
    }

    private static void AssertMarkdown(string md)
    {
        // Inside code spans markup is shown as it is written; outside them none may appear.
        NoLineFromAName(System.Text.RegularExpressions.Regex.Replace(md, "(`+)(?!`).*?(?<!`)\\1(?!`)", "code"));
        bool inFence = false;
        foreach (var line in Lines(md))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                // Fences are ours: "```mermaid" opens, "```" closes, in turn.
                Assert.Equal(inFence ? "```" : "```mermaid", line);
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            if (line.StartsWith('#'))
                Assert.Matches(@"^(## SchemaNorm report|### `|# Decomposition of `|## (Before|After|Splits|Anomalies removed|Dependencies no table enforces|Redundancy removed|Not acted on|Notes|Alternative))", line);
            Assert.DoesNotContain("<img", line);
        }
        Assert.False(inFence, "a fence is left open");
    }

    [Fact]
    public void GitHub_annotations_are_one_command_a_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var lines = Lines(Analyze(dir, "github").Stdout);
        Assert.All(lines[..^1], l => Assert.StartsWith("::warning file=schema.sql,line=", l));
        Assert.All(lines, l => Assert.False(DisplayText.HasUnsafe(l), l));
        Assert.Contains(lines, l => l.Contains("title=SN2001 ", StringComparison.Ordinal) && l.Contains("dbo.Enroll\\nDROP TABLE dbo.Payroll; --)::", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_property_and_data_escapes_follow_the_workflow_command_rules()
    {
        Assert.Equal("a%25b%0D%0Ac", Output.GitHubAnnotationWriter.Data("a%b\r\nc"));
        Assert.Equal("a%3Ab%2Cc%0A", Output.GitHubAnnotationWriter.Property("a:b,c\n"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TSql_migration_and_rollback_parse_to_their_own_statements_only(bool rollback)
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var r = CliRunner.RunIn(dir.Root, rollback ? ["migrate", "schema.sql", "--rollback"] : ["migrate", "schema.sql"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        NoLineFromAName(r.Stdout.Replace("<b>x</b>", "", StringComparison.Ordinal));
        var parsed = new TSql170Parser(true).Parse(new StringReader(r.Stdout), out var errors);
        Assert.Empty(errors);
        var statements = ((TSqlScript)parsed).Batches.SelectMany(b => b.Statements).ToList();
        Assert.All(statements, s => Assert.True(s is DeclareVariableStatement or SetVariableStatement or ExecuteStatement, s.GetType().Name));
    }

    [Fact]
    public void PostgreSQL_migration_keeps_every_name_on_its_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", Script());
        var r = CliRunner.RunIn(dir.Root, "migrate", "schema.sql", "--dialect", "postgres", "-o", "m.sql");
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (var file in new[] { "m.sql", "m.rollback.sql" })
        {
            var text = File.ReadAllText(Path.Combine(dir.Root, file));
            foreach (var line in Lines(text))
            {
                Assert.False(DisplayText.HasUnsafe(line), line);
                Assert.False(line.TrimStart().StartsWith("DROP TABLE dbo.Payroll", StringComparison.Ordinal), line);
            }
        }
    }
}
