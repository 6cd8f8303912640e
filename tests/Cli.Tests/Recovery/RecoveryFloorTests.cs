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
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.DeclaredKey, 8)]
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.NoKey, 7)]
    [InlineData("adventureworkslt", "SalesLT.SalesOrderDetail", RecoverySetting.CsvOnly, 7)]
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

    // Every AdventureWorks wide table, in each setting: declared key, DDL without a key, CSV alone. The
    // tiny samples (ProductReview, ShoppingCartItem: 4 and 3 rows) come back from their names and layout.
    private static readonly Dictionary<string, (int Key, int NoKey, int Csv)> AdventureWorksFloors = new()
    {
        ["adventureworks_Person_Address"] = (5, 5, 5),
        ["adventureworks_Production_BillOfMaterials"] = (14, 14, 14),
        ["adventureworks_Person_BusinessEntityAddress"] = (8, 7, 7),
        ["adventureworks_Sales_Customer"] = (9, 9, 9),
        ["adventureworks_Production_Product"] = (6, 6, 5),
        ["adventureworks_Production_ProductCostHistory"] = (7, 7, 6),
        ["adventureworks_Production_ProductDocument"] = (4, 4, 4),
        ["adventureworks_Production_ProductInventory"] = (8, 8, 8),
        ["adventureworks_Production_ProductListPriceHistory"] = (7, 7, 6),
        ["adventureworks_Production_ProductProductPhoto"] = (8, 7, 6),
        ["adventureworks_Production_ProductReview"] = (7, 7, 7),
        ["adventureworks_Purchasing_ProductVendor"] = (10, 10, 10),
        ["adventureworks_Purchasing_PurchaseOrderDetail"] = (12, 11, 10),
        ["adventureworks_Purchasing_PurchaseOrderHeader"] = (5, 5, 5),
        ["adventureworks_Sales_SalesPerson"] = (4, 4, 4),
        ["adventureworks_Sales_SalesPersonQuotaHistory"] = (5, 5, 5),
        ["adventureworks_Sales_SalesTaxRate"] = (5, 5, 5),
        ["adventureworks_Sales_SalesTerritoryHistory"] = (7, 6, 4),
        ["adventureworks_Sales_ShoppingCartItem"] = (7, 7, 7),
        ["adventureworks_Sales_SpecialOfferProduct"] = (8, 8, 8),
        ["adventureworks_Person_StateProvince"] = (4, 4, 4),
        ["adventureworks_Sales_Store"] = (4, 4, 4),
    };

    public static TheoryData<string, RecoverySetting> AdventureWorksRuns()
    {
        var runs = new TheoryData<string, RecoverySetting>();
        foreach (var name in AdventureWorksFloors.Keys)
            foreach (var setting in RecoveryRun.AllSettings)
                runs.Add(name, setting);
        return runs;
    }

    [Theory]
    [MemberData(nameof(AdventureWorksRuns))]
    public void AdventureWorks_wide_tables_come_back_at_least_as_measured(string name, RecoverySetting setting)
    {
        var wide = AdventureWorks.Value.WideTables().Single(w => w.Name == name);
        var floors = AdventureWorksFloors[name];
        int floor = setting switch { RecoverySetting.DeclaredKey => floors.Key, RecoverySetting.NoKey => floors.NoKey, _ => floors.Csv };
        using var scratch = new CliRunner.Scratch();
        var result = RecoveryRun.Run(wide, setting, scratch.Root);
        Assert.Null(result.Outcome.Error);
        Assert.NotEmpty(result.Outcome.Tables);
        Assert.True(result.Score.Exact >= floor, $"{result.Score.Exact} exact, floor {floor}\n{RecoveryRun.Details(result)}");
    }

    [Fact]
    public void Every_adventureworks_wide_table_is_held_by_a_floor() =>
        Assert.Equal(AdventureWorksFloors.Keys.Order(), AdventureWorks.Value.WideTables().Select(w => w.Name).Order());

    [Fact]
    public void Every_small_wide_table_is_held_by_a_floor()
    {
        // A new wide table (a changed rule, a new foreign key followed) needs its floor above.
        var tables = RealDatabases.Small.SelectMany(d => Databases[d].Value.WideTables().Select(w => w.Name)).Order();
        Assert.Equal(["adventureworkslt_SalesLT_SalesOrderDetail", "northwind_EmployeeTerritories", "northwind_OrderDetails",
            "pubs_roysched", "pubs_sales", "pubs_titleauthor"], tables);
    }
}
