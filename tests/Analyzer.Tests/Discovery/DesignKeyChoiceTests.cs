using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>Which determinant becomes a table's key, and which sample accidents stay candidates.</summary>
public class DesignKeyChoiceTests
{
    private static DesignDependencySelection Select(TableData data) =>
        DesignDependencies.Select(data, DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 2 }).Fds, new SchemaHints());

    [Fact]
    public void Among_equivalent_determinants_the_identifier_is_chosen_not_the_phone_number()
    {
        // Each customer has one phone number and the other way round; the phone comes first and is shorter.
        var b = new TableDataBuilder(["OrderID", "Phone", "CustomerID", "City"]);
        var rng = new Random(1);
        for (int order = 0; order < 120; order++)
        {
            int customer = rng.Next(15);
            b.AddRow((10248 + order).ToString(), (5550100 + customer * 7).ToString(), $"CUST-{customer:000000}", "City " + (customer % 4));
        }
        var selection = Select(b.Build());
        var customerFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2));
        Assert.True(AttributeSet.Of(1, 3).IsSubsetOf(customerFd.Rhs));
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(1));
    }

    [Fact]
    public void A_description_that_tells_another_description_of_the_same_entity_is_an_accident()
    {
        // Every order ships to its customer's own city: CustomerID -> ShipCity, CustomerID -> City, and in
        // these rows also ShipCity -> City, which is not a fact of the design.
        var b = new TableDataBuilder(["OrderID", "CustomerID", "ShipCity", "City"]);
        var rng = new Random(2);
        for (int order = 0; order < 150; order++)
        {
            int customer = rng.Next(20);
            var city = "City " + (customer % 6);
            b.AddRow(order.ToString(), "C" + customer.ToString("00"), city, city);
        }
        var selection = Select(b.Build());
        var customerFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.Equal(AttributeSet.Of(2, 3), customerFd.Rhs);
        Assert.DoesNotContain(selection.Selected, s => s.Lhs == AttributeSet.Of(2));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(2) && c.Fd.Rhs == 3 && c.Reason.Contains("accident"));
    }

    [Fact]
    public void A_column_that_belongs_with_the_product_stays_with_it_but_a_chain_of_identifiers_is_followed()
    {
        // ProductID -> CategoryID, SupplierID, ProductUnitPrice; SupplierID -> SupplierName. All products of a
        // category happen to cost the same (CategoryID -> ProductUnitPrice): the price is the product's.
        var b = new TableDataBuilder(["OrderID", "ProductID", "CategoryID", "ProductUnitPrice", "SupplierID", "SupplierName"]);
        var rng = new Random(4);
        for (int order = 0; order < 200; order++)
        {
            int product = rng.Next(24);
            int category = product % 4, supplier = product % 6;
            b.AddRow(order.ToString(), "P" + product, "K" + category, (10 + category * 5).ToString() + ".5", "S" + supplier, "Supplier " + supplier);
        }
        var selection = Select(b.Build());
        var byProduct = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.True(byProduct.Rhs.Contains(3));
        Assert.Contains(selection.Selected, s => s.Lhs == AttributeSet.Of(4) && s.Rhs.Contains(5));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(2) && c.Fd.Rhs == 3 && c.Reason.Contains("belongs with ProductID"));
    }
}
