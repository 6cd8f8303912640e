using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>analyze on a database project file, as the README shows it.</summary>
public class RepositoryInputTests
{
    [Fact]
    public void Analyze_reads_an_sqlproj_file()
    {
        var r = CliRunner.Run("analyze", Path.Combine("sample-schemas", "ssdt-project", "Retail.sqlproj"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("schema").GetString() + "." + t.GetProperty("name").GetString());
        Assert.Equal(["retail.Region", "retail.Store"], tables.Keys.Order());
        Assert.Equal(3, tables["retail.Store"].GetProperty("sampleRows").GetInt32());
    }

    [Fact]
    public void Analyze_of_an_ssdt_folder_needs_no_variables()
    {
        var r = CliRunner.Run("analyze", TestPaths.SharedFile("real-schemas", "ssdt", "WideWorldImportersDW"), "--fail-on", "none", "--no-discovery");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("error", r.Stderr);
    }
}
