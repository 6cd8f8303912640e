using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Migration folders run in version order, not in string order.</summary>
public class ScriptOrderTests
{
    private static List<string> Order(params string[] names)
    {
        var root = Path.Combine(Path.GetTempPath(), "order");
        var diagnostics = new DiagnosticBag();
        return names.Select(n => Path.Combine(root, n)).InRunOrder(root, diagnostics).Select(f => Path.GetRelativePath(root, f)).ToList();
    }

    [Fact]
    public void Flyway_versions_compare_number_by_number_and_repeatables_come_last()
    {
        Assert.Equal(["V1__init.sql", "V1.2__b.sql", "V1.10__c.sql", "V2__add.sql", "V10__more.sql", "R__a_view.sql", "R__b_view.sql"],
            Order("V10__more.sql", "R__b_view.sql", "V2__add.sql", "V1.10__c.sql", "R__a_view.sql", "V1__init.sql", "V1.2__b.sql"));
        Assert.Equal(["V1_1__x.sql", "V1_2__y.sql"], Order("V1_2__y.sql", "V1_1__x.sql"));
    }

    [Fact]
    public void Numbered_prefixes_and_other_names_sort_naturally()
    {
        Assert.Equal(["001_init.sql", "2-add.sql", "10-more.sql", "data/file2.sql", "data/file10.sql"],
            Order("10-more.sql", "data/file10.sql", "001_init.sql", "data/file2.sql", "2-add.sql"));
    }

    [Fact]
    public void Undo_migrations_are_left_out_with_a_note()
    {
        using var folder = new ScriptFolder();
        folder.Write("V1__create.sql", "CREATE TABLE dbo.T (a int PRIMARY KEY);");
        folder.Write("U1__create.sql", "DROP TABLE dbo.T;");
        folder.Write("V2__add.sql", "ALTER TABLE dbo.T ADD b int;");
        folder.Write("V10__add.sql", "ALTER TABLE dbo.T ADD c int;");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        Assert.Equal(["a", "b", "c"], result.Table("dbo.T").ColumnNames);
        var note = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info);
        Assert.EndsWith("U1__create.sql", note.Location!.File);
    }
}
