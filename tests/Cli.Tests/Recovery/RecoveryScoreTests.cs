using SchemaNorm.Analyzer.Model;
using SchemaNorm.Recovery;

namespace SchemaNorm.Cli.Tests.Recovery;

/// <summary>Scoring a proposal against the original tables, on hand-made proposals.</summary>
public class RecoveryScoreTests
{
    private static ExpectedTable Expected(string copy, string[] columns, string[] key, params (string[] Lhs, string[] Rhs)[] splits) =>
        new(copy, new QualifiedName("dbo", copy), columns, key, splits.Select(s => ((IReadOnlyList<string>)s.Lhs, (IReadOnlyList<string>)s.Rhs)).ToList());

    private static ProposedTable Proposed(string name, string[] columns, string[] key) => new(name, columns, key);

    private static readonly ExpectedTable Line = Expected("Line", ["OrderID", "ProductID", "Quantity"], ["OrderID", "ProductID"]);
    private static readonly ExpectedTable Customer = Expected("Customer", ["CustomerID", "CustomerName", "CustomerPhone"], ["CustomerID"]);
    private static readonly ExpectedTable Shipper = Expected("Shipper", ["ShipperID", "ShipperName"], ["ShipperID"]);

    [Fact]
    public void Same_columns_and_same_key_is_exact_in_any_order()
    {
        var score = RecoveryScore.Of([Line], [Proposed("T", ["Quantity", "ProductID", "OrderID"], ["ProductID", "OrderID"])]);
        Assert.Equal(1, score.Exact);
        Assert.Empty(score.Extra);
    }

    [Fact]
    public void Another_key_or_other_columns_is_partial_and_says_what_differs()
    {
        var score = RecoveryScore.Of([Customer], [Proposed("T", ["CustomerID", "CustomerName", "CustomerPhone", "ShipCity"], ["CustomerPhone"])]);
        var t = Assert.Single(score.Tables);
        Assert.Equal(RecoveryStatus.Partial, t.Status);
        Assert.Equal(["ShipCity"], t.ExtraColumns);
        Assert.Empty(t.MissingColumns);
        Assert.Equal("key (CustomerPhone) instead of (CustomerID); with ShipCity", t.Detail);
    }

    [Fact]
    public void A_table_sharing_less_than_half_the_columns_is_no_match_missing_and_extra()
    {
        var score = RecoveryScore.Of([Line, Shipper],
            [Proposed("Remainder", ["OrderID", "ProductID", "Quantity"], ["OrderID", "ProductID"]), Proposed("City", ["ShipperName", "ShipCity", "ShipCountry"], ["ShipCity"])]);
        Assert.Equal((1, 0, 1), (score.Exact, score.Partial, score.Missing));
        Assert.Equal(RecoveryStatus.Missing, score.Tables[1].Status);
        Assert.Equal("City", Assert.Single(score.Extra).Name);
    }

    [Fact]
    public void An_original_table_inside_a_larger_proposed_table_is_partial()
    {
        // The child came back keyed right, with a parent's columns still in it.
        var score = RecoveryScore.Of([Line], [Proposed("T", ["OrderID", "ProductID", "Quantity", "CustomerName", "CustomerPhone", "ShipCity", "ShipCountry"], ["OrderID", "ProductID"])]);
        Assert.Equal(RecoveryStatus.Partial, score.Tables[0].Status);
        Assert.Equal("with CustomerName, CustomerPhone, ShipCity, ShipCountry", score.Tables[0].Detail);
    }

    [Fact]
    public void A_proposed_table_matches_one_original_only()
    {
        // The merged table is nearest to Customer; Shipper gets nothing.
        var merged = Proposed("M", ["CustomerID", "CustomerName", "CustomerPhone", "ShipperID"], ["CustomerID"]);
        var score = RecoveryScore.Of([Customer, Expected("Shipper", ["ShipperID", "CustomerPhone"], ["ShipperID"])], [merged]);
        Assert.Equal(RecoveryStatus.Partial, score.Tables[0].Status);
        Assert.Equal(RecoveryStatus.Missing, score.Tables[1].Status);
    }

    [Fact]
    public void A_split_on_the_dependency_the_source_schema_declares_inside_a_table_counts_as_exact()
    {
        var part = Expected("Part", ["PartKey", "Brand", "Mfgr", "Size"], ["PartKey"], (["Brand"], ["Mfgr"]));
        var split = RecoveryScore.Of([part],
            [Proposed("Part", ["PartKey", "Brand", "Size"], ["PartKey"]), Proposed("Brand", ["Brand", "Mfgr"], ["Brand"])]);
        var t = Assert.Single(split.Tables);
        Assert.Equal(RecoveryStatus.Exact, t.Status);
        Assert.Equal("split on its own (Brand) -> (Mfgr)", t.Detail);
        Assert.Empty(split.Extra);

        // Unsplit, it is exact too; split on anything else it is not.
        Assert.Equal(1, RecoveryScore.Of([part], [Proposed("Part", ["PartKey", "Brand", "Mfgr", "Size"], ["PartKey"])]).Exact);
        var other = RecoveryScore.Of([part],
            [Proposed("Part", ["PartKey", "Brand", "Mfgr"], ["PartKey"]), Proposed("Size", ["Brand", "Size"], ["Brand"])]);
        Assert.Equal(RecoveryStatus.Partial, other.Tables[0].Status);
        Assert.Single(other.Extra);
        // Without the declaration, the same split is not exact.
        var undeclared = Expected("Part", ["PartKey", "Brand", "Mfgr", "Size"], ["PartKey"]);
        Assert.Equal(0, RecoveryScore.Of([undeclared],
            [Proposed("Part", ["PartKey", "Brand", "Size"], ["PartKey"]), Proposed("Brand", ["Brand", "Mfgr"], ["Brand"])]).Exact);
    }
}
