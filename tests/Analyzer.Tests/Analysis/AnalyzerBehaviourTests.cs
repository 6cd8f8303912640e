using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Analysis;

public class AnalyzerBehaviourTests
{
    private static TableBuilder Messy() =>
        new TableBuilder("dbo.OrderLine", "OrderID", "ProductID", "ProductName", "Phone1", "Phone2", "Phone3", "CustomerID", "CustomerName")
            .PrimaryKey("OrderID", "ProductID")
            .Declare("ProductID -> ProductName")
            .Declare("OrderID -> CustomerID")
            .Declare("CustomerID -> CustomerName");

    [Fact]
    public void Findings_come_most_important_first()
    {
        var findings = Messy().Analyze().Findings;
        Assert.Equal([RepeatingGroupRule.Id, PartialDependencyRule.Id, PartialDependencyRule.Id, TransitiveDependencyRule.Id],
            findings.Select(f => f.RuleId));
        for (int i = 1; i < findings.Count; i++)
            Assert.True(findings[i - 1].Severity > findings[i].Severity
                        || (findings[i - 1].Severity == findings[i].Severity && findings[i - 1].Violates <= findings[i].Violates));
    }

    [Fact]
    public void Suppressed_findings_are_set_aside_and_do_not_lower_the_normal_form()
    {
        var options = new AnalysisOptions
        {
            Suppressions =
            [
                new Suppression(RepeatingGroupRule.Id) { Table = QualifiedName.Parse("dbo.OrderLine") },
                new Suppression("sn2001") { Column = "ProductName" },
                new Suppression(TransitiveDependencyRule.Id) { Table = QualifiedName.Parse("dbo.Other") },
            ],
        };
        var analysis = Messy().Analyze(options);
        Assert.Equal([RepeatingGroupRule.Id, PartialDependencyRule.Id], analysis.Suppressed.Select(f => f.RuleId));
        Assert.Equal([PartialDependencyRule.Id, TransitiveDependencyRule.Id], analysis.Findings.Select(f => f.RuleId));
        Assert.Equal(NormalForm.First, analysis.NormalForm);
    }

    [Fact]
    public void Findings_beyond_the_target_are_notes()
    {
        var b = new TableBuilder("dbo.CTX", "Course", "Teacher", "Text").PrimaryKey("Course", "Teacher", "Text").Declare("Course ->> Teacher");
        Assert.Equal(Severity.Note, Assert.Single(b.Analyze().Findings).Severity);
        Assert.Equal(Severity.Warning, Assert.Single(b.Analyze(new AnalysisOptions { Target = NormalForm.Fourth }).Findings).Severity);
    }

    [Fact]
    public void Every_rule_has_a_stable_id_a_descriptor_and_a_help_page()
    {
        // Every rule class of the library runs, and its id constant is the one its descriptor carries.
        var ruleTypes = typeof(ITableRule).Assembly.GetTypes().Where(t => !t.IsInterface && typeof(ITableRule).IsAssignableFrom(t));
        Assert.Equal(ruleTypes.Select(t => t.Name).Order(), AnalysisRules.All.Select(r => r.GetType().Name).Order());
        foreach (var rule in AnalysisRules.All)
            Assert.Equal(rule.GetType().GetField("Id")?.GetRawConstantValue(), rule.Descriptor.Id);
        var ids = AnalysisRules.Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var d in AnalysisRules.Descriptors)
        {
            Assert.Matches("^SN[1-5][0-9]{3}$", d.Id);
            Assert.Equal(d.Id[2] switch { '1' => NormalForm.First, '2' => NormalForm.Second, '3' when d.Id[3] == '5' => NormalForm.BCNF, '3' => NormalForm.Third, '4' => NormalForm.Fourth, _ => NormalForm.Fifth }, d.NormalForm);
            var page = Path.Combine(TestPaths.RepoRoot, d.HelpPath);
            Assert.True(File.Exists(page), $"missing {d.HelpPath}");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {d.Id}: {d.Title}", text);
            foreach (var section in new[] { "## What it means", "## Why it matters", "## Example", "## How to fix", "## How to suppress" })
                Assert.Contains(section, text);
        }
        // Rules run weakest normal form first, so that later rules can see what earlier ones reported.
        Assert.Equal(AnalysisRules.Descriptors.OrderBy(d => d.NormalForm).Select(d => d.Id), AnalysisRules.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void The_rules_run_in_the_order_of_their_ids_each_once()
    {
        var ids = AnalysisRules.Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(NormalForm.UNF, "UNF")]
    [InlineData(NormalForm.First, "1NF")]
    [InlineData(NormalForm.Second, "2NF")]
    [InlineData(NormalForm.Third, "3NF")]
    [InlineData(NormalForm.BCNF, "BCNF")]
    [InlineData(NormalForm.Fourth, "4NF")]
    [InlineData(NormalForm.Fifth, "5NF")]
    public void Normal_forms_display_and_parse(NormalForm form, string text)
    {
        Assert.Equal(text, form.Display());
        Assert.Equal(form, NormalForms.Parse(text.ToLowerInvariant()));
    }

    [Fact]
    public void Unknown_normal_form_text_does_not_parse()
    {
        Assert.False(NormalForms.TryParse("6NF", out _));
        Assert.Throws<FormatException>(() => NormalForms.Parse("DKNF"));
    }

    [Fact]
    public void A_schema_is_analysed_table_by_table_in_model_order()
    {
        var a = new TableBuilder("dbo.A", "Id", "X").PrimaryKey("Id").Build();
        var b = new TableBuilder("dbo.B", "Id", "X").Build();
        var analysis = SchemaAnalyzer.Analyze(TableBuilder.Model(a, b), AnalysisOptions.Default, new DiagnosticBag());
        Assert.Equal(NormalForm.BCNF, analysis.Target);
        Assert.Equal([a, b], analysis.Tables.Select(t => t.Table));
        Assert.Same(analysis.Tables[1], analysis.Find(QualifiedName.Parse("dbo.B")));
        Assert.Equal([NormalForm.Fifth, NormalForm.UNF], analysis.Tables.Select(t => t.NormalForm));
    }
}
