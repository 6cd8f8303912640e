using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class RowStampDeterminantTests
{
    [Fact]
    public void A_row_stamp_one_to_one_with_an_identifier_is_never_the_determinant()
    {
        // A quota history joined with the employee: each employee has one rowguid, so Employee_rowguid and
        // PersonID determine each other in the rows; PersonID is the determinant, the stamp never.
        var b = new TableDataBuilder(["PersonID", "QuotaDate", "SalesQuota", "JobTitle", "Employee_rowguid"]);
        for (int person = 0; person < 20; person++)
            for (int q = 0; q < 4; q++)
                b.AddRow(person.ToString(), "2024-0" + (q + 1) + "-01", (1000 * (person + q)).ToString(), "Title " + person % 7,
                    $"00000000-0000-0000-0000-{person:000000000000}");
        var data = b.Build();
        var selection = DesignDependencies.Select(data, DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 2 }).Fds, new SchemaHints());
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(4));
        Assert.Contains(selection.Selected, s => s.Lhs == AttributeSet.Of(0) && s.Rhs.Contains(3));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Reason.Contains("row stamp"));
    }

    [Theory]
    [InlineData("rowguid", "")]
    [InlineData("ModifiedDate", "")]
    [InlineData("Employee_rowguid", "Employee")]
    [InlineData("BillToAddressModifiedDate", "BillToAddress")]
    [InlineData("HireDate", null)]
    public void A_stamps_owner_is_the_name_before_it(string column, string? owner) =>
        Assert.Equal(owner, DesignDependencies.StampOwner(column));
}
