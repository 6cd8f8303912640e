using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class JoinDependencyRuleTests
{
    [Fact]
    public void Cyclic_join_dependency_one_error()
    {
        var analysis = new TableBuilder("dbo.SPJ", "S", "P", "J").PrimaryKey("S", "P", "J")
            .Declare("(S, P), (P, J), (J, S)").Analyze(new AnalysisOptions { Target = NormalForm.Fifth });
        var f = RuleAssert.One(analysis, JoinDependencyRule.Id);
        RuleAssert.Only(analysis, JoinDependencyRule.Id);
        Assert.Equal(NormalForm.Fourth, analysis.NormalForm);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("split the table into (S, P), (S, J), (P, J)", f.Fix);
    }

    [Fact]
    public void Join_dependency_implied_by_a_key_no_error()
    {
        var analysis = new TableBuilder("dbo.T", "A", "B", "C").PrimaryKey("A").Declare("(A, B), (A, C), (B, C)").Analyze();
        Assert.Empty(analysis.Findings);
        Assert.Equal(NormalForm.Fifth, analysis.NormalForm);
    }
}
