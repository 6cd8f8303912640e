using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Databases.SqlServer;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// Northwind's order lines joined with their orders, customers, products, categories and suppliers, with
/// the dependencies FD discovery finds in the 2,155 joined rows (676 minimal FDs, accidents of the sample
/// among them), comes back as the six original tables with their keys and foreign keys.
/// </summary>
public class NorthwindReconstructionTests
{
    private static readonly Dictionary<string, string[]> Keys = new()
    {
        ["Order Details"] = ["OrderID", "ProductID"],
        ["Orders"] = ["OrderID"],
        ["Customers"] = ["CustomerID"],
        ["Products"] = ["ProductID"],
        ["Categories"] = ["CategoryID"],
        ["Suppliers"] = ["SupplierID"],
    };

    private static (Table Wide, Decomposition Proposal) Propose(bool declaredKey)
    {
        var wide = NorthwindWideTable.Build(declaredKey);
        var found = DependencyDiscovery.Discover(wide.Data!, new DiscoveryOptions());
        Assert.Empty(found.Limits);
        var deps = found.Fds.Select(f => TableDependency.Functional(f.ToDependency(), DependencySource.Data,
            evidence: new DataEvidence(wide.Data!.RowCount, f.Error))).ToList();
        if (declaredKey) deps.Insert(0, TableDependency.Functional(new FunctionalDependency(AttributeSet.Of(0, 1), AttributeSet.Range(wide.Columns.Count)), DependencySource.Key));
        return (wide, Normalizer.Propose(wide, deps, null, new DecompositionOptions { Target = NormalForm.BCNF }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_wide_table_comes_back_as_the_original_tables(bool declaredKey)
    {
        var (wide, d) = Propose(declaredKey);
        var names = wide.ColumnNames;
        AttributeSet Set(IEnumerable<string> columns) => AttributeSet.Of(columns.Select(wide.IndexOf));

        // Exactly the six original tables (as column sets), each keyed as the original is.
        Assert.Equal(NorthwindWideTable.Originals.Select(o => Set(o.Columns)).ToHashSet(), d.Tables.Select(t => t.Columns).ToHashSet());
        foreach (var (table, columns) in NorthwindWideTable.Originals)
        {
            var proposed = d.Tables.Single(t => t.Columns == Set(columns));
            Assert.True(Set(Keys[table]) == proposed.PrimaryKey, $"{table}: key ({proposed.PrimaryKey.Format(names)})");
        }

        // The foreign keys of the original schema, among the new tables.
        var fks = d.Tables.SelectMany(t => t.ForeignKeys.Select(f => (Child: t.Columns, Columns: f.Columns.Format(names), Parent: d.Find(f.ReferencedTable)!.Columns))).ToHashSet();
        (AttributeSet, string, AttributeSet) Fk(string child, string columns, string parent) =>
            (Set(NorthwindWideTable.Originals.Single(o => o.Table == child).Columns), columns, Set(NorthwindWideTable.Originals.Single(o => o.Table == parent).Columns));
        Assert.Equal(new HashSet<(AttributeSet, string, AttributeSet)>
        {
            Fk("Order Details", "OrderID", "Orders"),
            Fk("Order Details", "ProductID", "Products"),
            Fk("Orders", "CustomerID", "Customers"),
            Fk("Products", "SupplierID", "Suppliers"),
            Fk("Products", "CategoryID", "Categories"),
        }, fks);

        // Computed, and checked on the rows: lossless, the join gives back exactly the 2,155 rows.
        Assert.True(d.Lossless);
        var data = Assert.IsType<DataVerification>(d.Data);
        Assert.Equal(2155, data.SourceRows);
        Assert.Equal(2155, data.JoinedRows);
        Assert.True(data.JoinEqualsSource);
        Assert.Contains(data.Redundancy, r => r.Column == "CategoryName" && r.Before == 2155 && r.After == 8);

        // Accidents of the sample were found, and set aside rather than split on; every split was on an entity's key.
        Assert.NotEmpty(d.SetAside);
        Assert.All(d.Steps, s => Assert.Contains(Keys.Values, k => Set(k) == s.Lhs));
    }

    [Fact]
    public void Its_migration_parses()
    {
        var (_, d) = Propose(declaredKey: true);
        var script = new TSqlMigrationEmitter().Emit([MigrationPlanner.Plan(d, null)]);
        ScriptAssert.Parses(script.Forward);
        ScriptAssert.Parses(script.Rollback);
    }
}

/// <summary>Northwind's own tables with the FDs found in their rows: what is acted on, and what is set aside.</summary>
public class NorthwindTablesTests
{
    private static Decomposition Propose(string name)
    {
        var model = NorthwindWideTable.Northwind.Value;
        var table = model.Find(new QualifiedName("dbo", name))!;
        var analysis = SchemaAnalyzer.AnalyzeTable(model, table, AnalysisOptions.Default, new Analyzer.Diagnostics.DiagnosticBag(),
            dataDependencies: t => DependencyDiscovery.Discover(t.Data!, new DiscoveryOptions()).Fds
                .Select(f => TableDependency.Functional(f.ToDependency(), DependencySource.Data, evidence: new DataEvidence(t.Data!.RowCount, 0))).ToList());
        return Normalizer.Propose(model, analysis);
    }

    [Fact]
    public void An_fd_whose_extra_left_column_only_separates_exceptions_is_not_split_on()
    {
        // In Orders, CustomerID, EmployeeID -> ShipName holds, but CustomerID -> ShipName holds for all but
        // a few rows: the employee only tells those apart.
        var d = Propose("Orders");
        var names = d.ColumnNames;
        var lhs = AttributeSet.Of(names.ToList().IndexOf("CustomerID"), names.ToList().IndexOf("EmployeeID"));
        Assert.DoesNotContain(d.Steps, s => s.Lhs == lhs);
        // Splitting on it would have lost OrderID -> ShipName (the SKS pattern with ShipName -> CustomerID).
        Assert.True(d.DependencyPreserving, string.Join("; ", d.LostDependencies.Select(l => l.Dependency.Format(names))));
        Assert.True(d.Lossless);
        Assert.True(d.Data!.JoinEqualsSource);
        // The key of Orders stays the key of the table that keeps its rows.
        Assert.Equal("OrderID", d.Tables.Single(t => t.IsRemainder).PrimaryKey.Format(names));
    }

    [Fact]
    public void A_table_below_bcnf_only_through_unsupported_fds_is_left_as_it_is()
    {
        var d = Propose("Products");
        Assert.Equal(DecompositionMethod.None, d.Method);
        Assert.Single(d.Tables);
        Assert.NotEmpty(d.SetAside);
        Assert.Contains(d.Notes, n => n.Contains("not acted on"));
    }
}
