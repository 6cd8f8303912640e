using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Sources;

/// <summary>
/// Small hand-built models in the shape of the real sample databases (Northwind, pubs, AdventureWorks,
/// AdventureWorksLT): keys and foreign keys as their DDL declares them. Declared keys alone must never
/// give a 2NF, 3NF or BCNF finding; columns that merely share a name must not be taken for copies.
/// </summary>
public class RealSchemaShapesTests
{
    private static readonly SqlType Int = new("int");
    private static readonly SqlType Money = new("money");
    private static readonly SqlType NVar40 = new("nvarchar", Length: 40);
    private static readonly SqlType Name = new("nvarchar", Length: 50) { Alias = QualifiedName.Parse("dbo.Name") };
    private static readonly SqlType Guid = new("uniqueidentifier");
    private static readonly SqlType DateTime = new("datetime");

    private static readonly string[] FdRules = [PartialDependencyRule.Id, TransitiveDependencyRule.Id, NonKeyDeterminantRule.Id];

    private static SchemaModel Northwind(bool orderDetailsRows = false, bool agreeingPrices = false)
    {
        var categories = new TableBuilder("dbo.Categories").Column("CategoryID", Int, identity: true).Column("CategoryName", new SqlType("nvarchar", 15))
            .Column("Description", new SqlType("ntext")).PrimaryKey("CategoryID").Build();
        var suppliers = new TableBuilder("dbo.Suppliers").Column("SupplierID", Int, identity: true).Column("CompanyName", NVar40)
            .Column("City", new SqlType("nvarchar", 15)).Column("Phone", new SqlType("nvarchar", 24)).PrimaryKey("SupplierID").Build();
        var products = new TableBuilder("dbo.Products").Column("ProductID", Int, identity: true).Column("ProductName", NVar40)
            .Column("SupplierID", Int).Column("CategoryID", Int).Column("UnitPrice", Money, defaultExpression: "(0)")
            .Column("Discontinued", new SqlType("bit"), defaultExpression: "(0)")
            .PrimaryKey("ProductID").ForeignKey("dbo.Suppliers", ["SupplierID"], ["SupplierID"]).ForeignKey("dbo.Categories", ["CategoryID"], ["CategoryID"]).Build();
        var customers = new TableBuilder("dbo.Customers").Column("CustomerID", new SqlType("nchar", 5)).Column("CompanyName", NVar40)
            .Column("City", new SqlType("nvarchar", 15)).Column("Phone", new SqlType("nvarchar", 24)).PrimaryKey("CustomerID").Build();
        var employees = new TableBuilder("dbo.Employees").Column("EmployeeID", Int, identity: true).Column("LastName", new SqlType("nvarchar", 20))
            .Column("City", new SqlType("nvarchar", 15)).Column("ReportsTo", Int).PrimaryKey("EmployeeID")
            .ForeignKey("dbo.Employees", ["ReportsTo"], ["EmployeeID"]).Build();
        var shippers = new TableBuilder("dbo.Shippers").Column("ShipperID", Int, identity: true).Column("CompanyName", NVar40)
            .Column("Phone", new SqlType("nvarchar", 24)).PrimaryKey("ShipperID").Build();
        var orders = new TableBuilder("dbo.Orders").Column("OrderID", Int, identity: true).Column("CustomerID", new SqlType("nchar", 5))
            .Column("EmployeeID", Int).Column("OrderDate", DateTime).Column("ShipVia", Int).Column("Freight", Money, defaultExpression: "(0)")
            .Column("ShipCity", new SqlType("nvarchar", 15)).PrimaryKey("OrderID")
            .ForeignKey("dbo.Customers", ["CustomerID"], ["CustomerID"]).ForeignKey("dbo.Employees", ["EmployeeID"], ["EmployeeID"])
            .ForeignKey("dbo.Shippers", ["ShipVia"], ["ShipperID"]).Build();
        var details = new TableBuilder("dbo.Order Details").Column("OrderID", Int).Column("ProductID", Int)
            .Column("UnitPrice", Money, defaultExpression: "(0)").Column("Quantity", new SqlType("smallint"), defaultExpression: "(1)")
            .Column("Discount", new SqlType("real"), defaultExpression: "(0)").PrimaryKey("OrderID", "ProductID")
            .ForeignKey("dbo.Orders", ["OrderID"], ["OrderID"]).ForeignKey("dbo.Products", ["ProductID"], ["ProductID"]);
        if (orderDetailsRows)
            details.Rows(["10248", "11", "14.00", "12", "0"], ["10249", "11", agreeingPrices ? "14.00" : "21.00", "10", "0"], ["10250", "42", "9.80", "10", "0"]);
        return TableBuilder.Model(categories, suppliers, products, customers, employees, shippers, orders, details.Build());
    }

