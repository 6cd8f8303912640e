using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class MultiValuedColumnRuleTests
{
    private static TableBuilder Table(SqlType? type, params string?[] values)
    {
        var b = new TableBuilder("dbo.T", "Id").PrimaryKey("Id").Column("V", type);
        return b.Rows(values.Select((v, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v }).ToArray());
    }

    private static Analyzer.Analysis.TableAnalysis Analyze(params string?[] values) => Table(null, values).Analyze();

    [Fact]
    public void Sets_in_braces_one_error()
    {
        var analysis = Analyze("{Bellaire, Sugarland, Houston}", "{Stafford}", "{Houston}");
        var f = RuleAssert.One(analysis, MultiValuedColumnRule.Id);
        RuleAssert.Only(analysis, MultiValuedColumnRule.Id);
        Assert.Equal(AttributeSet.Single(1), f.Columns);
        Assert.Equal("row 1: V = '{Bellaire, Sugarland, Houston}'", f.Witnesses[0]);
        Assert.Equal("move V to a table (Id, V) with one row per value", f.Fix);
        Assert.Equal(analysis.Table.Columns[1].Location, f.Location);
    }

    [Theory]
    [InlineData("[\"red\",\"blue\"]", "[\"green\"]", "[]")]
    [InlineData("red;blue", "blue;green", "green")]
    [InlineData("red|blue", "green", "blue|green|red")]
    [InlineData("red, blue", "blue", "green, red, blue")]
    [InlineData("<tags><tag>a</tag><tag>b</tag></tags>", "<tags><tag>c</tag></tags>", "<tags/>")]
    [InlineData("<p>1</p><p>2</p>", "<p>3</p>", "<p>4</p><p>5</p>")]
    public void List_notations_one_error(string a, string b, string c) =>
        RuleAssert.One(Analyze(a, b, c, null), MultiValuedColumnRule.Id);

    [Theory]
    [InlineData("12 Main St, Springfield, IL 62701", "400 Elm Street, Apt 5, Portland, OR 97201", "1 Infinite Loop, Cupertino, CA 95014")]
    [InlineData("Springfield, IL", "Portland, OR", "Seattle, WA")]
    [InlineData("Smith, John", "Jones, Mary", "Brown, Alice")]
    [InlineData("A sturdy chair, made of oak, with a padded seat.", "Light, quick and cheap. Great for kids, adults and pets.", "Red, green")]
    [InlineData("1,234", "12,500", "3,5")]
    [InlineData("{\"a\": 1, \"b\": 2}", "{\"a\": 3}", "{}")]
    [InlineData("Red", "Green", "Blue")]
    public void Prose_codes_and_documents_no_error(string a, string b, string c) =>
        RuleAssert.None(Analyze(a, b, c), MultiValuedColumnRule.Id);

    [Fact]
    public void Comments_cut_at_commas_are_no_lists_when_their_single_values_are_no_items()
    {
        // The cut pieces share words, but the values without a comma are phrases no list holds.
        RuleAssert.None(Analyze("busy, bold", "bold, even, busy", "final deposits", "slyly regular", "pending requests", "ironic packages"),
            MultiValuedColumnRule.Id);
    }

    [Fact]
    public void Mostly_single_values_that_are_the_lists_items_are_lists() =>
        RuleAssert.One(Analyze("red, blue", "blue, green, red", "red", "green", "blue"), MultiValuedColumnRule.Id);

    [Fact]
    public void Xml_typed_columns_and_tables_without_rows_no_error()
    {
        RuleAssert.None(Table(new SqlType("xml"), "<p>1</p><p>2</p>", "<p>3</p><p>4</p>").Analyze(), MultiValuedColumnRule.Id);
        RuleAssert.None(new TableBuilder("dbo.T", "Id", "V").PrimaryKey("Id").Analyze(), MultiValuedColumnRule.Id);
    }
}
