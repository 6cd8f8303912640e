using SchemaNorm.Recovery;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Recovery;

/// <summary>
/// The recovery benchmark on the small wide tables: each goes through analyze in each setting, and at
/// least as many original tables come back exactly as on the day the benchmark was written.
/// </summary>
public class RecoveryFloorTests
{
    private static readonly Dictionary<string, Lazy<SourceDatabase>> Databases = RealDatabases.Small.ToDictionary(
        name => name, name => new Lazy<SourceDatabase>(() => RealDatabases.Load(TestPaths.RealSchemas, name)));

    // The floors are the exact counts last measured (docs/benchmarks.md, "Recovering wide tables"). They
    // must only go up: raise a floor when the analysis improves, never lower one.
    [Theory]
    [InlineData("northwind", "Order Details", RecoverySetting.DeclaredKey, 8)]
    [InlineData("northwind", "Order Details", RecoverySetting.NoKey, 8)]
    [InlineData("northwind", "Order Details", RecoverySetting.CsvOnly, 8)]
    [InlineData("northwind", "EmployeeTerritories", RecoverySetting.DeclaredKey, 1)]
    [InlineData("northwind", "EmployeeTerritories", RecoverySetting.NoKey, 1)]
    [InlineData("northwind", "EmployeeTerritories", RecoverySetting.CsvOnly, 1)]
    [InlineData("pubs", "titleauthor", RecoverySetting.DeclaredKey, 2)]
    [InlineData("pubs", "titleauthor", RecoverySetting.NoKey, 2)]
    [InlineData("pubs", "titleauthor", RecoverySetting.CsvOnly, 2)]
    [InlineData("pubs", "sales", RecoverySetting.DeclaredKey, 4)]
    [InlineData("pubs", "sales", RecoverySetting.NoKey, 3)]
    [InlineData("pubs", "sales", RecoverySetting.CsvOnly, 2)]
    [InlineData("pubs", "roysched", RecoverySetting.DeclaredKey, 3)]
    [InlineData("pubs", "roysched", RecoverySetting.NoKey, 2)]
    [InlineData("pubs", "roysched", RecoverySetting.CsvOnly, 1)]
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.DeclaredKey, 6)]
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.NoKey, 6)]
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.CsvOnly, 6)]
    public void At_least_as_many_original_tables_come_back_exactly_as_measured(string database, string table, RecoverySetting setting, int floor)
    {
        var wide = Databases[database].Value.Wide(table);
        using var scratch = new CliRunner.Scratch();
        var result = RecoveryRun.Run(wide, setting, scratch.Root);
        Assert.Null(result.Outcome.Error);
        Assert.NotEmpty(result.Outcome.Tables);
        Assert.True(result.Score.Exact >= floor, $"{result.Score.Exact} exact, floor {floor}\n{RecoveryRun.Details(result)}");
    }

    private static readonly Lazy<SourceDatabase> AdventureWorks = new(() => RealDatabases.Load(TestPaths.RealSchemas, "adventureworks"));

    // AdventureWorks' wide tables with their declared key: the products' ancestors behind optional
    // references, a country behind a code, and entities that share a key (told apart by their row stamps).
    [Theory]
    [InlineData("Production.Product", 5)]
    [InlineData("Production.ProductCostHistory", 7)]
    [InlineData("Production.ProductListPriceHistory", 7)]
    [InlineData("Production.BillOfMaterials", 14)]
    [InlineData("Sales.SpecialOfferProduct", 8)]
    [InlineData("Sales.SalesTaxRate", 5)]
    [InlineData("Sales.Customer", 9)]
    [InlineData("Sales.SalesPerson", 4)]
    [InlineData("Sales.SalesTerritoryHistory", 6)]
    [InlineData("Purchasing.ProductVendor", 10)]
    [InlineData("Purchasing.PurchaseOrderDetail", 12)]
    public void AdventureWorks_wide_tables_come_back_at_least_as_measured(string table, int floor)
    {
        var wide = AdventureWorks.Value.Wide(table);
        using var scratch = new CliRunner.Scratch();
        var result = RecoveryRun.Run(wide, RecoverySetting.DeclaredKey, scratch.Root);
        Assert.Null(result.Outcome.Error);
        Assert.True(result.Score.Exact >= floor, $"{result.Score.Exact} exact, floor {floor}\n{RecoveryRun.Details(result)}");
    }

    [Fact]
    public void Every_small_wide_table_is_held_by_a_floor()
    {
        // A new wide table (a changed rule, a new foreign key followed) needs its floor above.
        var tables = RealDatabases.Small.SelectMany(d => Databases[d].Value.WideTables().Select(w => w.Name)).Order();
        Assert.Equal(["adventureworkslt_SalesLT_SalesOrderDetail", "northwind_EmployeeTerritories", "northwind_OrderDetails",
            "pubs_roysched", "pubs_sales", "pubs_titleauthor"], tables);
    }
}
