using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>The shipped repository samples: an SSDT project and a Flyway migration folder with guards.</summary>
public class RepositorySampleTests
{
    private static string Sample(params string[] parts) => Path.Combine([TestPaths.SampleSchemas, .. parts]);

    [Fact]
    public void Ssdt_project_reads_its_post_deployment_rows_once_with_the_sqlcmd_default()
    {
        var result = Ingestor.Ingest([Sample("ssdt-project", "Retail.sqlproj")], new IngestOptions());
        result.NoErrors();
        Assert.Equal(["retail.Region", "retail.Store"], result.Model.Tables.Select(t => t.Name.ToString()).Order());
        Assert.Equal(3, result.Table("retail.Region").Data!.RowCount);
        var store = result.Table("retail.Store");
        Assert.Equal(new string?[] { "NW", "SE", "CE" }, store.Column("RegionCode"));
        Assert.Equal("retail.Region", Assert.Single(store.ForeignKeys).ReferencedTable.ToString());
    }

    [Fact]
    public void Flyway_folder_runs_in_version_order_through_its_guards()
    {
        var result = Ingestor.Ingest([Sample("flyway-migrations")], new IngestOptions());
        result.NoErrors();
        var customer = result.Table("shop.Customer");
        Assert.Equal(["CustomerID", "FullName", "Email"], customer.ColumnNames);
        Assert.Equal("UX_Customer_Email", Assert.Single(customer.UniqueIndexes).Name);
        Assert.Equal(3, customer.Data!.RowCount);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Location!.File.EndsWith("U2__add_email.sql"));
    }
}
