using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// Choosing design dependencies is bounded by work (FDs found times rows), not by the clock, so that a
/// loaded machine gives the same answer as an idle one.
/// </summary>
public class DesignWorkBudgetTests
{
    private const string Script = """
        CREATE TABLE dbo.Emp (EmpId int PRIMARY KEY, DeptId int, DeptName varchar(20));
        INSERT INTO dbo.Emp VALUES (1, 20, 'Ops'), (2, 30, 'Admin'), (3, 10, 'Sales'), (4, 20, 'Ops'), (5, 30, 'Admin'), (6, 10, 'Sales'),
          (7, 20, 'Ops'), (8, 30, 'Admin'), (9, 10, 'Sales'), (10, 20, 'Ops'), (11, 30, 'Admin'), (12, 10, 'Sales');
        """;

    private static TableDataDependencies Discover(string directory, long budget)
    {
        var command = new AnalyzeCommand();
        var args = ArgumentParser.Parse(["emp.sql"], command.Options);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = directory };
        var settings = RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis));
        var model = Ingestor.Ingest(settings.Paths, settings.Ingest).Model;
        return Assert.Single(DataDependencies.Find(model, settings.Discovery, progress: null, budget).Values);
    }

    [Fact]
    public void Past_the_work_bound_the_table_gets_a_note_and_no_dependencies_from_its_rows()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("emp.sql", Script);

        var within = Discover(dir.Root, DataDependencies.DesignWorkBudget);
        Assert.Contains(within.Used, d => d.Format(within.Table.ColumnNames) == "DeptId -> DeptName");
        Assert.DoesNotContain(within.Notes, n => n.Contains("FD-rows", StringComparison.Ordinal));

        // 12 rows and at least one FD: a bound of 11 FD-rows is too small for any.
        var past = Discover(dir.Root, 11);
        Assert.Empty(past.Used);
        Assert.Empty(past.Candidates);
        Assert.Contains(past.Notes, n => n.Contains("in 12 rows is more work than the bound of 11 FD-rows: the table is analysed without dependencies from its rows", StringComparison.Ordinal));
    }
}
