using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Sources;

public class DeclaredDependenciesTests
{
    [Fact]
    public void Names_match_case_insensitively_with_brackets_and_quotes()
    {
        var diagnostics = new DiagnosticBag();
        var analysis = new TableBuilder("dbo.EmpProj", "Ssn", "Pnumber", "Ename", "Order Date")
            .PrimaryKey("Ssn", "Pnumber")
            .Declare("[SSN] -> ename, \"Order Date\"")
            .Analyze(diagnostics: diagnostics);
        Assert.Empty(diagnostics.Items);
        var d = Assert.Single(analysis.Dependencies, d => d.Source == DependencySource.Declared);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(0), AttributeSet.Of(2, 3)), d.Fd);
        Assert.Equal("annotation", d.Origin);
    }

    [Fact]
    public void Unknown_column_is_an_error_at_the_annotation()
    {
        var diagnostics = new DiagnosticBag();
        var b = new TableBuilder("dbo.EmpProj", "Ssn", "Ename").PrimaryKey("Ssn").Declare("Ssn -> Enam");
        var analysis = b.Analyze(diagnostics: diagnostics);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(b.Table.Annotations[0].Location, d.Location);
        Assert.Contains("'Enam'", d.Message);
        Assert.DoesNotContain(analysis.Dependencies, x => x.Source == DependencySource.Declared);
    }

    [Fact]
    public void Join_dependency_must_cover_every_column()
    {
        var diagnostics = new DiagnosticBag();
        var analysis = new TableBuilder("dbo.T", "A", "B", "C", "D").PrimaryKey("A", "B", "C", "D").Declare("(A, B), (B, C)").Analyze(diagnostics: diagnostics);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("D", d.Message);
        Assert.Single(analysis.Dependencies);
    }

    [Fact]
    public void Config_dependencies_apply_to_the_table_they_name()
    {
        var empProj = new TableBuilder("dbo.EmpProj", "Ssn", "Pnumber", "Ename").PrimaryKey("Ssn", "Pnumber").Build();
        var other = new TableBuilder("sales.Orders", "OrderID", "CustomerID").PrimaryKey("OrderID").Build();
        var model = TableBuilder.Model(empProj, other);
        var config = new SourceLocation("schemanorm.json", 4, 7);
        var options = new AnalysisOptions
        {
            ConfigDependencies =
            [
                TableBuilder.Annotation("Ssn -> Ename", config) with { Table = new QualifiedName(null, "EmpProj") },
                TableBuilder.Annotation("OrderID -> CustomerID", config) with { Table = QualifiedName.Parse("sales.Orders") },
            ],
        };
        var diagnostics = new DiagnosticBag();
        var analysis = SchemaAnalyzer.Analyze(model, options, diagnostics);
        Assert.Empty(diagnostics.Items);
        var declared = Assert.Single(analysis.Tables[0].Dependencies, d => d.Source == DependencySource.Declared);
        Assert.Equal("config", declared.Origin);
        Assert.Equal(config, declared.Location);
        Assert.Equal(NormalForm.First, analysis.Tables[0].NormalForm);
        Assert.Equal(NormalForm.Fifth, analysis.Tables[1].NormalForm);
    }

    [Fact]
    public void Config_dependency_without_a_known_table_is_an_error()
    {
        var model = TableBuilder.Model(new TableBuilder("dbo.T", "A", "B").PrimaryKey("A").Build());
        var at = new SourceLocation("schemanorm.json", 2, 3);
        var options = new AnalysisOptions
        {
            ConfigDependencies =
            [
                TableBuilder.Annotation("A -> B", at),
                TableBuilder.Annotation("A -> B", at) with { Table = QualifiedName.Parse("dbo.Missing") },
            ],
        };
        var diagnostics = new DiagnosticBag();
        SchemaAnalyzer.Analyze(model, options, diagnostics);
        Assert.Equal(2, diagnostics.ErrorCount);
        Assert.All(diagnostics.Items, d => Assert.Equal(at, d.Location));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("dbo.Missing", StringComparison.Ordinal));
    }
}
