using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Analysis.Sources;

public class KeyDependenciesTests
{
    [Fact]
    public void Primary_key_unique_constraint_and_unique_index_each_give_a_key()
    {
        var b = new TableBuilder("dbo.Employee", "Id", "Ssn", "Email", "Name")
            .PrimaryKey("Id").Unique("Ssn").UniqueIndex(null, "Email");
        var analysis = b.Analyze();
        var keys = analysis.Dependencies.Where(d => d.Source == DependencySource.Key).ToList();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, d => Assert.Equal(AttributeSet.Range(4), d.Fd!.Value.Rhs));
        Assert.Equal([b.Table.PrimaryKey!.Location, b.Table.UniqueConstraints[0].Location, b.Table.UniqueIndexes[0].Location], keys.Select(k => k.Location));
        Assert.Equal([AttributeSet.Single(0), AttributeSet.Single(1), AttributeSet.Single(2)], analysis.CandidateKeys);
        Assert.Equal(NormalForm.Fifth, analysis.NormalForm);
    }

    [Fact]
    public void Nullable_unique_columns_are_a_key()
    {
        // SQL Server compares NULLs as equal in a UNIQUE constraint: at most one row holds NULL.
        var b = new TableBuilder("dbo.T", "Id").Column("Email", nullable: true).Column("Name").PrimaryKey("Id").Unique("Email");
        Assert.Contains(AttributeSet.Single(1), b.Analyze().CandidateKeys);
    }

    [Fact]
    public void Filtered_unique_index_is_not_a_key()
    {
        var analysis = new TableBuilder("dbo.T", "Id", "Email", "Name").PrimaryKey("Id").UniqueIndex("([Email] IS NOT NULL)", "Email").Analyze();
        Assert.Equal([AttributeSet.Single(0)], analysis.CandidateKeys);
        Assert.Single(analysis.Dependencies);
    }

    [Fact]
    public void The_same_key_declared_twice_is_one_dependency()
    {
        var analysis = new TableBuilder("dbo.T", "Id", "X").PrimaryKey("Id").UniqueIndex(null, "Id").Analyze();
        Assert.Single(analysis.Dependencies);
    }

    [Fact]
    public void Key_naming_an_unknown_column_is_a_warning_and_ignored()
    {
        var b = new TableBuilder("dbo.T", "Id", "X");
        b.Table.PrimaryKey = new KeyConstraint("PK_T", true, ["Idd"], b.Next());
        var diagnostics = new DiagnosticBag();
        var analysis = b.Analyze(diagnostics: diagnostics);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(b.Table.PrimaryKey.Location, d.Location);
        Assert.Empty(analysis.Dependencies);
    }
}
