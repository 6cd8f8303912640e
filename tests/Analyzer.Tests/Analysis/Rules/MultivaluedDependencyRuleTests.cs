using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class MultivaluedDependencyRuleTests
{
    [Fact]
    public void Independent_lists_in_one_table_one_error()
    {
        var analysis = new TableBuilder("dbo.CourseTeacherText", "Course", "Teacher", "Text")
            .PrimaryKey("Course", "Teacher", "Text")
            .Declare("Course ->> Teacher")
            .Rows(["Physics", "Green", "Mechanics"], ["Physics", "Green", "Optics"], ["Physics", "Brown", "Mechanics"], ["Physics", "Brown", "Optics"])
            .Analyze(new AnalysisOptions { Target = NormalForm.Fifth });
        var f = RuleAssert.One(analysis, MultivaluedDependencyRule.Id);
        RuleAssert.Only(analysis, MultivaluedDependencyRule.Id);
        Assert.Equal(NormalForm.BCNF, analysis.NormalForm);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("split the table into (Course, Teacher) and (Course, Text)", f.Fix);
        Assert.Equal("Course 'Physics' has 2 Teacher values and 2 Text values, stored as 4 rows", Assert.Single(f.Witnesses));
    }

    [Fact]
    public void Beyond_the_default_BCNF_target_it_is_a_note()
    {
        var f = RuleAssert.One(
            new TableBuilder("dbo.CTX", "Course", "Teacher", "Text").PrimaryKey("Course", "Teacher", "Text").Declare("Course ->> Teacher").Analyze(),
            MultivaluedDependencyRule.Id);
        Assert.Equal(Severity.Note, f.Severity);
    }

    [Fact]
    public void A_binary_join_dependency_is_an_MVD()
    {
        var analysis = new TableBuilder("dbo.CTX", "Course", "Teacher", "Text").PrimaryKey("Course", "Teacher", "Text")
            .Declare("(Course, Teacher), (Course, Text)").Analyze();
        var f = RuleAssert.One(analysis, MultivaluedDependencyRule.Id);
        Assert.Equal(DependencyKind.Jd, f.Dependency!.Kind);
        RuleAssert.None(analysis, JoinDependencyRule.Id);
    }

    [Fact]
    public void MVD_with_a_key_on_the_left_no_error()
    {
        var analysis = new TableBuilder("dbo.T", "A", "B", "C").PrimaryKey("A").Declare("A ->> B").Analyze();
        Assert.Empty(analysis.Findings);
        Assert.Equal(NormalForm.Fifth, analysis.NormalForm);
    }
}
