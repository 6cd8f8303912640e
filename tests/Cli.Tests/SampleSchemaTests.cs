using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>Each sample schema shows the problem it is named for, and its normalized form shows none.</summary>
public class SampleSchemaTests
{
    [Theory]
    [InlineData("1-partial-dependency", "Enrollment", "1NF", "SN2001")]
    [InlineData("2-transitive-dependency", "Employee", "2NF", "SN3001")]
    [InlineData("3-bcnf-violation", "Tutoring", "3NF", "SN3501")]
    [InlineData("4-repeating-group", "Contact", "UNF", "SN1002")]
    [InlineData("5-multi-valued-column", "Article", "UNF", "SN1003")]
    [InlineData("6-multivalued-dependency", "CourseOffering", "BCNF", "SN4001")]
    [InlineData("7-join-dependency", "Supply", "4NF", "SN5001")]
    public void Sample_shows_its_problem_and_its_fix_is_clean(string folder, string table, string normalForm, string ruleId)
    {
        var dir = Path.Combine(TestPaths.SampleSchemas, folder);
        var r = CliRunner.Run("analyze", dir, "--format", "json", "--target", "5NF", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray().ToList();

        var problem = tables.Single(t => t.GetProperty("schema").GetString() == "dbo");
        Assert.Equal(table, problem.GetProperty("name").GetString());
        Assert.Equal(normalForm, problem.GetProperty("normalForm").GetString());
        Assert.True(problem.GetProperty("sampleRows").GetInt32() > 0);
        Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == ruleId);

        var fixedTables = tables.Where(t => t.GetProperty("schema").GetString() == "fixed").ToList();
        Assert.NotEmpty(fixedTables);
        foreach (var t in fixedTables)
        {
            Assert.Equal("5NF", t.GetProperty("normalForm").GetString());
            Assert.Empty(t.GetProperty("findings").EnumerateArray());
        }
    }
}
