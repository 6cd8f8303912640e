using System.Text.Json;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>analyze with sample rows: dependencies found in the data drive findings only when plausible.</summary>
public class DataDrivenAnalyzeTests
{
    private static readonly string Northwind = Path.Combine(TestPaths.RealSchemas, "northwind", "instnwnd.sql");

    private static JsonElement Table(string json, string name) =>
        JsonDocument.Parse(json).RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Fact]
    public void Northwind_orders_repeat_the_customers_address()
    {
        var r = CliRunner.Run("analyze", Northwind, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var orders = Table(r.Stdout, "Orders");
        Assert.Contains(orders.GetProperty("dependencies").EnumerateArray(), d =>
            d.GetProperty("source").GetString() == "data" &&
            d.GetProperty("lhs").EnumerateArray().Select(x => x.GetString()).SequenceEqual(["CustomerID"]) &&
            d.GetProperty("rhs").EnumerateArray().Any(x => x.GetString() == "ShipCity"));
        var finding = Assert.Single(orders.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("dependency").GetProperty("lhs").EnumerateArray().Select(x => x.GetString()).SequenceEqual(["CustomerID"]));
        Assert.Equal("SN3001", finding.GetProperty("ruleId").GetString());
        Assert.NotEmpty(finding.GetProperty("witnesses").EnumerateArray());

        // Order Details is keyed by (OrderID, ProductID) and nothing in its rows says otherwise.
        Assert.Empty(Table(r.Stdout, "Order Details").GetProperty("findings").EnumerateArray());

        var discovery = orders.GetProperty("discovery");
        Assert.True(discovery.GetProperty("candidateCount").GetInt32() > 0);
        Assert.All(discovery.GetProperty("candidates").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString())));
    }

    // The real schemas are well designed: their declared keys alone give no 2NF, 3NF or BCNF claim.
    [Theory]
    [InlineData("northwind")]
    [InlineData("pubs")]
    [InlineData("adventureworks")]
    [InlineData("adventureworkslt")]
    public void Declared_keys_alone_make_no_false_claims_on_the_real_schemas(string folder)
    {
        var r = CliRunner.Run("analyze", Path.Combine(TestPaths.RealSchemas, folder), "--format", "json", "--no-discovery", "--fail-on", "none", "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (var t in JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables").EnumerateArray())
            foreach (var f in t.GetProperty("findings").EnumerateArray())
                if (f.GetProperty("ruleId").GetString() is "SN2001" or "SN3001" or "SN3501")
                    Assert.Equal("note", f.GetProperty("severity").GetString()); // a suspicion from the schema's shape, never a claim
    }

    [Fact]
    public void No_discovery_leaves_only_keys_and_declarations()
    {
        var r = CliRunner.Run("analyze", Northwind, "--format", "json", "--no-discovery");
        Assert.Equal(0, r.ExitCode);
        foreach (var t in JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables").EnumerateArray())
        {
            Assert.DoesNotContain(t.GetProperty("dependencies").EnumerateArray(), d => d.GetProperty("source").GetString() == "data");
            Assert.DoesNotContain(t.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() != "note");
        }
    }

    [Fact]
    public void A_rejected_dependency_does_not_come_back_from_the_data()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schemanorm.json", """
            { "dependencies": [ { "table": "dbo.Customers", "fd": "City -> Region, Country", "decision": "reject", "reason": "cities repeat across countries" } ] }
            """);
        var r = CliRunner.RunIn(dir.Root, "analyze", Northwind, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var customers = Table(r.Stdout, "Customers");
        Assert.DoesNotContain(customers.GetProperty("dependencies").EnumerateArray(), d =>
            d.GetProperty("source").GetString() == "data" && d.GetProperty("lhs").EnumerateArray().Select(x => x.GetString()).SequenceEqual(["City"]));
        Assert.Contains(customers.GetProperty("discovery").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("rejects"));
    }
}
