using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Decomposer.Emit;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Databases.Postgres;
using SchemaNorm.Databases.SqlServer;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// Names with line breaks, quotes, brackets, backticks, comment and dollar-quote markers and Unicode line
/// separators: both dialects' migration and rollback keep every one inside its quoting, on one line.
/// </summary>
public class HostileNameScriptTests
{
    /// <summary>A table whose name, as a raw line, would drop another table; its key column holds every other marker.</summary>
    public const string Table = "Enroll\nDROP TABLE dbo.Payroll; --";
    public const string Course = "Course`\n```\n# Hi <b>x</b> */ $$ -- \u2028x$schemanorm$";
    public const string Title = "Title \"x\" |a| ]y";

    public static string Script()
    {
        var rows = new List<string>();
        for (int s = 1; s <= 6; s++)
            foreach (var (c, t, p) in new[] { ("C1", "Title1\n```", "1.00"), ("C2", "T2 |x|", "2.00"), ("C3", "T3 <script>", "-0.5") })
                rows.Add($"({s}, N'{c}', N'{t}', {p})");
        return $"CREATE TABLE dbo.[{Table}] (StudentId int NOT NULL, [{Course}] varchar(10) NOT NULL, [{Title.Replace("]", "]]")}] nvarchar(50) NOT NULL, " +
               $"Price decimal(10,2) NULL, PRIMARY KEY (StudentId, [{Course}]));\nINSERT INTO dbo.[{Table}] VALUES {string.Join(", ", rows)};\n";
    }

    public static IReadOnlyList<MigrationPlan> Plans()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("schemanorm-hostile").FullName, "schema.sql");
        File.WriteAllText(path, Script());
        var ingest = Ingestor.Ingest([path], new IngestOptions());
        Assert.False(ingest.HasErrors, string.Join("\n", ingest.Diagnostics));
        var model = ingest.Model;
        var table = Assert.Single(model.Tables);
        // Course -> Title, Price, declared (an annotation cannot name a column with a line break).
        var fd = new FunctionalDependency(AttributeSet.Of(1), AttributeSet.Of(2, 3));
        var d = Normalizer.Propose(table, [TableDependency.Functional(fd, DependencySource.Declared)], model, new DecompositionOptions { Target = NormalForm.BCNF });
        Assert.True(d.Changes);
        return MigrationPlanner.PlanAll([d], model);
    }

    [Fact]
    public void The_TSql_migration_and_rollback_run_only_their_own_statements_with_every_name_quoted_on_one_line()
    {
        // Without a dependency from the rows there is nothing to migrate; the planner gets one from the key
        // and the declared types only, so the hostile names alone are the test when no plan is made.
        var plans = PlansWithDependency();
        var script = new TSqlMigrationEmitter().Emit(plans);
        foreach (var text in new[] { script.Forward, script.Rollback })
        {
            AssertOneLineNames(text);
            var outer = ScriptAssert.Parses(text);
            // Outside the dynamic batch: only the declaration, the pieces and the EXECUTE.
            var statements = outer.Batches.SelectMany(b => b.Statements).ToList();
            Assert.All(statements, s => Assert.True(s is DeclareVariableStatement or SetVariableStatement or ExecuteStatement, s.GetType().Name));
            var inner = ScriptAssert.Parses(DynamicBatch(outer));
            Assert.DoesNotContain(ScriptAssert.All<DropTableStatement>(inner), d => d.Objects.Any(o => o.BaseIdentifier.Value == "Payroll"));
            Assert.Contains(ScriptAssert.All<SchemaObjectName>(inner), n => n.BaseIdentifier?.Value == Table);
        }
    }

    [Fact]
    public void The_PostgreSQL_migration_and_rollback_write_names_with_unicode_escapes_and_a_dollar_tag_no_name_holds()
    {
        var script = new PostgresMigrationEmitter().Emit(PlansWithDependency());
        foreach (var text in new[] { script.Forward, script.Rollback })
        {
            AssertOneLineNames(text);
            Assert.Contains("U&\"Enroll\\000aDROP TABLE dbo.Payroll; --\"", text);
            // The name holds $schemanorm$, so the DO blocks are quoted with another tag.
            Assert.DoesNotContain("DO $schemanorm$", text);
            Assert.Contains("DO $schemanorm1$", text);
        }
    }

    [Fact]
    public void Comment_text_has_control_characters_and_the_end_of_a_block_comment_escaped()
    {
        Assert.Equal("a\\nDROP TABLE x; *\\/ \\u2028 \\u0085 \\r", DisplayText.SqlComment("a\nDROP TABLE x; */ \u2028 \u0085 \r"));
    }

    [Fact]
    public void PostgreSQL_literals_and_names_stay_on_one_line()
    {
        Assert.Equal("E'a\\u000ab''c\\\\'", PostgresNames.Literal("a\nb'c\\"));
        Assert.Equal("U&\"a\\000ab\"\"c\\\\\"", PostgresNames.Quote("a\nb\"c\\"));
        Assert.Equal("\"plain\"", PostgresNames.Quote("plain"));
    }

    [Fact]
    public void A_default_text_with_a_line_break_runs_its_batch_as_dynamic_sql()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("schemanorm-default").FullName, "schema.sql");
        File.WriteAllText(path, "CREATE TABLE dbo.T (Id int NOT NULL, Code int NOT NULL,\n    -- schemanorm: fd Code -> Label\n" +
                                "    Label nvarchar(20) NOT NULL DEFAULT N'one\nGO\n:!! rm', PRIMARY KEY (Id, Code));\n");
        var ingest = Ingestor.Ingest([path], new IngestOptions());
        Assert.False(ingest.HasErrors, string.Join("\n", ingest.Diagnostics));
        var table = Assert.Single(ingest.Model.Tables);
        var analysis = SchemaAnalyzer.AnalyzeTable(ingest.Model, table, AnalysisOptions.Default with { Target = NormalForm.BCNF }, new Analyzer.Diagnostics.DiagnosticBag());
        var d = Normalizer.Propose(ingest.Model, analysis, new DecompositionOptions { Target = NormalForm.BCNF });
        var script = new TSqlMigrationEmitter().Emit(MigrationPlanner.PlanAll([d], ingest.Model));
        Assert.Contains("EXECUTE sys.sp_executesql @schemanorm_batch;", script.Forward);
        AssertOneLineNames(script.Forward);
        Assert.DoesNotContain(script.Forward.Split('\n'), l => l.TrimEnd('\r') == "GO" || l.StartsWith(":!!", StringComparison.Ordinal));
        ScriptAssert.Parses(DynamicBatch(ScriptAssert.Parses(script.Forward)));
    }

    /// <summary>The plans, with the course dependency declared (the rows alone may not be enough for it to be used).</summary>
    private static IReadOnlyList<MigrationPlan> PlansWithDependency()
    {
        var plans = Plans();
        Assert.NotEmpty(plans);
        return plans;
    }

    /// <summary>No line of the script holds a control character, and no line starts with what a name held.</summary>
    private static void AssertOneLineNames(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Assert.False(DisplayText.HasUnsafe(line.TrimEnd('\r')), line);
            Assert.False(line.TrimStart().StartsWith("DROP TABLE dbo.Payroll", StringComparison.Ordinal), line);
            Assert.False(line.StartsWith("```", StringComparison.Ordinal), line);
        }
    }

    /// <summary>The text the SET pieces of a one-line batch assemble (literals, and NCHAR(code) for each control character).</summary>
    private static string DynamicBatch(TSqlScript outer)
    {
        var sb = new StringBuilder();
        foreach (var set in ScriptAssert.All<SetVariableStatement>(outer))
            foreach (var piece in Flatten(set.Expression))
                sb.Append(piece);
        return sb.ToString();
    }

    private static IEnumerable<string> Flatten(ScalarExpression e) => e switch
    {
        BinaryExpression b => Flatten(b.FirstExpression).Concat(Flatten(b.SecondExpression)),
        StringLiteral s => [s.Value],
        FunctionCall { FunctionName.Value: "NCHAR" } f => [((char)int.Parse(((IntegerLiteral)f.Parameters[0]).Value, System.Globalization.CultureInfo.InvariantCulture)).ToString()],
        _ => throw new InvalidOperationException(e.GetType().Name),
    };
}
