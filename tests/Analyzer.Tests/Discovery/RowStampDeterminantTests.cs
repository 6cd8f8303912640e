using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;

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

    [Fact]
    public void A_rowguid_unique_in_the_rows_is_never_the_key_chosen_from_them()
    {
        // A quota history without a declared key: the rowguid is unique, and so are (PersonID, QuotaDate).
        var loc = new SourceLocation("t.sql", 1, 1);
        Column[] columns =
        [
            new("PersonID", new SqlType("int"), loc) { IsNullable = false },
            new("QuotaDate", new SqlType("datetime"), loc) { IsNullable = false },
            new("SalesQuota", new SqlType("money"), loc) { IsNullable = false },
            new("rowguid", new SqlType("uniqueidentifier"), loc) { IsNullable = false },
            new("ModifiedDate", new SqlType("datetime"), loc) { IsNullable = false },
        ];
        var b = new TableDataBuilder([.. columns.Select(c => c.Name)]);
        for (int person = 0; person < 17; person++)
            for (int q = 0; q < 9; q++)
                b.AddRow(person.ToString(), $"2024-{q + 1:00}-01 00:00:00.000", (1000 * (q % 3)).ToString(),
                    $"{person:00000000}-0000-0000-0000-{q:000000000000}", $"2024-{q + 1:00}-{person % 2 + 2:00} 00:00:00.000");
        var data = b.Build();
        var found = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 });
        Assert.Contains(AttributeSet.Of(3), found.KeyCandidates);
        Assert.Equal(AttributeSet.Of(0, 1), RowKeys.Choose(data, found.KeyCandidates, columns));
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
