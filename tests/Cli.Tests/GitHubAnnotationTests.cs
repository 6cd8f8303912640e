using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Tests;

public class GitHubAnnotationTests
{
    [Fact]
    public void Each_finding_is_one_workflow_command_at_its_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/schema.sql", TestScripts.EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "--format", "github");
        Assert.Equal(1, r.ExitCode);
        var commands = r.Stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("::warning file=db/schema.sql,line=5,col=5,title=SN2001 Partial dependency on a key (dbo.EmpProj)::Ssn -> Ename%3A", commands[0].Replace("Ename: ", "Ename%3A"));
        Assert.StartsWith("::warning file=db/schema.sql,line=7,col=5,", commands[1]);
        // One command per line: the message's line break is escaped.
        Assert.Contains("%0AFix: move Ename", commands[0]);
        Assert.Contains("1 table, 1 below BCNF; 2 warnings.", r.Stdout);
    }

    [Fact]
    public void Input_errors_and_warnings_are_workflow_commands_at_their_place()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("db/bulk.sql", "CREATE TABLE dbo.T (Id int PRIMARY KEY, a int);\nBULK INSERT dbo.T FROM '/proc/self/environ';\n");
        dir.Write("db/bad.sql", "CREATE TABLE dbo.U (Id int PRIMARY KEY,\n");
        var r = CliRunner.RunIn(dir.Root, "analyze", "db", "--format", "github");
        Assert.Equal(2, r.ExitCode);
        var commands = r.Stderr.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, c => c.StartsWith("::warning file=db/bulk.sql,line=2,col=1,title=SchemaNorm input warning::", StringComparison.Ordinal)
                                       && c.Contains("/proc/self/environ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("::error file=db/bad.sql,line=1,col=", StringComparison.Ordinal)
                                       && c.Contains(",title=SchemaNorm input error::", StringComparison.Ordinal));

        // The compiler-style line stays, for the log; other formats have only that.
        Assert.Contains("db/bulk.sql:2:1: warning:", r.Stderr);
        var text = CliRunner.RunIn(dir.Root, "analyze", "db");
        Assert.DoesNotContain("::error", text.Stderr);
        Assert.Contains("db/bulk.sql:2:1: warning:", text.Stderr);
    }

    [Fact]
    public void Notes_are_notices_and_suppressed_findings_are_not_annotated()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("notes.sql", TestScripts.NoteOnly);
        dir.Write("heap.sql", "-- schemanorm-disable-file\n" + TestScripts.Heap);
        var r = CliRunner.RunIn(dir.Root, "analyze", ".", "--format", "github");
        Assert.Equal(0, r.ExitCode);
        var command = Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith("::notice file=notes.sql,line=2,", command);
        Assert.Contains("SN4001", command);
        Assert.Contains("1 suppressed.", r.Stdout);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100% sure", "100%25 sure")]
    [InlineData("two\r\nlines\n", "two%0D%0Alines%0A")]
    [InlineData("a: b, c", "a: b, c")]
    public void Messages_escape_percent_and_line_breaks(string text, string expected) =>
        Assert.Equal(expected, GitHubAnnotationWriter.Data(text));

    [Theory]
    [InlineData("db/schema.sql", "db/schema.sql")]
    [InlineData("a,b:c.sql", "a%2Cb%3Ac.sql")]
    [InlineData("50%\n", "50%25%0A")]
    public void Properties_also_escape_colons_and_commas(string text, string expected) =>
        Assert.Equal(expected, GitHubAnnotationWriter.Property(text));

    [Fact]
    public void A_file_name_with_a_comma_stays_one_property()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("orders,v2.sql", TestScripts.Heap);
        var r = CliRunner.RunIn(dir.Root, "analyze", "orders,v2.sql", "--format", "github");
        Assert.StartsWith("::warning file=orders%2Cv2.sql,line=1,col=1,title=SN1001 ", r.Stdout);
    }
}
