using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Data;

public class TableDataBuilderTests
{
    private static int[] Codes(SqlType type, params string?[] values)
    {
        var b = new TableDataBuilder(["c"], [ValueSemantics.For(type)]);
        foreach (var v in values) b.AddRow(v);
        return b.Build().Columns[0].Codes;
    }

    [Fact]
    public void Decimals_compare_by_value()
    {
        var codes = Codes(new SqlType("decimal", Precision: 9, Scale: 2), "1", "1.00", "1.0", "2.50", "2.5", "-0.0", "0");
        Assert.Equal(codes[0], codes[1]);
        Assert.Equal(codes[0], codes[2]);
        Assert.Equal(codes[3], codes[4]);
        Assert.Equal(codes[5], codes[6]);
        Assert.NotEqual(codes[0], codes[3]);
    }

    // The slicing fast path and the decimal parser must agree on every spelling.
    [Theory]
    [InlineData("007", "7")]
    [InlineData("-007", "-7")]
    [InlineData("12.500", "12.5")]
    [InlineData("12.", "12")]
    [InlineData("0.000", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.50", "-0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("  42 ", "42")]
    public void Numbers_compare_by_value_whatever_their_spelling(string spelling, string plain)
    {
        var codes = Codes(new SqlType("decimal", Precision: 18, Scale: 4), plain, spelling, plain + "1");
        Assert.Equal(codes[0], codes[1]);
        Assert.NotEqual(codes[0], codes[2]);
    }

    [Fact]
    public void A_repeated_spelling_gets_the_same_code_as_its_first_reading()
    {
        var codes = Codes(new SqlType("int"), "5", "05", "5", "05", "6");
        Assert.Equal([codes[0], codes[0], codes[0], codes[0]], codes[..4]);
        Assert.NotEqual(codes[0], codes[4]);
    }

    [Fact]
    public void Character_data_ignores_trailing_spaces_and_case_by_default()
    {
        var codes = Codes(new SqlType("char", Length: 10), "abc", "abc   ", "ABC", " abc");
        Assert.Equal(codes[0], codes[1]);
        Assert.Equal(codes[0], codes[2]);
        Assert.NotEqual(codes[0], codes[3]);
    }

    [Fact]
    public void A_case_sensitive_collation_keeps_case_apart()
    {
        var type = new SqlType("varchar", Length: 10) { Collation = "Latin1_General_CS_AS" };
        var b = new TableDataBuilder(["c"], [ValueSemantics.For(type)]);
        b.AddRow("abc");
        b.AddRow("ABC");
        var col = b.Build().Columns[0];
        Assert.NotEqual(col.Codes[0], col.Codes[1]);
    }

    [Fact]
    public void Exact_semantics_keep_every_spelling_apart_and_null_is_code_zero()
    {
        var b = new TableDataBuilder(["a", "b"]);
        b.AddRow("x", null);
        b.AddRow("x ", "y");
        b.AddRow("X", "y");
        var t = b.Build();
        Assert.Equal(3, t.Columns[0].DistinctCount);
        Assert.Equal(ColumnData.NullCode, t.Columns[1].Codes[0]);
        Assert.Equal(t.Columns[1].Codes[1], t.Columns[1].Codes[2]);
        Assert.Equal("x ", t.Value(1, 0));
    }

    [Fact]
    public void The_first_spelling_is_the_one_shown()
    {
        var codes = new TableDataBuilder(["c"], [ValueSemantics.For(new SqlType("nvarchar", Length: 20))]);
        codes.AddRow("Smith");
        codes.AddRow("SMITH");
        var t = codes.Build();
        Assert.Equal("Smith", t.Value(1, 0));
    }
}
