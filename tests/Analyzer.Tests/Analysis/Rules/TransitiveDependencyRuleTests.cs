using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class TransitiveDependencyRuleTests
{
    [Fact]
    public void Column_depending_on_a_non_key_one_error()
    {
        var b = new TableBuilder("dbo.Employee", "Ssn", "Ename").Column("Dnumber", new SqlType("int")).Column("Dname")
            .PrimaryKey("Ssn").Declare("Dnumber -> Dname")
            .Rows(["1", "Smith", "5", "Research"], ["2", "Wong", "5", "Research"], ["3", "Zelaya", "4", "Admin"]);
        var analysis = b.Analyze();
        var f = RuleAssert.One(analysis, TransitiveDependencyRule.Id);
        RuleAssert.Only(analysis, TransitiveDependencyRule.Id);
        Assert.Equal(NormalForm.Second, analysis.NormalForm);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(2), 3), f.Dependency!.Fd);
        Assert.Equal([AttributeSet.Single(0)], f.Keys);
        Assert.Equal("Dname 'Research' is stored in 2 rows for Dnumber 5 (rows 1, 2)", Assert.Single(f.Witnesses));
        Assert.Contains("until some row pairs it with Ssn (insertion anomaly)", f.Message);
    }

    [Fact]
    public void Decomposed_tables_no_error()
    {
        var employee = new TableBuilder("dbo.Employee", "Ssn", "Ename", "Dnumber").PrimaryKey("Ssn").Analyze();
        var department = new TableBuilder("dbo.Department", "Dnumber", "Dname").PrimaryKey("Dnumber").Unique("Dname").Analyze();
        Assert.Empty(employee.Findings);
        Assert.Empty(department.Findings);
        Assert.Equal(NormalForm.Fifth, department.NormalForm);
    }
}
