using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class EntityAttributeValueRuleTests
{
    [Fact]
    public void Entity_attribute_value_table_one_error()
    {
        var analysis = new TableBuilder("dbo.ProductAttribute", "ProductID", "AttributeName")
            .Column("Value", new SqlType("sql_variant"))
            .PrimaryKey("ProductID", "AttributeName")
            .Rows(["1", "Color", "red"], ["1", "Weight", "12.5"], ["2", "Color", "blue"], ["2", "Weight", "3"])
            .Analyze();
        var f = RuleAssert.One(analysis, EntityAttributeValueRule.Id);
        RuleAssert.Only(analysis, EntityAttributeValueRule.Id);
        Assert.Equal(AttributeSet.Of(0, 1, 2), f.Columns);
        Assert.Equal(Severity.Note, f.Severity);
        Assert.Equal(NormalForm.UNF, analysis.NormalForm);
        Assert.Contains(f.Witnesses, w => w.StartsWith("2 attribute names ('Color', 'Weight') over 2 ProductID values", StringComparison.Ordinal));
        Assert.Contains(f.Witnesses, w => w.Contains("mixes numbers and text", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_keyed_by_name_alone_no_error() =>
        RuleAssert.None(new TableBuilder("dbo.Setting", "SettingName", "SettingValue").PrimaryKey("SettingName").Analyze(), EntityAttributeValueRule.Id);

    [Fact]
    public void Ordinary_columns_no_error() =>
        RuleAssert.None(new TableBuilder("dbo.Product", "ProductID", "Name", "ListPrice", "Value").PrimaryKey("ProductID").Analyze(), EntityAttributeValueRule.Id);
}
