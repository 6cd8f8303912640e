using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class PartialDependencyRuleTests
{
    private static TableBuilder OrderLine() =>
        new TableBuilder("dbo.OrderLine", "OrderID", "ProductID", "Qty", "ProductName").PrimaryKey("OrderID", "ProductID");

    [Fact]
    public void Column_depending_on_part_of_the_key_one_error()
    {
        var b = OrderLine().Declare("ProductID -> ProductName");
        var analysis = b.Analyze();
        var f = RuleAssert.One(analysis, PartialDependencyRule.Id);
        RuleAssert.Only(analysis, PartialDependencyRule.Id);
        Assert.Equal(NormalForm.First, analysis.NormalForm);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(1), 3), f.Dependency!.Fd);
        Assert.Equal(DependencySource.Declared, f.Dependency.Source);
        Assert.Equal(b.Table.Annotations[0].Location, f.Location);
        Assert.Equal([AttributeSet.Of(0, 1)], f.Keys);
        Assert.Equal("move ProductName to a table keyed by ProductID, and keep ProductID here to refer to it", f.Fix);
        Assert.StartsWith("ProductName depends on ProductID alone, a proper part of the key (OrderID, ProductID)", f.Message);
        Assert.Equal([AnomalyKind.Update, AnomalyKind.Insertion, AnomalyKind.Deletion], f.Anomalies.Select(a => a.Kind));
    }

    [Fact]
    public void Witnesses_name_the_repeated_fact()
    {
        var f = RuleAssert.One(
            OrderLine().Declare("ProductID -> ProductName")
                .Rows(["10", "1", "5", "Chai"], ["11", "1", "2", "Chai"], ["11", "2", "1", "Chang"], ["12", "1", "9", "Chai"])
                .Analyze(),
            PartialDependencyRule.Id);
        Assert.Equal("ProductName 'Chai' is stored in 3 rows for ProductID '1' (rows 1, 2, 4)", Assert.Single(f.Witnesses));
    }

    [Fact]
    public void Numbers_are_quoted_bare_and_a_broken_fd_is_shown()
    {
        var b = new TableBuilder("dbo.WorksOn").Column("Ssn", new SqlType("int")).Column("Pno", new SqlType("int")).Column("Ename")
            .PrimaryKey("Ssn", "Pno").Declare("Ssn -> Ename")
            .Rows(["123456789", "1", "Smith"], ["123456789", "2", "Smith"], ["123456789", "3", "Smith"], ["5", "1", "Wong"], ["5", "2", "Wang"]);
        var f = RuleAssert.One(b.Analyze(), PartialDependencyRule.Id);
        Assert.Equal("Ename 'Smith' is stored in 3 rows for Ssn 123456789 (rows 1, 2, 3)", f.Witnesses[0]);
        Assert.Equal("but the sample breaks it: Ssn 5 has Ename 'Wong' in row 4 and 'Wang' in row 5", f.Witnesses[1]);
    }

    [Fact]
    public void Any_candidate_key_counts_not_only_the_primary_key()
    {
        var analysis = new TableBuilder("dbo.Lot", "PropertyId", "County", "LotNo", "TaxRate")
            .PrimaryKey("PropertyId").Unique("County", "LotNo").Declare("County -> TaxRate").Analyze();
        var f = RuleAssert.One(analysis, PartialDependencyRule.Id);
        Assert.Equal([AttributeSet.Of(1, 2)], f.Keys);
    }

    [Fact]
    public void Derived_partial_dependency_lists_what_it_follows_from()
    {
        var analysis = new TableBuilder("dbo.OrderLine", "OrderID", "ProductID", "SupplierID", "SupplierName")
            .PrimaryKey("OrderID", "ProductID")
            .Declare("ProductID -> SupplierID")
            .Declare("SupplierID -> SupplierName")
            .Analyze();
        var f = RuleAssert.One(analysis, PartialDependencyRule.Id);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(1), AttributeSet.Of(2, 3)), f.Dependency!.Fd);
        Assert.True(f.Dependency.IsDerived);
        Assert.Equal(2, f.Dependency.DerivedFrom.Count);
        Assert.Contains("follows from ProductID -> SupplierID; SupplierID -> SupplierName", f.Message);
        // SupplierID -> SupplierName is a transitive dependency of its own (it stays in the table the fix makes).
        var t = RuleAssert.One(analysis, TransitiveDependencyRule.Id);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(2), 3), t.Dependency!.Fd);
        Assert.Equal(analysis.Findings[0], f); // the 2NF finding comes first
    }

    [Fact]
    public void Full_dependency_on_the_key_no_error()
    {
        var analysis = OrderLine().Declare("OrderID, ProductID -> Qty").Analyze();
        Assert.Empty(analysis.Findings);
        Assert.Equal(NormalForm.Fifth, analysis.NormalForm);
    }
}
