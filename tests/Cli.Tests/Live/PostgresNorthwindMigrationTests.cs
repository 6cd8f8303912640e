using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Tests;
using SchemaNorm.Databases.Postgres;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// The whole path on a real design, in a live database: Northwind (real-schemas/northwind) is loaded into
/// PostgreSQL, its order lines are joined with their orders, customers, products, categories and suppliers
/// into one wide table (keyed by OrderID, ProductID), the originals are dropped, and then the command line,
/// pointed at the database, proposes the decomposition from the rows it samples (checked on all rows by the
/// server) and writes the PostgreSQL migration; the database runs it, and the rollback.
/// </summary>
public class PostgresNorthwindMigrationTests
{
    /// <summary>(the wide table's column, the original's expression over the aliases below)</summary>
    private static readonly (string Column, string From)[] WideColumns =
    [
        ("OrderID", "od.\"OrderID\""), ("ProductID", "od.\"ProductID\""), ("UnitPrice", "od.\"UnitPrice\""),
        ("Quantity", "od.\"Quantity\""), ("Discount", "od.\"Discount\""),
        ("CustomerID", "o.\"CustomerID\""), ("OrderDate", "o.\"OrderDate\""), ("Freight", "o.\"Freight\""),
        ("CompanyName", "c.\"CompanyName\""), ("Country", "c.\"Country\""),
        ("ProductName", "p.\"ProductName\""), ("SupplierID", "p.\"SupplierID\""), ("CategoryID", "p.\"CategoryID\""),
        ("QuantityPerUnit", "p.\"QuantityPerUnit\""),
        ("CategoryName", "k.\"CategoryName\""),
        ("SupplierName", "s.\"CompanyName\""), ("SupplierCountry", "s.\"Country\""),
    ];

    /// <summary>The original tables' columns, as the wide table names them: what a good decomposition gives back.</summary>
    private static readonly string[][] Originals =
    [
        ["OrderID", "ProductID", "UnitPrice", "Quantity", "Discount"],
        ["OrderID", "CustomerID", "OrderDate", "Freight"],
        ["CustomerID", "CompanyName", "Country"],
        ["ProductID", "ProductName", "SupplierID", "CategoryID", "QuantityPerUnit"],
        ["CategoryID", "CategoryName"],
        ["SupplierID", "SupplierName", "SupplierCountry"],
    ];

    private static string Setup()
    {
        var ingest = Ingestor.Ingest([Path.Combine(TestPaths.RealSchemas, "northwind", "instnwnd.sql")], new IngestOptions());
        Assert.False(ingest.HasErrors, string.Join("\n", ingest.Diagnostics.Take(5)));
        var wanted = new[] { "Order Details", "Orders", "Customers", "Products", "Categories", "Suppliers" };
        var tables = ingest.Model.Tables.Where(t => wanted.Contains(t.Name.Name)).ToList();
        Assert.Equal(wanted.Length, tables.Count);
        return PostgresSchemaScript.Write(tables, new PostgresNames("nw")) + $"""
            CREATE TABLE public."OrderLines" AS
            SELECT {string.Join(", ", WideColumns.Select(w => $"{w.From} AS \"{w.Column}\""))}
            FROM nw."Order Details" od
            JOIN nw."Orders" o ON o."OrderID" = od."OrderID"
            LEFT JOIN nw."Customers" c ON c."CustomerID" = o."CustomerID"
            JOIN nw."Products" p ON p."ProductID" = od."ProductID"
            LEFT JOIN nw."Categories" k ON k."CategoryID" = p."CategoryID"
            LEFT JOIN nw."Suppliers" s ON s."SupplierID" = p."SupplierID";
            ALTER TABLE public."OrderLines" ADD CONSTRAINT "PK_OrderLines" PRIMARY KEY ("OrderID", "ProductID");
            DROP SCHEMA nw CASCADE;
            """;
    }

    [PostgresFact]
    public void The_wide_table_read_from_the_database_comes_back_as_the_original_tables_and_the_migration_runs()
    {
        using var db = new ScratchPostgres(Setup());
        var columns = db.Columns("public", "OrderLines");
        Assert.Equal(WideColumns.Select(w => w.Column), columns);
        db.Execute("CREATE SCHEMA snapshot; CREATE TABLE snapshot.original AS SELECT * FROM public.\"OrderLines\";");
        var original = db.Fingerprint();
        var rows = db.Scalar<long>("SELECT count(*) FROM public.\"OrderLines\"");
        Assert.Equal(2155, rows);

        // The proposal, from the database: lossless, the six originals, each in BCNF.
        var proposal = CliRunner.Run("decompose", "--connection", db.ConnectionString, "--schema", "public", "--table", "OrderLines", "--format", "json");
        Assert.True(proposal.ExitCode == 0, proposal.Stderr);
        using (var doc = System.Text.Json.JsonDocument.Parse(proposal.Stdout))
        {
            var d = doc.RootElement.GetProperty("decomposition");
            Assert.True(d.GetProperty("lossless").GetBoolean());
            var proposed = d.GetProperty("tables").EnumerateArray()
                .Select(t => string.Join(",", t.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Originals.Select(o => string.Join(",", o.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal), proposed);
        }

        var scripts = PostgresMigrationRun.Migrate("--connection", db.ConnectionString, "--schema", "public", "--table", "OrderLines");
        Assert.Equal(original, db.Fingerprint()); // writing the script changed nothing
        db.Run(scripts.Forward);

        // The new tables hold exactly the originals' columns.
        var created = db.Column("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'OrderLines_unnormalized' ORDER BY 1
            """);
        var shapes = created.Select(t => string.Join(",", db.Columns("public", t!).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
        var expected = Originals.Select(o => string.Join(",", o.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(shapes), $"tables: {string.Join(" | ", shapes)}\n{scripts.Forward[..scripts.Forward.IndexOf("BEGIN;", StringComparison.Ordinal)]}\n{scripts.Stderr}");

        // The view under the old name returns exactly the old rows.
        Assert.Equal("v", db.Kind("public", "OrderLines"));
        Assert.Equal(columns, db.Columns("public", "OrderLines"));
        Assert.Equal((0L, 0L, rows, rows), db.Compare("snapshot.original", "public.\"OrderLines\"", columns));

        // Again: nothing changes. Rollback: the table and its rows are back, and the rollback again changes nothing.
        var migrated = db.Fingerprint();
        db.Run(scripts.Forward);
        Assert.Equal(migrated, db.Fingerprint());
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
    }
}
