using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class KeyLikenessTests
{
    [Theory]
    [InlineData("CustomerID", ColumnRole.Identifier)]
    [InlineData("c_custkey", ColumnRole.Identifier)]
    [InlineData("l_linenumber", ColumnRole.Identifier)]
    [InlineData("title_id", ColumnRole.Identifier)]
    [InlineData("AccountNumber", ColumnRole.Identifier)]
    [InlineData("Phone", ColumnRole.FreeText)]
    [InlineData("PostalCode", ColumnRole.FreeText)]
    [InlineData("PhoneNumber", ColumnRole.FreeText)]
    [InlineData("n_name", ColumnRole.FreeText)]
    [InlineData("ps_comment", ColumnRole.FreeText)]
    [InlineData("ShipCity", ColumnRole.FreeText)]
    [InlineData("c_acctbal", ColumnRole.Measure)]
    [InlineData("UnitPrice", ColumnRole.Measure)]
    [InlineData("OrderDate", ColumnRole.Measure)]
    [InlineData("SickLeaveHours", ColumnRole.Measure)]
    [InlineData("DaysToManufacture", ColumnRole.Measure)]
    [InlineData("c_mktsegment", ColumnRole.Descriptive)]
    [InlineData("ShipVia", ColumnRole.Descriptive)]
    public void Names_say_what_a_column_is(string name, ColumnRole role) => Assert.Equal(role, KeyLikeness.Role(name, null));

    [Fact]
    public void A_declared_type_makes_an_unnamed_measure()
    {
        var money = new Column("Extra", new SqlType("money"), new SourceLocation("t.sql", 1, 1));
        Assert.Equal(ColumnRole.Measure, KeyLikeness.Role("Extra", money));
    }

    [Fact]
    public void The_identifier_outranks_the_text_it_is_equivalent_to()
    {
        string[] names = ["n_nationkey", "n_name", "n_comment"];
        var loc = new SourceLocation("t.sql", 1, 1);
        Column[] columns =
        [
            new("n_nationkey", new SqlType("int"), loc) { IsNullable = false },
            new("n_name", new SqlType("char", 25), loc) { IsNullable = false },
            new("n_comment", new SqlType("varchar", 152), loc),
        ];
        var b = new TableDataBuilder(names);
        b.AddRow("0", "ALGERIA", "furiously regular deposits haggle quickly across the final packages");
        b.AddRow("1", "ARGENTINA", "al foxes promise slyly according to the regular accounts, bold requests");
        var data = b.Build();
        double key = KeyLikeness.Score(AttributeSet.Of(0), names, columns, data);
        Assert.True(key > KeyLikeness.Score(AttributeSet.Of(1), names, columns, data));
        Assert.True(key > KeyLikeness.Score(AttributeSet.Of(2), names, columns, data));
        // Without declared types (a CSV), the values say the same: integers over words.
        Assert.True(KeyLikeness.Score(AttributeSet.Of(0), names, null, data) > KeyLikeness.Score(AttributeSet.Of(1), names, null, data));
    }

    [Fact]
    public void A_long_text_unique_by_chance_is_not_a_key_from_the_rows()
    {
        // (l_orderkey, l_linenumber), (l_orderkey, l_partkey) and l_comment are all unique in these rows.
        string[] names = ["l_orderkey", "l_partkey", "l_linenumber", "p_name", "l_comment"];
        var b = new TableDataBuilder(names);
        var rng = new Random(3);
        for (int order = 1; order <= 30; order++)
        {
            var parts = Enumerable.Range(1, 12).OrderBy(_ => rng.Next()).Take(3).ToArray();
            for (int line = 1; line <= 3; line++)
                b.AddRow(order.ToString(), parts[line - 1].ToString(), line.ToString(), "part " + parts[line - 1],
                    $"carefully final requests nag blithely about the ironic deposits {order * 10 + line}");
        }
        var data = b.Build();
        var found = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 });
        Assert.Contains(AttributeSet.Of(4), found.KeyCandidates);
        Assert.Contains(AttributeSet.Of(0, 1), found.KeyCandidates);
        var key = RowKeys.Choose(data, found.KeyCandidates, null, [AttributeSet.Of(1)]);
        Assert.Equal(AttributeSet.Of(0, 2), key);
    }

    [Fact]
    public void A_history_is_keyed_by_when_not_by_how_much()
    {
        // (ProductID, StartDate) and (ProductID, StandardCost) are both unique in these rows: a cost history is
        // keyed by its start date, whose long text ("2022-05-30 00:00:00.000") is no prose.
        string[] names = ["ProductID", "StartDate", "EndDate", "StandardCost"];
        var b = new TableDataBuilder(names);
        string[] starts = ["2022-05-30 00:00:00.000", "2023-05-29 00:00:00.000", "2024-05-29 00:00:00.000"];
        for (int product = 1; product <= 40; product++)
            for (int year = 0; year < product % 3 + 1; year++)
                b.AddRow(product.ToString(), starts[year], year == product % 3 ? null : starts[year + 1],
                    (product % 10 * 7.25 + year * 1.5).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        var data = b.Build();
        var found = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 });
        Assert.Contains(AttributeSet.Of(0, 3), found.KeyCandidates);
        Assert.Equal(AttributeSet.Of(0, 1), RowKeys.Choose(data, found.KeyCandidates, null));
        var loc = new SourceLocation("t.sql", 1, 1);
        var columns = new List<Column>
        {
            new("ProductID", new SqlType("int"), loc) { IsNullable = false },
            new("StartDate", new SqlType("datetime"), loc) { IsNullable = false },
            new("EndDate", new SqlType("datetime"), loc),
            new("StandardCost", new SqlType("money"), loc) { IsNullable = false },
        };
        Assert.Equal(AttributeSet.Of(0, 1), RowKeys.Choose(data, found.KeyCandidates, columns));
    }
}