    [Fact]
    public void Northwind_shape_declared_keys_give_no_2NF_3NF_or_BCNF_claims()
    {
        var analysis = SchemaAnalyzer.Analyze(Northwind(), AnalysisOptions.Default, new DiagnosticBag());
        Assert.All(analysis.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
        Assert.DoesNotContain(analysis.Findings, f => f.Established && FdRules.Contains(f.RuleId));

        // The one column that does repeat its parent's (Order Details.UnitPrice) is a suspicion: a note that counts for nothing.
        var suspicion = Assert.Single(analysis.Findings);
        Assert.Equal(QualifiedName.Parse("dbo.Order Details"), suspicion.Table);
        Assert.Equal(PartialDependencyRule.Id, suspicion.RuleId);
        Assert.False(suspicion.Established);
        Assert.Equal(Severity.Note, suspicion.Severity);
        Assert.Equal(DependencySource.Schema, suspicion.Dependency!.Source);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(1), 2), suspicion.Dependency.Fd);
        Assert.Equal(analysis.Tables[^1].Table.ForeignKeys[1].Location, suspicion.Location);
        Assert.Contains("snapshot", suspicion.Message);
    }

    [Fact]
    public void Trusted_schema_inference_counts()
    {
        var analysis = SchemaAnalyzer.Analyze(Northwind(), new AnalysisOptions { TrustSchemaInference = true }, new DiagnosticBag());
        var details = analysis.Tables[^1];
        Assert.Equal(NormalForm.First, details.NormalForm);
        var f = Assert.Single(details.Findings);
        Assert.True(f.Established);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(NormalForm.Fifth, analysis.Tables[2].NormalForm); // Products itself is fine
    }

    [Fact]
    public void Sample_rows_that_contradict_an_inferred_copy_drop_it()
    {
        var details = SchemaAnalyzer.Analyze(Northwind(orderDetailsRows: true), AnalysisOptions.Default, new DiagnosticBag()).Tables[^1];
        Assert.Empty(details.Findings);
        Assert.DoesNotContain(details.Dependencies, d => d.Source == DependencySource.Schema);
        Assert.Contains(details.Notes, n => n.Contains("ProductID 11 has UnitPrice 14.00 in row 1 and 21.00 in row 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_rows_that_agree_are_kept_as_evidence()
    {
        var details = SchemaAnalyzer.Analyze(Northwind(orderDetailsRows: true, agreeingPrices: true), AnalysisOptions.Default, new DiagnosticBag()).Tables[^1];
        var inferred = Assert.Single(details.Dependencies, d => d.Source == DependencySource.Schema);
        Assert.Equal(3, inferred.Evidence!.SupportRows);
        Assert.Equal([[0, 1]], inferred.Evidence.WitnessGroups);
        Assert.Contains("UnitPrice 14.00 is stored in 2 rows for ProductID 11 (rows 1, 2)", Assert.Single(details.Findings).Witnesses);
    }

    [Fact]
    public void Pubs_shape_tables_without_keys_are_1NF_findings_and_nothing_else_counts()
    {
        var titles = new TableBuilder("dbo.titles").Column("title_id", new SqlType("varchar", 6)).Column("title", new SqlType("varchar", 80))
            .Column("price", Money).Column("royalty", Int).PrimaryKey("title_id").Build();
        var roysched = new TableBuilder("dbo.roysched").Column("title_id", new SqlType("varchar", 6)).Column("lorange", Int)
            .Column("hirange", Int).Column("royalty", Int).ForeignKey("dbo.titles", ["title_id"]).Build();
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(titles, roysched), AnalysisOptions.Default, new DiagnosticBag());
        Assert.Equal(NormalForm.Fifth, analysis.Tables[0].NormalForm);
        Assert.Equal(NormalForm.UNF, analysis.Tables[1].NormalForm);
        Assert.Equal([NoKeyRule.Id], analysis.Tables[1].Findings.Where(f => f.Established).Select(f => f.RuleId));
    }

    [Fact]
    public void AdventureWorks_shape_names_rowguids_and_audit_columns_are_not_copies()
    {
        TableBuilder Entity(string name, string id) => new TableBuilder(name).Column(id, Int, identity: true).Column("Name", Name);
        TableBuilder Audit(TableBuilder b) => b
            .Column("rowguid", Guid, defaultExpression: "(newid())").Column("ModifiedDate", DateTime, defaultExpression: "(getdate())");

        var category = Audit(Entity("Production.ProductCategory", "ProductCategoryID")).PrimaryKey("ProductCategoryID")
            .UniqueIndex(null, "Name").UniqueIndex(null, "rowguid").Build();
        var subcategory = Audit(Entity("Production.ProductSubcategory", "ProductSubcategoryID").Column("ProductCategoryID", Int))
            .PrimaryKey("ProductSubcategoryID").UniqueIndex(null, "Name").UniqueIndex(null, "rowguid")
            .ForeignKey("Production.ProductCategory", ["ProductCategoryID"], ["ProductCategoryID"]).Build();
        var product = Audit(Entity("Production.Product", "ProductID").Column("ProductNumber", new SqlType("nvarchar", 25)).Column("ProductSubcategoryID", Int))
            .PrimaryKey("ProductID").UniqueIndex(null, "Name").UniqueIndex(null, "ProductNumber").UniqueIndex(null, "rowguid")
            .ForeignKey("Production.ProductSubcategory", ["ProductSubcategoryID"], ["ProductSubcategoryID"]).Build();
        var territory = Audit(Entity("Sales.SalesTerritory", "TerritoryID").Column("SalesYTD", Money, defaultExpression: "(0.00)"))
            .PrimaryKey("TerritoryID").UniqueIndex(null, "Name").Build();
        var person = Audit(new TableBuilder("Sales.SalesPerson").Column("BusinessEntityID", Int).Column("TerritoryID", Int)
                .Column("SalesYTD", Money, defaultExpression: "(0.00)"))
            .PrimaryKey("BusinessEntityID").ForeignKey("Sales.SalesTerritory", ["TerritoryID"], ["TerritoryID"])
            .Rows(["274", null, "559697.56", "a", "2008-01-01"], ["275", "2", "3763178.17", "b", "2008-01-01"], ["276", "2", "4251368.54", "c", "2008-01-01"])
            .Build();

        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(category, subcategory, product, territory, person), AnalysisOptions.Default, new DiagnosticBag());
        Assert.All(analysis.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
        Assert.Empty(analysis.Findings);
        Assert.DoesNotContain(analysis.Tables.SelectMany(t => t.Dependencies), d => d.Source == DependencySource.Schema);
        Assert.Contains(analysis.Tables[^1].Notes, n => n.Contains("SalesYTD", StringComparison.Ordinal));
    }

    [Fact]
    public void AdventureWorksLT_shape_self_references_and_shared_column_names_are_not_copies()
    {
        TableBuilder Lt(string name, string id) => new TableBuilder(name).Column(id, Int, identity: true).Column("Name", Name);
        var category = Lt("SalesLT.ProductCategory", "ProductCategoryID").Column("ParentProductCategoryID", Int).Column("ModifiedDate", DateTime)
            .PrimaryKey("ProductCategoryID").ForeignKey("SalesLT.ProductCategory", ["ParentProductCategoryID"], ["ProductCategoryID"]).Build();
        var model = Lt("SalesLT.ProductModel", "ProductModelID").Column("ModifiedDate", DateTime).PrimaryKey("ProductModelID").Build();
        // No unique index on Name here: the name still appears in an unrelated table (ProductModel vs ProductCategory).
        var product = Lt("SalesLT.Product", "ProductID").Column("ProductCategoryID", Int).Column("ProductModelID", Int).Column("ModifiedDate", DateTime)
            .PrimaryKey("ProductID")
            .ForeignKey("SalesLT.ProductCategory", ["ProductCategoryID"], ["ProductCategoryID"])
            .ForeignKey("SalesLT.ProductModel", ["ProductModelID"], ["ProductModelID"]).Build();
        var address = new TableBuilder("SalesLT.Address").Column("AddressID", Int).Column("City", new SqlType("nvarchar", 30)).Column("ModifiedDate", DateTime)
            .PrimaryKey("AddressID").Build();
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(category, model, product, address), AnalysisOptions.Default, new DiagnosticBag());
        Assert.Empty(analysis.Findings);
        Assert.All(analysis.Tables, t => Assert.Equal(NormalForm.Fifth, t.NormalForm));
    }

    [Fact]
    public void Random_key_only_tables_are_always_5NF()
    {
        var rng = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            int n = rng.Next(1, 12);
            var b = new TableBuilder("dbo.T" + i, Enumerable.Range(0, n).Select(c => "C" + (char)('a' + c)).ToArray());
            string[] RandomColumns() => Enumerable.Range(0, n).Where(_ => rng.Next(3) == 0).Select(c => "C" + (char)('a' + c)).DefaultIfEmpty("Ca").ToArray();
            b.PrimaryKey(RandomColumns());
            for (int u = rng.Next(0, 3); u > 0; u--) b.Unique(RandomColumns());
            if (rng.Next(2) == 0) b.UniqueIndex(null, RandomColumns());
            var analysis = b.Analyze();
            Assert.Empty(analysis.Findings);
            Assert.Equal(NormalForm.Fifth, analysis.NormalForm);
        }
    }
}
