using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Recovery;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Recovery;

/// <summary>The wide tables of the recovery benchmark: a child joined with all its ancestors, by the rules of WideTableBuilder.</summary>
public class WideTableBuilderTests
{
    private const string Orders = """
        CREATE TABLE Region (RegionID int NOT NULL PRIMARY KEY, Name varchar(20) NOT NULL);
        CREATE TABLE Address (AddressID int NOT NULL PRIMARY KEY, City varchar(20) NOT NULL,
            RegionID int NOT NULL REFERENCES Region (RegionID), Notes nvarchar(max) NULL);
        CREATE TABLE Customers (CustomerID int NOT NULL PRIMARY KEY, Name varchar(20) NOT NULL, City varchar(20) NULL,
            ReferredBy int NULL REFERENCES Customers (CustomerID));
        CREATE TABLE Orders (OrderID int NOT NULL PRIMARY KEY, CustomerID int NULL REFERENCES Customers (CustomerID),
            BillToAddressID int NOT NULL REFERENCES Address (AddressID), ShipToAddressID int NOT NULL REFERENCES Address (AddressID));
        INSERT INTO Region VALUES (1, 'North'), (2, 'South');
        INSERT INTO Address VALUES (10, 'Oslo', 1, 'long text'), (11, 'Rome', 2, NULL);
        INSERT INTO Customers VALUES (1, 'Ann', 'Oslo', NULL), (2, 'Bob', 'Rome', 1);
        INSERT INTO Orders VALUES (100, 1, 10, 11), (101, NULL, 11, 11), (102, 9, 10, 10);
        """;

    private static SourceDatabase Load(string script)
    {
        using var scratch = new CliRunner.Scratch();
        var result = Ingestor.Ingest([scratch.Write("db.sql", script)], new IngestOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return new SourceDatabase("t", result.Model);
    }

    [Fact]
    public void Each_path_to_an_ancestor_is_its_own_copy_named_by_its_role()
    {
        var wide = Load(Orders).Wide("Orders");
        Assert.Equal(
            ["OrderID", "CustomerID", "BillToAddressID", "ShipToAddressID",
             "CustomerName", "CustomerCity", "ReferredBy",
             "BillToAddressCity", "BillToAddressRegionID", "ShipToAddressCity", "ShipToAddressRegionID",
             "BillToAddressRegionName", "ShipToAddressRegionName"],
            wide.Columns.Select(c => c.Name));
        Assert.Equal(["Order", "Customer", "BillToAddress", "ShipToAddress", "BillToAddressRegion", "ShipToAddressRegion"], wide.Expected.Select(e => e.Copy));
        var shipTo = wide.Expected.Single(e => e.Copy == "ShipToAddress");
        Assert.Equal(["ShipToAddressID", "ShipToAddressCity", "ShipToAddressRegionID"], shipTo.Columns);
        Assert.Equal(["ShipToAddressID"], shipTo.Key);
        Assert.Equal(["OrderID"], wide.Key);
        Assert.Equal(["OrderID", "CustomerID", "BillToAddressID", "ShipToAddressID"], wide.Expected[0].Columns);
    }

    [Fact]
    public void Joins_are_left_joins_and_lobs_and_self_references_stay_out()
    {
        var wide = Load(Orders).Wide("Orders");
        var rows = wide.Rows().Select(r => r.ToArray()).ToList();
        Assert.Equal(3, wide.RowCount);
        Assert.Equal(new string?[] { "100", "1", "10", "11", "Ann", "Oslo", null, "Oslo", "1", "Rome", "2", "North", "South" }, rows[0]);
        // A NULL foreign key and one that matches no row both give NULLs.
        Assert.Equal(new string?[] { null, null, null }, rows[1][4..7]);
        Assert.Equal(new string?[] { null, null, null }, rows[2][4..7]);
        // Declared NOT NULL, but on the far side of a nullable foreign key.
        Assert.True(wide.Columns.Single(c => c.Name == "CustomerName").IsNullable);
        Assert.False(wide.Columns.Single(c => c.Name == "BillToAddressCity").IsNullable);
        Assert.DoesNotContain(wide.Columns, c => c.SourceColumn == "Notes");
    }

    [Fact]
    public void A_child_qualifies_with_two_levels_of_parents_with_rows()
    {
        var db = Load(Orders);
        Assert.Equal(["Orders"], WideTableBuilder.TablesWithTwoLevelsOfParents(db.Model).Select(t => t.Name.Name));
    }

    private static readonly Lazy<SourceDatabase> Northwind = new(() => RealDatabases.Load(TestPaths.RealSchemas, "northwind"));

    [Fact]
    public void Northwind_order_details_join_eight_tables()
    {
        var wide = Northwind.Value.Wide("Order Details");
        // 5 own columns; Orders 14 - OrderID; Customers 11 - CustomerID; Employees 18 - EmployeeID - Photo, Notes;
        // Shippers 3 - ShipperID; Products 10 - ProductID; Categories 4 - CategoryID - Description, Picture;
        // Suppliers 12 - SupplierID - HomePage.
        Assert.Equal(5 + 13 + 10 + 15 + 2 + 9 + 1 + 10, wide.Columns.Count);
        Assert.Equal(2155, wide.RowCount);
        Assert.Equal(2155, wide.Rows().Count());
        Assert.Equal(["OrderID", "ProductID"], wide.Key);
        Assert.Equal(["OrderDetail", "Order", "Product", "Customer", "Employee", "Shipper", "Category", "Supplier"], wide.Expected.Select(e => e.Copy));
        foreach (var name in new[] { "UnitPrice", "ProductUnitPrice", "CustomerCity", "EmployeeCity", "SupplierCity", "SupplierCompanyName", "ShipperCompanyName", "ShipCity" })
            Assert.Contains(wide.Columns, c => c.Name == name);
        var customers = wide.Expected.Single(e => e.Copy == "Customer");
        Assert.Equal(["CustomerID"], customers.Key);
        Assert.Equal(11, customers.Columns.Count);
        // The self-reference Employees.ReportsTo is a column, not another copy of Employees.
        Assert.Contains(wide.Columns, c => c.Name == "ReportsTo");
    }

    [Fact]
    public void The_real_databases_tables_with_two_levels_of_parents()
    {
        Assert.Equal(["EmployeeTerritories", "Order Details"],
            WideTableBuilder.TablesWithTwoLevelsOfParents(Northwind.Value.Model).Select(t => t.Name.Name).Order());
        var pubs = RealDatabases.Load(TestPaths.RealSchemas, "pubs");
        Assert.Equal(["roysched", "sales", "titleauthor"], WideTableBuilder.TablesWithTwoLevelsOfParents(pubs.Model).Select(t => t.Name.Name).Order());
        var lt = RealDatabases.Load(TestPaths.RealSchemas, "adventureworkslt");
        Assert.Equal(["SalesOrderDetail"], WideTableBuilder.TablesWithTwoLevelsOfParents(lt.Model).Select(t => t.Name.Name));
    }

    [Fact]
    public void A_wide_table_is_written_as_ddl_and_csv()
    {
        var wide = Load(Orders).Wide("Orders");
        Assert.Contains("[CustomerName] varchar(20) NULL,", WideTableFiles.Ddl(wide, primaryKey: true));
        Assert.Contains("PRIMARY KEY ([OrderID])", WideTableFiles.Ddl(wide, primaryKey: true));
        Assert.DoesNotContain("PRIMARY KEY", WideTableFiles.Ddl(wide, primaryKey: false));
        Assert.Equal("\"a, b\"", WideTableFiles.Field("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", WideTableFiles.Field("say \"hi\""));
    }
}
