using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class RepeatingGroupRuleTests
{
    private static TableAnalysis Analyze(params string[] columns) =>
        new TableBuilder("dbo.Customer", ["CustomerID", .. columns]).PrimaryKey("CustomerID").Analyze();

    [Fact]
    public void Three_numbered_phones_one_error()
    {
        var analysis = Analyze("Name", "Phone1", "Phone2", "Phone3");
        var f = RuleAssert.One(analysis, RepeatingGroupRule.Id);
        RuleAssert.Only(analysis, RepeatingGroupRule.Id);
        Assert.Equal(AttributeSet.Of(2, 3, 4), f.Columns);
        Assert.Equal(NormalForm.UNF, analysis.NormalForm);
        Assert.Contains("CustomerID", f.Fix);
        Assert.Equal(analysis.Table.Columns[2].Location, f.Location);
    }

    [Fact]
    public void Unnumbered_first_column_joins_the_group()
    {
        var f = RuleAssert.One(Analyze("Phone", "Phone2", "Phone3"), RepeatingGroupRule.Id);
        Assert.Equal(AttributeSet.Of(1, 2, 3), f.Columns);
    }

    [Fact]
    public void Number_inside_the_name_two_columns_one_error()
    {
        var f = RuleAssert.One(Analyze("Item1Qty", "Item2Qty"), RepeatingGroupRule.Id);
        Assert.Equal(AttributeSet.Of(1, 2), f.Columns);
    }

    [Fact]
    public void Columns_repeating_together_are_one_finding()
    {
        var f = RuleAssert.One(Analyze("Item1Name", "Item1Qty", "Item2Name", "Item2Qty"), RepeatingGroupRule.Id);
        Assert.Equal(AttributeSet.Of(1, 2, 3, 4), f.Columns);
    }

    [Fact]
    public void Two_trailing_numbers_are_positional_no_error() =>
        RuleAssert.None(Analyze("AddressLine1", "AddressLine2", "City"), RepeatingGroupRule.Id);

    [Fact]
    public void Different_types_gaps_and_codes_no_error()
    {
        var t = new TableBuilder("dbo.T", "Id").PrimaryKey("Id")
            .Column("Phone1").Column("Phone2", new SqlType("int")).Column("Phone3")
            .Column("Col1").Column("Col3").Column("Col4")
            .Column("Sha256").Column("Md5").Column("Ipv4").Column("Ipv6");
        RuleAssert.None(t.Analyze(), RepeatingGroupRule.Id);
    }

    [Fact]
    public void Sample_rows_show_unused_slots()
    {
        var f = RuleAssert.One(
            new TableBuilder("dbo.Customer", "CustomerID", "Phone1", "Phone2", "Phone3").PrimaryKey("CustomerID")
                .Rows(["1", "555-1", null, null], ["2", "555-2", "555-3", "555-4"]).Analyze(),
            RepeatingGroupRule.Id);
        Assert.Equal("1 of 2 rows fill only some of them (row 1 fills Phone1)", Assert.Single(f.Witnesses));
    }
}
