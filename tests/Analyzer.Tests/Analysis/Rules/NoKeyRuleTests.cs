using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

public class NoKeyRuleTests
{
    [Fact]
    public void Heap_without_any_key_one_error()
    {
        var analysis = new TableBuilder("dbo.Log", "At", "Message").Analyze();
        var f = RuleAssert.One(analysis, NoKeyRule.Id);
        RuleAssert.Only(analysis, NoKeyRule.Id);
        Assert.Equal(NormalForm.UNF, analysis.NormalForm);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(NormalForm.First, f.Violates);
        Assert.Equal(1, f.Location.Line); // the table
        Assert.Empty(f.Witnesses);
    }

    [Fact]
    public void Duplicate_sample_rows_are_named_and_make_it_an_error()
    {
        var analysis = new TableBuilder("dbo.Log", "At", "Message")
            .Rows(["1", "start"], ["2", "stop"], ["1", "start"], ["1", "start"])
            .Analyze();
        var f = RuleAssert.One(analysis, NoKeyRule.Id);
        Assert.Equal(Severity.Error, f.Severity);
        var w = Assert.Single(f.Witnesses);
        Assert.StartsWith("rows 1, 3, 4 are identical", w);
        Assert.Contains("Message 'start'", w);
    }

    [Fact]
    public void Any_declared_key_no_error()
    {
        RuleAssert.None(new TableBuilder("dbo.A", "Id", "X").PrimaryKey("Id").Analyze(), NoKeyRule.Id);
        RuleAssert.None(new TableBuilder("dbo.B", "Id", "X").Unique("X").Analyze(), NoKeyRule.Id);
        RuleAssert.None(new TableBuilder("dbo.C", "Id", "X").UniqueIndex(null, "Id").Analyze(), NoKeyRule.Id);
    }

    [Fact]
    public void A_filtered_unique_index_is_not_a_key()
    {
        var analysis = new TableBuilder("dbo.A", "Id", "Email").UniqueIndex("([Email] IS NOT NULL)", "Email").Analyze();
        RuleAssert.One(analysis, NoKeyRule.Id);
    }

    [Fact]
    public void Data_only_table_is_reported_only_for_duplicate_rows()
    {
        var clean = new Table(new QualifiedName(null, "iris"), new SourceLocation("iris.csv", 1, 1)) { FromDataOnly = true };
        clean.Columns.Add(new Column("a", new SqlType("nvarchar", -1), clean.Location));
        clean.Columns.Add(new Column("b", new SqlType("nvarchar", -1), clean.Location));
        var b = new SchemaNorm.Analyzer.Data.TableDataBuilder(["a", "b"]);
        b.AddRow("1", "x");
        b.AddRow("2", "x");
        clean.Data = b.Build();
        RuleAssert.None(TableBuilder.Analyze(clean), NoKeyRule.Id);

        b.AddRow("1", "x");
        clean.Data = b.Build();
        var f = RuleAssert.One(TableBuilder.Analyze(clean), NoKeyRule.Id);
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void The_fix_suggests_a_key_the_declared_dependencies_give()
    {
        var f = RuleAssert.One(new TableBuilder("dbo.T", "Code", "Name").Declare("Code -> Name").Analyze(), NoKeyRule.Id);
        Assert.Contains("PRIMARY KEY Code", f.Fix);
    }
}
