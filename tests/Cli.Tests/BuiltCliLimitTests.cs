namespace SchemaNorm.Cli.Tests;

/// <summary>The built command on inputs that used to end the process (stack overflow) or hang it: a located error, exit status 2.</summary>
public class BuiltCliLimitTests
{
    [Fact]
    public void Twelve_thousand_nested_parentheses_are_a_located_error_not_a_crash()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("deep.sql", "CREATE TABLE T (Id int);\nGO\nSELECT " + new string('(', 12_000) + "1" + new string(')', 12_000) + ";\n");
        var r = BuiltCli.Run(dir.Root, "analyze", "deep.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("deep.sql:3:1008: error: nesting deeper than 1,000 levels", r.Stderr);
        Assert.DoesNotContain("overflow", r.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_config_glob_with_many_stars_against_a_long_name_finishes()
    {
        using var dir = new CliRunner.Scratch();
        var name = new string('a', 60);
        dir.Write("t.sql", $"CREATE TABLE {name} (Id int PRIMARY KEY);\n");
        dir.Write("schemanorm.json", """{ "tables": { "exclude": ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"] } }""");
        var r = BuiltCli.Run(dir.Root, "analyze", "t.sql", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(name, r.Stdout); // not excluded: the pattern needs a b
    }
}
