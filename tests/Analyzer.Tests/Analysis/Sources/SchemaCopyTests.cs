using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Sources;

/// <summary>A column named like a column across a foreign key is taken for a copy only where the rows confirm it.</summary>
public class SchemaCopyTests
{
    private static readonly SqlType Int = new("int");
    private static readonly SqlType Money = new("money");

    [Fact]
    public void A_column_with_its_own_foreign_key_is_never_a_copy()
    {
        // A customer's address_id beside its store's: each references its own address.
        var address = new TableBuilder("dbo.Address").Column("address_id", Int).Column("street", new SqlType("nvarchar", 50)).PrimaryKey("address_id").Build();
        var store = new TableBuilder("dbo.Store").Column("store_id", Int).Column("address_id", Int).PrimaryKey("store_id")
            .ForeignKey("dbo.Address", ["address_id"], ["address_id"]).Build();
        var customer = new TableBuilder("dbo.Customer").Column("customer_id", Int).Column("store_id", Int).Column("address_id", Int)
            .PrimaryKey("customer_id").ForeignKey("dbo.Store", ["store_id"], ["store_id"]).ForeignKey("dbo.Address", ["address_id"], ["address_id"]).Build();
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(address, store, customer), AnalysisOptions.Default, new DiagnosticBag());
        var c = analysis.Tables.Single(t => t.Table.Name.Name == "Customer");
        Assert.DoesNotContain(c.Dependencies, d => d.Source == DependencySource.Schema);
        Assert.Empty(c.Findings);
    }

    private static SchemaModel Prices(string parentPrice, bool parentRows = true)
    {
        var products = new TableBuilder("dbo.Products").Column("ProductID", Int).Column("UnitPrice", Money).PrimaryKey("ProductID");
        if (parentRows) products.Rows(["11", parentPrice], ["42", "9.80"]);
        var details = new TableBuilder("dbo.Details").Column("OrderID", Int).Column("ProductID", Int).Column("UnitPrice", Money)
            .PrimaryKey("OrderID", "ProductID").ForeignKey("dbo.Products", ["ProductID"], ["ProductID"])
            .Rows(["1", "11", "14.00"], ["2", "11", "14.00"], ["3", "42", "9.80"]);
        return TableBuilder.Model(products.Build(), details.Build());
    }

    [Fact]
    public void A_copy_that_disagrees_with_its_parent_row_is_dropped_with_a_note()
    {
        // The order lines agree among themselves (14.00 for product 11), but the product's price is 15.00 now.
        var details = SchemaAnalyzer.Analyze(Prices("15.00"), AnalysisOptions.Default, new DiagnosticBag()).Tables[^1];
        Assert.DoesNotContain(details.Dependencies, d => d.Source == DependencySource.Schema);
        Assert.Contains(details.Notes, n => n.Contains("row 1 has UnitPrice '14.00' where its dbo.Products row has '15.00'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_that_agrees_with_every_parent_row_stays()
    {
        var details = SchemaAnalyzer.Analyze(Prices("14.00"), AnalysisOptions.Default, new DiagnosticBag()).Tables[^1];
        Assert.Single(details.Dependencies, d => d.Source == DependencySource.Schema);
        // Without the parent's rows there is nothing to compare with: the child's rows decide, as before.
        var alone = SchemaAnalyzer.Analyze(Prices("15.00", parentRows: false), AnalysisOptions.Default, new DiagnosticBag()).Tables[^1];
        Assert.Single(alone.Dependencies, d => d.Source == DependencySource.Schema);
    }
}
