using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// The public sample databases in ../shared/real-schemas ingest without errors, with the table and
/// row counts their README lists.
/// </summary>
public class RealSchemaTests
{
    private static string Script(params string[] parts) => Path.Combine([TestPaths.RealSchemas, .. parts]);

    private static IngestResult Ingest(params string[] paths) => Ingestor.Ingest(paths, new IngestOptions());

    private static void AssertRows(IngestResult result, string table, int rows)
    {
        var t = result.Table(table);
        Assert.True(t.Data is not null, $"{table} has no sample rows");
        Assert.Equal(rows, t.Data!.RowCount);
    }

    [Fact]
    public void Northwind()
    {
        var result = Ingest(Script("northwind", "instnwnd.sql"));
        result.NoErrors();
        Assert.Equal(13, result.Model.Tables.Count);
        Assert.Equal(3308, result.Model.Tables.Sum(t => t.Data?.RowCount ?? 0));
        foreach (var (table, rows) in new[]
                 {
                     ("Order Details", 2155), ("Orders", 830), ("Customers", 91), ("Products", 77), ("Territories", 53),
                     ("EmployeeTerritories", 49), ("Suppliers", 29), ("Employees", 9),
                 })
            AssertRows(result, table, rows);
        // "Order Details" is created with a double-quoted name and stored without quotes.
        Assert.Equal(new QualifiedName("dbo", "Order Details"), result.Table("Order Details").Name);
    }

    [Fact]
    public void Pubs()
    {
        var result = Ingest(Script("pubs", "instpubs.sql"));
        result.NoErrors();
        Assert.Equal(11, result.Model.Tables.Count);
        Assert.Equal(255, result.Model.Tables.Sum(t => t.Data?.RowCount ?? 0));
        foreach (var (table, rows) in new[]
                 {
                     ("roysched", 86), ("employee", 43), ("titleauthor", 25), ("authors", 23), ("sales", 21), ("titles", 18),
                     ("jobs", 14), ("publishers", 8),
                 })
            AssertRows(result, table, rows);
        // EXEC sp_addtype id, 'varchar(11)', 'NOT NULL'.
        var auId = result.Table("authors").FindColumn("au_id")!;
        Assert.Equal("varchar", auId.Type.Name);
        Assert.Equal(11, auId.Type.Length);
        Assert.Equal(new QualifiedName("dbo", "id"), auId.Type.Alias);
        Assert.False(auId.IsNullable);
    }

    [Fact]
    public void AdventureWorksLT()
    {
        var result = Ingest(Script("adventureworkslt", "AdventureWorksLT.sql"));
        result.NoErrors();
        Assert.Equal(12, result.Model.Tables.Count);
        foreach (var (table, rows) in new[]
                 {
                     ("SalesLT.Customer", 847), ("SalesLT.ProductDescription", 762), ("SalesLT.ProductModelProductDescription", 762),
                     ("SalesLT.SalesOrderDetail", 542), ("SalesLT.Address", 450), ("SalesLT.CustomerAddress", 417),
                     ("SalesLT.Product", 295), ("SalesLT.ProductModel", 128),
                 })
            AssertRows(result, table, rows);
        // The README counts 4,278 INSERT ... VALUES statements; one of them is inside the uspLogError
        // procedure (into ErrorLog), which is code, not data.
        Assert.Equal(4277, result.Model.Tables.Sum(t => t.Data?.RowCount ?? 0));
        Assert.Null(result.Table("dbo.ErrorLog").Data);
    }

