using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Tests;

/// <summary>--discovery-timeout and discovery.timeout: a table whose search runs out of time is analysed without it.</summary>
public class DiscoveryTimeoutTests
{
    // DeptId -> DeptName repeats in the rows: a design dependency when discovery has the time.
    private const string Script = """
        CREATE TABLE dbo.Emp (EmpId int PRIMARY KEY, DeptId int, DeptName varchar(20));
        INSERT INTO dbo.Emp VALUES (1, 20, 'Ops'), (2, 30, 'Admin'), (3, 10, 'Sales'), (4, 20, 'Ops'), (5, 30, 'Admin'), (6, 10, 'Sales'),
          (7, 20, 'Ops'), (8, 30, 'Admin'), (9, 10, 'Sales'), (10, 20, 'Ops'), (11, 30, 'Admin'), (12, 10, 'Sales');
        """;

    private static RunSettings Settings(string directory, params string[] argv)
    {
        var command = new AnalyzeCommand();
        var args = ArgumentParser.Parse(argv, command.Options);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = directory };
        return RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis));
    }

    private static TableDataDependencies Discover(RunSettings settings)
    {
        var model = Ingestor.Ingest(settings.Paths, settings.Ingest).Model;
        return Assert.Single(DataDependencies.Find(model, settings.Discovery).Values);
    }

    [Fact]
    public void Out_of_time_the_table_gets_a_note_and_no_dependencies_from_its_rows()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("emp.sql", Script);
        var settings = Settings(dir.Root, "emp.sql");

        var inTime = Discover(settings);
        Assert.Contains(inTime.Used, d => d.Format(inTime.Table.ColumnNames) == "DeptId -> DeptName");
        Assert.DoesNotContain(inTime.Notes, n => n.Contains("--discovery-timeout", StringComparison.Ordinal));

        // A budget already spent: the outcome of any budget that runs out, without waiting for one to.
        var outOfTime = Discover(settings with { Discovery = settings.Discovery with { Timeout = TimeSpan.Zero } });
        Assert.Empty(outOfTime.Used);
        Assert.Empty(outOfTime.Candidates);
        Assert.Contains(outOfTime.Notes, n => n.Contains("took longer than 0 s (--discovery-timeout): the table is analysed without dependencies from its rows", StringComparison.Ordinal));
    }

    [Fact]
    public void The_option_wins_over_the_config_key_and_both_are_checked()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("emp.sql", Script);
        Assert.Null(Settings(dir.Root, "emp.sql").Discovery.Timeout);
        dir.Write("schemanorm.json", """{ "discovery": { "timeout": 45 } }""");
        Assert.Equal(TimeSpan.FromSeconds(45), Settings(dir.Root, "emp.sql").Discovery.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), Settings(dir.Root, "emp.sql", "--discovery-timeout", "3").Discovery.Timeout);

        var zero = CliRunner.RunIn(dir.Root, "analyze", "emp.sql", "--discovery-timeout", "0");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--discovery-timeout takes a whole number from 1 to 86400, not '0'", zero.Stderr);

        dir.Write("schemanorm.json", """{ "discovery": { "timeout": 0.5 } }""");
        var config = CliRunner.RunIn(dir.Root, "analyze", "emp.sql");
        Assert.Equal(2, config.ExitCode);
        Assert.Contains("schemanorm.json:1:29: error: discovery.timeout takes a whole number from 1 to 86400, not 0.5", config.Stderr);
    }
}
