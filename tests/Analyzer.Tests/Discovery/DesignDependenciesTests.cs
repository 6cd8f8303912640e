using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class DesignDependenciesTests
{
    // Orders: OrderID, CustomerID, City, Country, Email (near-unique), Amount (a measure), ModifiedDate (audit).
    // CustomerID -> City, Country and City -> Country hold over many repeated customers.
    private static TableData Orders(int rows = 120)
    {
        var cities = new[] { ("Berlin", "Germany"), ("Hamburg", "Germany"), ("Lyon", "France"), ("Paris", "France"), ("Madrid", "Spain"), ("Turin", "Italy") };
        var b = new TableDataBuilder(["OrderID", "CustomerID", "City", "Country", "Email", "Amount", "ModifiedDate"]);
        var rng = new Random(7);
        for (int i = 0; i < rows; i++)
        {
            int customer = rng.Next(20);
            var (city, country) = cities[customer % cities.Length];
            b.AddRow((1000 + i).ToString(), "C" + customer.ToString("00"), city, country,
                $"buyer{i}@example.com", (customer * 10 + 5).ToString() + ".50", "2024-01-0" + (customer % 3 + 1));
        }
        return b.Build();
    }

    private static DesignDependencySelection Select(TableData data, SchemaHints hints) =>
        DesignDependencies.Select(data, DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 }).Fds, hints);

    [Fact]
    public void The_foreign_key_determinant_takes_what_it_explains()
    {
        var data = Orders();
        var selection = Select(data, new SchemaHints
        {
            ForeignKeys = [AttributeSet.Of(1)],
            NonIdentifying = AttributeSet.Of(5, 6),
        });
        var customer = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.True(AttributeSet.Of(2, 3).IsSubsetOf(customer.Rhs));
        // Amount follows the customer in these rows too; it may ride along, but it never determines.
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Overlaps(AttributeSet.Of(5, 6)));
        // The audit column is never moved, whoever determines it.
        Assert.DoesNotContain(selection.Selected, s => s.Rhs.Contains(6));
        // Email is unique in the rows: it says no more than a key.
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(4));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Reason.Contains("unique"));
    }

    [Fact]
    public void Each_column_is_explained_once_and_every_selected_fd_holds()
    {
        var data = Orders();
        var selection = Select(data, new SchemaHints { NonIdentifying = AttributeSet.Of(5, 6) });
        var seen = AttributeSet.Empty;
        foreach (var s in selection.Selected)
        {
            Assert.False(s.Rhs.Overlaps(seen));
            seen |= s.Rhs;
            foreach (var a in s.Rhs)
                Assert.True(DependencyEvidence.ForFd(data, s.Lhs, a).Holds);
        }
    }

    [Fact]
    public void Equivalent_determinants_are_folded_into_one()
    {
        // Code and Name name the same thing (1:1); both determine Category.
        var b = new TableDataBuilder(["Id", "Code", "Name", "Category"]);
        for (int i = 0; i < 60; i++)
        {
            int k = i % 6;
            b.AddRow(i.ToString(), "K" + k, "Kind " + k, k < 3 ? "A" : "B");
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints());
        var determinants = selection.Selected.Select(s => s.Lhs).ToList();
        Assert.Single(determinants, d => d == AttributeSet.Of(1) || d == AttributeSet.Of(2));
    }

    [Fact]
    public void Computed_columns_take_no_part()
    {
        var b = new TableDataBuilder(["Id", "Qty", "Price", "Total"]);
        var rng = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            int q = rng.Next(1, 4), p = rng.Next(1, 3) * 10;
            b.AddRow(i.ToString(), q.ToString(), p.ToString(), (q * p).ToString());
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints { Computed = AttributeSet.Of(3) });
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(3) || s.Rhs.Contains(3));
    }
}