    /// <summary>
    /// The README's table of AdventureWorks data files: table, file, present, rows. One correction:
    /// the README gives ProductReview.csv 34 rows, its count of 0x0a-terminated lines; SQL Server reads
    /// such a file field by field, so line breaks inside the Comments field (not the last one) are data,
    /// and the table gets its 4 reviews (see <see cref="AdventureWorks_product_reviews_keep_their_line_breaks"/>).
    /// </summary>
    private static List<(string table, string file, bool present, int rows)> AdventureWorksDataFiles()
    {
        var readme = File.ReadAllLines(Path.Combine(TestPaths.RealSchemas, "README.md"));
        var row = new Regex(@"^\| (\w+\.\w+) \| (\w+\.csv) \| (yes|no[^|]*) \| *(\d*) \|");
        var files = readme.Select(l => row.Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value == "yes", m.Groups[4].Value.Length > 0 ? int.Parse(m.Groups[4].Value) : 0))
            .Select(f => f.Item2 == "ProductReview.csv" && f.Item4 == 34 ? (f.Item1, f.Item2, f.Item3, 4) : f)
            .ToList();
        Assert.Equal(68, files.Count);
        return files;
    }

    [Fact]
    public void AdventureWorks_reads_every_bulk_insert_file_and_warns_about_the_absent_ones()
    {
        var result = Ingest(Script("adventureworks", "instawdb.sql"));
        result.NoErrors();
        Assert.Equal(71, result.Model.Tables.Count);
        var files = AdventureWorksDataFiles();
        foreach (var (table, file, present, rows) in files)
        {
            if (present) AssertRows(result, table, rows);
            else
            {
                Assert.Null(result.Table(table).Data);
                Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains(file) && d.Message.Contains(table));
            }
        }
        Assert.Equal(7, files.Count(f => !f.present));
        Assert.Equal(7, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        // The script names C:\Samples\AdventureWorks\; the files beside it are read instead, and it says so.
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains(@"C:\Samples\AdventureWorks\"));
    }

    [Fact]
    public void AdventureWorks_folder_reads_each_data_file_once()
    {
        var result = Ingest(Script("adventureworks"));
        result.NoErrors();
        Assert.Equal(71, result.Model.Tables.Count);
        foreach (var (table, _, present, rows) in AdventureWorksDataFiles().Where(f => f.present))
            AssertRows(result, table, rows);
        // AWBuildVersion.csv is no BULK INSERT's file: it maps to dbo.AWBuildVersion by name; its one
        // line has a field per column and names none, so it is data, after the script's own INSERT.
        var build = result.Table("dbo.AWBuildVersion");
        Assert.Equal(2, build.Data!.RowCount);
        Assert.Equal(new string?[] { "1", "17.0.1000.3", "2025-10-06 21:25:57.990", "2025-11-14 12:13:16.797" }, build.Row(1));
    }

    [Fact]
    public void AdventureWorks_product_reviews_keep_their_line_breaks()
    {
        var result = Ingest(Script("adventureworks", "instawdb.sql"));
        var reviews = result.Table("Production.ProductReview");
        Assert.Equal(new string?[] { "1", "2", "3", "4" }, reviews.Column("ProductReviewID"));
        Assert.Equal(34, File.ReadAllLines(Script("adventureworks", "ProductReview.csv")).Length);
        Assert.All(reviews.Column("Comments"), c => Assert.Contains('\n', c!));
    }

    [Fact]
    public void AdventureWorks_model_details()
    {
        var result = Ingest(Script("adventureworks", "instawdb.sql"));
        var customer = result.Table("Sales.Customer");
        Assert.Equal(["CustomerID"], customer.PrimaryKey!.Columns);
        var account = customer.FindColumn("AccountNumber")!;
        Assert.True(account.IsComputed);
        Assert.Contains("ufnLeadingZeros", account.ComputedExpression);
        var id = customer.FindColumn("CustomerID")!;
        Assert.True(id.IsIdentity);
        Assert.Equal(1, id.IdentitySeed);
        // Alias types from CREATE TYPE ... FROM, with the alias' nullability when the column says nothing.
        var name = result.Table("Production.Product").FindColumn("Name")!;
        Assert.Equal(new SqlType("nvarchar", Length: 50) { Alias = new QualifiedName("dbo", "Name") }, name.Type);
        // Foreign keys come from ALTER TABLE ... WITH CHECK ADD CONSTRAINT.
        Assert.Contains(customer.ForeignKeys, f => f.ReferencedTable == new QualifiedName("Sales", "SalesTerritory") && f.Columns.SequenceEqual(["TerritoryID"]));
        // Document.csv ends rows with &| + CRLF and holds NUL bytes: the root node's empty value is an
        // empty string, not NULL.
        var document = result.Table("Production.Document");
        Assert.Equal(12, document.Data!.RowCount);
        Assert.Equal("", document.Data.Value(0, document.IndexOf("DocumentNode")));
        Assert.DoesNotContain(document.Column("ModifiedDate"), v => v is null || v.EndsWith('\r'));
    }
}
