using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// A denormalized table built from Northwind (real-schemas/northwind/instnwnd.sql): every order line
/// joined with its order, customer, product, the product's category and supplier. Columns keep the
/// original types; the ones whose names clash are renamed (Suppliers.CompanyName → SupplierName). The
/// original tables' column sets (restricted to the chosen columns) are what a good decomposition gives back.
/// </summary>
internal static class NorthwindWideTable
{
    /// <summary>(source table, source column, column in the wide table)</summary>
    private static readonly (string Table, string Column, string As)[] Columns =
    [
        ("Order Details", "OrderID", "OrderID"),
        ("Order Details", "ProductID", "ProductID"),
        ("Order Details", "UnitPrice", "UnitPrice"),
        ("Order Details", "Quantity", "Quantity"),
        ("Order Details", "Discount", "Discount"),
        ("Orders", "CustomerID", "CustomerID"),
        ("Orders", "OrderDate", "OrderDate"),
        ("Orders", "Freight", "Freight"),
        ("Customers", "CompanyName", "CompanyName"),
        ("Customers", "Country", "Country"),
        ("Products", "ProductName", "ProductName"),
        ("Products", "SupplierID", "SupplierID"),
        ("Products", "CategoryID", "CategoryID"),
        ("Products", "QuantityPerUnit", "QuantityPerUnit"),
        ("Categories", "CategoryName", "CategoryName"),
        ("Suppliers", "CompanyName", "SupplierName"),
        ("Suppliers", "Country", "SupplierCountry"),
    ];

    /// <summary>The original tables, as the wide table's column names.</summary>
    public static readonly (string Table, string[] Columns)[] Originals =
    [
        ("Order Details", ["OrderID", "ProductID", "UnitPrice", "Quantity", "Discount"]),
        ("Orders", ["OrderID", "CustomerID", "OrderDate", "Freight"]),
        ("Customers", ["CustomerID", "CompanyName", "Country"]),
        ("Products", ["ProductID", "ProductName", "SupplierID", "CategoryID", "QuantityPerUnit"]),
        ("Categories", ["CategoryID", "CategoryName"]),
        ("Suppliers", ["SupplierID", "SupplierName", "SupplierCountry"]),
    ];

    public static readonly Lazy<SchemaModel> Northwind = new(() =>
    {
        var result = Ingestor.Ingest([Path.Combine(TestPaths.RealSchemas, "northwind", "instnwnd.sql")], new IngestOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Take(5)));
        return result.Model;
    });

    /// <summary>The wide table with its rows; with <paramref name="primaryKey"/> it declares (OrderID, ProductID) as its key.</summary>
    public static Table Build(bool primaryKey)
    {
        var model = Northwind.Value;
        Table Source(string name) => model.Find(new QualifiedName("dbo", name)) ?? throw new InvalidOperationException($"no table {name}");

        var wide = new Table(new QualifiedName("dbo", "OrderLines"), new SourceLocation("northwind-wide.sql", 1, 1));
        foreach (var (table, column, name) in Columns)
        {
            var c = Source(table).FindColumn(column)!;
            wide.Columns.Add(new Column(name, c.Type, new SourceLocation("northwind-wide.sql", wide.Columns.Count + 2, 5)) { IsNullable = c.IsNullable });
        }
        if (primaryKey) wide.PrimaryKey = new KeyConstraint("PK_OrderLines", true, ["OrderID", "ProductID"], new SourceLocation("northwind-wide.sql", 30, 5));

        // Each parent table's rows indexed by its key value.
        Dictionary<string, int> Index(string table, string key)
        {
            var t = Source(table);
            var data = t.Data!;
            int k = t.IndexOf(key);
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int r = 0; r < data.RowCount; r++) index[data.Value(r, k)!] = r;
            return index;
        }
        var orders = Index("Orders", "OrderID");
        var customers = Index("Customers", "CustomerID");
        var products = Index("Products", "ProductID");
        var categories = Index("Categories", "CategoryID");
        var suppliers = Index("Suppliers", "SupplierID");

        var lines = Source("Order Details");
        var builder = new TableDataBuilder(wide.ColumnNames, wide.Columns.Select(c => ValueSemantics.For(c.Type)).ToList()) { Origin = "Northwind, joined" };
        string? Get(string table, int? row, string column) => row is int r ? Source(table).Data!.Value(r, Source(table).IndexOf(column)) : null;
        for (int r = 0; r < lines.Data!.RowCount; r++)
        {
            int order = orders[Get("Order Details", r, "OrderID")!];
            int? customer = Get("Orders", order, "CustomerID") is { } cid && customers.TryGetValue(cid, out var ci) ? ci : null;
            int product = products[Get("Order Details", r, "ProductID")!];
            int? category = Get("Products", product, "CategoryID") is { } kid && categories.TryGetValue(kid, out var ki) ? ki : null;
            int? supplier = Get("Products", product, "SupplierID") is { } sid && suppliers.TryGetValue(sid, out var si) ? si : null;
            var rowOf = new Dictionary<string, int?>
            {
                ["Order Details"] = r, ["Orders"] = order, ["Customers"] = customer,
                ["Products"] = product, ["Categories"] = category, ["Suppliers"] = supplier,
            };
            foreach (var (table, column, _) in Columns) builder.Add(Get(table, rowOf[table], column));
            builder.EndRow();
        }
        wide.Data = builder.Build();
        return wide;
    }
}
