using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Analysis.Rules;

/// <summary>Free text with commas (addresses, titles, descriptions) is not a list: SN1003 needs list evidence.</summary>
public class MultiValuedColumnRealTextTests
{
    [Theory]
    [InlineData("northwind")]
    [InlineData("pubs")]
    [InlineData("adventureworkslt")]
    [InlineData("adventureworks")]
    public void The_real_databases_text_columns_with_commas_are_not_lists(string folder)
    {
        var ingested = Ingestor.Ingest([Path.Combine(TestPaths.RealSchemas, folder)], new IngestOptions());
        Assert.False(ingested.HasErrors, string.Join("\n", ingested.Diagnostics.Take(3)));
        int textColumnsWithCommas = 0;
        foreach (var table in ingested.Model.Tables.Where(t => t.Data is not null))
        {
            for (int c = 0; c < table.Columns.Count; c++)
                if (table.Columns[c].Type.IsCharacter && c < table.Data!.ColumnCount
                    && table.Data.Columns[c].Values.Skip(1).Count(v => v is not null && v.Contains(',')) >= 2)
                    textColumnsWithCommas++;
            var analysis = SchemaAnalyzer.AnalyzeTable(ingested.Model, table, AnalysisOptions.Default, new DiagnosticBag());
            Assert.DoesNotContain(analysis.Findings, f => f.RuleId == MultiValuedColumnRule.Id);
        }
        Assert.True(textColumnsWithCommas > 0, "the database has text columns whose values hold commas");
    }

    [Fact]
    public void Generated_street_addresses_cut_at_commas_are_not_lists()
    {
        // As TPC-H's generator writes c_address: random letters, digits and spaces, with commas here and there.
        var rng = new Random(5);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,";
        var values = Enumerable.Range(0, 300)
            .Select(_ => new string(Enumerable.Range(0, rng.Next(10, 30)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()).Trim(' ', ','))
            .ToArray();
        Assert.True(values.Count(v => v.Contains(',')) > 50);
        var b = new TableBuilder("dbo.Customer", "Id").PrimaryKey("Id").Column("Address", new SqlType("varchar", 40));
        var analysis = b.Rows(values.Select((v, i) => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), v }).ToArray()).Analyze();
        RuleAssert.None(analysis, MultiValuedColumnRule.Id);
    }

    [Fact]
    public void Tags_from_a_shared_vocabulary_are_still_lists()
    {
        var analysis = new TableBuilder("dbo.Article", "Id").PrimaryKey("Id").Column("Tags", new SqlType("nvarchar", 400))
            .Rows(["1", "sql, normalization, keys"], ["2", "normalization, design"], ["3", "sql, performance, indexes"],
                  ["4", "theory, normalization"], ["5", "sql, migration"], ["6", "sql, performance"], ["7", "design"])
            .Analyze();
        RuleAssert.One(analysis, MultiValuedColumnRule.Id);
    }
}
