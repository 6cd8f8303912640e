using System.Text.Json;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>analyze on a .dacpac package: its tables in the report, located at the package; a broken one is exit status 2.</summary>
public class DacpacCliTests
{
    [Fact]
    public void Analyze_reads_a_package_and_locates_its_findings_at_it()
    {
        using var scratch = new CliRunner.Scratch();
        var package = Path.Combine(scratch.Root, "Shop.dacpac");
        using (var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions()))
        {
            model.AddObjects("CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY, Name nvarchar(20) NOT NULL);\nGO\nCREATE TABLE dbo.Note (Body nvarchar(100) NULL);");
            DacPackageExtensions.BuildPackage(package, model, new PackageMetadata { Name = "Shop", Version = "1.0.0.0" });
        }
        var r = CliRunner.Run("analyze", package, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["Note", "Region"], tables.Keys.Order());
        Assert.Equal(["Code"], tables["Region"].GetProperty("primaryKey").EnumerateArray().Select(c => c.GetString()));
        // dbo.Note has no key (SN1001), located at the package (reports name files relative to the current folder).
        var location = tables["Note"].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SN1001").GetProperty("location");
        var file = Path.GetFullPath(location.GetProperty("file").GetString()!, TestPaths.RepoRoot);
        Assert.Equal((package, 1, 1), (file, location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void A_file_that_is_not_a_package_is_exit_status_2_with_its_location()
    {
        using var scratch = new CliRunner.Scratch();
        var broken = scratch.Write("Broken.dacpac", "not a zip");
        var r = CliRunner.Run("analyze", broken);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{broken}:1:1: error: this is not a .dacpac package", r.Stderr);
    }
}
