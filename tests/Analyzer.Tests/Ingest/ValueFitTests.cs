using SchemaNorm.Analyzer.Diagnostics;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Sample values SQL Server would refuse: one located warning per column, with the count and the first place.</summary>
public class ValueFitTests
{
    private static IReadOnlyList<Diagnostic> Warnings(string sql) =>
        ScriptFolder.Ingest(sql).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

    [Theory]
    [InlineData("decimal(38,0)", "123456789012345678901234567890123456789012345", "has 45 digits before the decimal point; decimal(38,0) holds at most 38")]
    [InlineData("bigint", "9223372036854775808", "is outside the range of bigint")]
    [InlineData("tinyint", "300", "is outside the range of tinyint (0 to 255)")]
    [InlineData("date", "'2023-02-30'", "is not a date that exists")]
    [InlineData("varchar(3)", "'abcd'", "is 4 characters long; varchar(3) holds at most 3")]
    public void A_value_that_does_not_fit_its_column_is_a_warning_at_the_insert(string type, string literal, string reason)
    {
        var warning = Assert.Single(Warnings($"CREATE TABLE T (Id int, V {type});\nINSERT INTO T VALUES (1, {literal});\n"));
        Assert.Contains(reason, warning.Message);
        Assert.Contains("T.V does not fit its type", warning.Message);
        Assert.Equal((2, 1), (warning.Location!.Line, warning.Location.Column));
    }

    [Fact]
    public void One_warning_per_column_with_the_count_and_the_first_insert()
    {
        var warnings = Warnings("""
            CREATE TABLE T (Id int, Small tinyint, D date);
            INSERT INTO T VALUES (1, 1, '2023-01-31');
            INSERT INTO T VALUES (2, 300, '2023-02-29'), (3, 300, '2024-02-29');
            INSERT INTO T VALUES (4, 256, '2023-13-01');
            """);
        // Sorted by place, then by message: column D before column Small.
        Assert.Collection(warnings,
            w => Assert.Equal((3, "'2023-02-29' is not a date that exists (2 rows hold such values, the first here)"),
                (w.Location!.Line, Reason(w))),
            w => Assert.Equal((3, "'300' is outside the range of tinyint (0 to 255) (3 rows hold such values, the first here)"),
                (w.Location!.Line, Reason(w))));
    }

    private static string Reason(Diagnostic w) => w.Message[w.Message.IndexOf('\'')..w.Message.IndexOf(';')];

    [Fact]
    public void Values_that_fit_say_nothing()
    {
        Assert.Empty(Warnings("""
            CREATE TABLE T (Id tinyint, N decimal(5,2), D datetime2, S char(3), B bigint);
            INSERT INTO T VALUES (255, 999.99, '2024-02-29 10:00', 'ab  ', -9223372036854775808), (0, -1.5, '20240101', 'abc', 1);
            """));
    }
}
