using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Tests.Analysis.Rules;

namespace SchemaNorm.Analyzer.Tests.Analysis.Sources;

public class DataDependenciesTests
{
    [Fact]
    public void Dependencies_found_in_data_come_in_through_the_hook_and_count()
    {
        var table = new TableBuilder("dbo.Employee", "Ssn", "Dnumber", "Dname").PrimaryKey("Ssn")
            .Rows(["1", "5", "Research"], ["2", "5", "Research"], ["3", "4", "Admin"]).Build();
        var found = TableDependency.Functional(new FunctionalDependency(AttributeSet.Single(1), 2), DependencySource.Data,
            evidence: new DataEvidence(3, 0.0) { WitnessGroups = [[0, 1]] });
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(table), AnalysisOptions.Default, new DiagnosticBag(),
            t => t == table ? [found] : []).Tables[0];

        Assert.Contains(found, analysis.Dependencies);
        var f = RuleAssert.One(analysis, TransitiveDependencyRule.Id);
        Assert.Equal(DependencySource.Data, f.Dependency!.Source);
        Assert.Contains("Found in the sample rows (3 rows)", f.Message);
        Assert.Equal(table.Columns[2].Location, f.Location); // no annotation: the column
        Assert.Equal(NormalForm.Second, analysis.NormalForm);
    }

    [Fact]
    public void Approximate_dependencies_say_how_far_they_hold()
    {
        var table = new TableBuilder("dbo.Employee", "Ssn", "Dnumber", "Dname").PrimaryKey("Ssn").Build();
        var found = TableDependency.Functional(new FunctionalDependency(AttributeSet.Single(1), 2), DependencySource.Data, evidence: new DataEvidence(200, 0.015));
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(table), AnalysisOptions.Default, new DiagnosticBag(), _ => [found]).Tables[0];
        Assert.Contains("it holds after removing 1.5% of them", RuleAssert.One(analysis, TransitiveDependencyRule.Id).Message);
    }

    [Fact]
    public void A_data_dependency_outside_the_table_is_ignored_with_a_warning()
    {
        var table = new TableBuilder("dbo.T", "A", "B").PrimaryKey("A").Build();
        var bad = TableDependency.Functional(new FunctionalDependency(AttributeSet.Single(0), 5), DependencySource.Data);
        var diagnostics = new DiagnosticBag();
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(table), AnalysisOptions.Default, diagnostics, _ => [bad]).Tables[0];
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics.Items).Severity);
        Assert.DoesNotContain(bad, analysis.Dependencies);
    }
}
