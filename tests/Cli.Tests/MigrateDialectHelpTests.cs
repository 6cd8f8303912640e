using System.Text.RegularExpressions;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests;

/// <summary>migrate's help names the dialects of the table, and each one it names is accepted.</summary>
public class MigrateDialectHelpTests
{
    [Fact]
    public void The_help_lists_the_table_s_dialects_and_each_is_accepted()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var help = BuiltCli.Run(dir.Root, "migrate", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("[--dialect tsql|postgres]", help.Stdout);
        Assert.Contains("--dialect NAME               the SQL to write: tsql (SQL Server, default) or postgres (PostgreSQL; schema dbo becomes public)", help.Stdout);
        var line = Regex.Match(help.Stdout, @"--dialect NAME +the SQL to write: (?<list>.*)").Groups["list"].Value;
        var listed = Regex.Matches(line, @"(?<name>[a-z]+) \([^()]*\)").Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(MigrationDialects.All.Select(d => d.Name), listed);
        foreach (var name in listed)
        {
            var r = BuiltCli.Run(dir.Root, "migrate", "schema.sql", "--dialect", name);
            Assert.True(r.ExitCode == 0, $"--dialect {name}: {r.Stderr}");
        }
    }
}
