using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>SQL Server database projects (.sqlproj) read as the project says.</summary>
public class SqlProjectTests
{
    private static string Ssdt(params string[] parts) => Path.Combine([TestPaths.RealSchemas, "ssdt", .. parts]);

    private static IngestResult Ingest(params string[] paths) => Ingestor.Ingest(paths, new IngestOptions());

    [Fact]
    public void WideWorldImportersDW_folder_reads_its_project_with_every_table_and_key()
    {
        var result = Ingest(Ssdt("WideWorldImportersDW"));
        result.NoErrors();
        Assert.Equal(30, result.Model.Tables.Count);
        // Every table declares its primary key but dbo.SampleVersion, a one-row version marker.
        Assert.All(result.Model.Tables.Where(t => t.Name.ToString() != "dbo.SampleVersion"), t => Assert.NotNull(t.PrimaryKey));
        Assert.Equal(["City Key"], result.Table("Dimension.City").PrimaryKey!.Columns);
        Assert.Equal(["Sale Key", "Invoice Date Key"], result.Table("Fact.Sale").PrimaryKey!.Columns);
    }

    [Fact]
    public void Classic_projects_given_as_project_files()
    {
        var grid = Ingest(Ssdt("IotSmartGrid", "Db.sqlproj"));
        grid.NoErrors();
        Assert.Equal(["dbo.MeterMeasurement", "dbo.MeterMeasurementHistory"], grid.Model.Tables.Select(t => t.Name.ToString()).Order());

        var tickets = Ingest(Ssdt("TicketReservations", "TicketReservations.sqlproj"));
        tickets.NoErrors();
        Assert.Equal(["TicketReservationDetailID"], Assert.Single(tickets.Model.Tables).PrimaryKey!.Columns);
    }

    [Fact]
    public void Sdk_style_project_builds_every_sql_file_but_its_deployment_scripts()
    {
        var result = Ingest(Ssdt("SdkStyleDatabaseProject"));
        result.NoErrors();
        var table = Assert.Single(result.Model.Tables); // Table2 is created by the pre-deployment script only
        Assert.Equal("dbo.Table1", table.Name.ToString());
        Assert.Equal(["c1"], table.PrimaryKey!.Columns);
        Assert.Equal(new string?[] { "1", "3" }, table.Column("c1"));
    }

    [Fact]
    public void Classic_project_items_variables_and_includes()
    {
        using var folder = new ScriptFolder();
        var project = folder.Write("Db.sqlproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003" ToolsVersion="4.0">
              <PropertyGroup><Name>Shop</Name></PropertyGroup>
              <ItemGroup>
                <Build Include="Tables\Country.sql" />
                <Build Include="Storage\Files.sql" />
                <None Include="Scratch\Old.sql" />
                <PostDeploy Include="Scripts\PostDeploy.sql" />
              </ItemGroup>
              <ItemGroup>
                <SqlCmdVariable Include="Region"><DefaultValue>EU</DefaultValue><Value>$(SqlCmdVar__1)</Value></SqlCmdVariable>
              </ItemGroup>
            </Project>
            """);
        folder.Write("Tables/Country.sql", "CREATE TABLE dbo.Country (Id int PRIMARY KEY, Name nvarchar(20), Region char(2));");
        folder.Write("Storage/Files.sql", "ALTER DATABASE [$(DatabaseName)] ADD FILEGROUP [$(DefaultFilePrefix)_Data];");
        folder.Write("Scratch/Old.sql", "CREATE TABLE dbo.Old (a int);");
        folder.Write("Scripts/PostDeploy.sql", ":r .\\Data\\Countries.sql\n");
        folder.Write("Scripts/Data/Countries.sql", "INSERT INTO dbo.Country VALUES (1, N'Sweden', '$(Region)'), (2, N'Norway', '$(Region)');");
        folder.Write("NotInProject.sql", "CREATE TABLE dbo.Stray (a int);");

        foreach (var input in new[] { project, folder.Path })
        {
            var result = Ingest(input);
            result.NoErrors();
            var country = Assert.Single(result.Model.Tables);
            Assert.Equal(new string?[] { "EU", "EU" }, country.Column("Region")); // read once, through the include
        }
        var overridden = Ingestor.Ingest([project], new IngestOptions { Variables = new Dictionary<string, string> { ["Region"] = "NO" } });
        Assert.Equal(new string?[] { "NO", "NO" }, overridden.Table("dbo.Country").Column("Region"));
    }

    [Fact]
    public void Sdk_style_project_removes_items_and_globs()
    {
        using var folder = new ScriptFolder();
        var project = folder.Write("App.sqlproj", """
            <Project Sdk="Microsoft.Build.Sql/0.2.0-preview">
              <ItemGroup>
                <Build Remove="Scratch/**" />
                <None Include="Legacy\*.sql" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("dbo/Tables/A.sql", "CREATE TABLE dbo.A (Id int PRIMARY KEY);");
        folder.Write("Scratch/B.sql", "CREATE TABLE dbo.B (Id int);");
        folder.Write("Legacy/C.sql", "CREATE TABLE dbo.C (Id int);");
        folder.Write("bin/Debug/App.sql", "CREATE TABLE dbo.A (Id int);");
        var result = Ingest(project);
        result.NoErrors();
        Assert.Equal("dbo.A", Assert.Single(result.Model.Tables).Name.ToString());
    }

    [Fact]
    public void Deployment_script_ddl_is_not_the_schema_and_says_so()
    {
        using var folder = new ScriptFolder();
        folder.Write("P.sqlproj", """<Project Sdk="Microsoft.Build.Sql"><ItemGroup><PreDeploy Include="Pre.sql" /></ItemGroup></Project>""");
        folder.Write("T.sql", "CREATE TABLE dbo.T (Id int PRIMARY KEY);");
        folder.Write("Pre.sql", "CREATE TABLE dbo.Scratch (a int);\nINSERT INTO dbo.T VALUES (7);");
        var result = Ingest(folder.Path);
        result.NoErrors();
        Assert.Equal(new string?[] { "7" }, Assert.Single(result.Model.Tables).Column("Id"));
        var note = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("deployment script"));
        Assert.Equal(1, note.Location!.Line);
    }

    [Fact]
    public void Project_file_that_is_not_xml_is_a_located_error()
    {
        using var folder = new ScriptFolder();
        var project = folder.Write("Bad.sqlproj", "<Project>\n  <ItemGroup>\n</Project>");
        var error = Ingest(project).SingleError();
        Assert.Equal(project, error.Location!.File);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Missing_build_item_is_a_located_warning()
    {
        using var folder = new ScriptFolder();
        var project = folder.Write("Db.sqlproj", "<Project>\n  <ItemGroup>\n    <Build Include=\"Gone.sql\" />\n  </ItemGroup>\n</Project>");
        var result = Ingest(project);
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(3, warning.Location!.Line);
    }

    [Fact]
    public void Folder_file_included_by_another_script_is_read_once()
    {
        using var folder = new ScriptFolder();
        folder.Write("1-schema.sql", "CREATE TABLE dbo.T (Id int PRIMARY KEY);");
        folder.Write("2-data.sql", ":r data/rows.sql\n");
        folder.Write("data/rows.sql", "INSERT INTO dbo.T VALUES (1), (2);");
        var result = Ingest(folder.Path);
        result.NoErrors();
        Assert.Equal(2, result.Table("dbo.T").Data!.RowCount);
    }
}
