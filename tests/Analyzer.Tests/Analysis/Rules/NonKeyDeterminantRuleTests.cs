using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class NonKeyDeterminantRuleTests
{
    private static TableBuilder Advisor() =>
        new TableBuilder("dbo.DeptAdvisor", "StudentId", "InstructorId", "DeptName")
            .PrimaryKey("StudentId", "DeptName")
            .Declare("InstructorId -> DeptName")
            .Declare("StudentId, DeptName -> InstructorId");

    [Fact]
    public void Non_key_determinant_of_a_prime_column_one_error()
    {
        var analysis = Advisor().Analyze();
        var f = RuleAssert.One(analysis, NonKeyDeterminantRule.Id);
        RuleAssert.Only(analysis, NonKeyDeterminantRule.Id);
        Assert.Equal(NormalForm.Third, analysis.NormalForm);
        Assert.Equal(new FunctionalDependency(AttributeSet.Single(1), 2), f.Dependency!.Fd);
        Assert.Equal(2, f.Keys.Count);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void With_a_3NF_target_it_is_a_note()
    {
        var f = RuleAssert.One(Advisor().Analyze(new AnalysisOptions { Target = NormalForm.Third }), NonKeyDeterminantRule.Id);
        Assert.Equal(Severity.Note, f.Severity);
    }

    [Fact]
    public void Determinants_that_are_keys_no_error()
    {
        var analysis = new TableBuilder("dbo.Employee", "Ssn", "Email", "Name")
            .PrimaryKey("Ssn").Declare("Email -> Ssn").Declare("Ssn -> Email, Name").Analyze();
        Assert.Empty(analysis.Findings);
        Assert.Equal([AttributeSet.Single(0), AttributeSet.Single(1)], analysis.CandidateKeys);
    }
}
