using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

public class TableFilterTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("order*", "Orders", true)]
    [InlineData("order*", "customer_orders", false)]
    [InlineData("*_log", "audit_log", true)]
    [InlineData("*_log", "audit_logs", false)]
    [InlineData("t?", "t1", true)]
    [InlineData("t?", "t12", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Glob_matches_star_and_question_mark_ignoring_case(string pattern, string text, bool expected) =>
        Assert.Equal(expected, TableFilter.Glob(pattern, text));

    [Fact]
    public void An_empty_filter_takes_every_table()
    {
        var f = new TableFilter([], []);
        Assert.True(f.IsEmpty);
        Assert.True(f.Matches("dbo", "Orders"));
    }

    [Fact]
    public void A_table_pattern_without_a_schema_matches_any_schema()
    {
        var f = new TableFilter([], ["Orders"]);
        Assert.True(f.Matches("dbo", "orders"));
        Assert.True(f.Matches("sales", "Orders"));
        Assert.False(f.Matches("dbo", "OrderLines"));
    }

    [Fact]
    public void A_qualified_pattern_names_the_schema_too()
    {
        var f = new TableFilter([], ["sales.*", "[dbo].[Order Details]"]);
        Assert.True(f.Matches("sales", "Anything"));
        Assert.True(f.Matches("dbo", "Order Details"));
        Assert.False(f.Matches("dbo", "Orders"));
    }

    [Fact]
    public void Schema_and_table_patterns_must_both_match()
    {
        var f = new TableFilter(["sales", "hr"], ["*emp*"]);
        Assert.True(f.Matches("hr", "Employees"));
        Assert.False(f.Matches("hr", "Departments"));
        Assert.False(f.Matches("dbo", "Employees"));
        Assert.Equal("--schema 'sales' --schema 'hr' --table '*emp*'", f.Describe());
    }
}
