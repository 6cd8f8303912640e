using System.Text.Json;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.WideTables;

/// <summary>
/// Real databases joined into one wide table (every column of every table reached along the foreign keys)
/// come back, through analyze, as tables keyed by their identifiers: not by phone numbers, last names or
/// cities. Three settings: the key declared, DDL without a key, the CSV alone.
/// </summary>
public class WideTableRecoveryTests
{
    public enum Setting { DeclaredKey, NoKey, CsvOnly }

    private static (WideTable Wide, List<(HashSet<string> Columns, HashSet<string> Key)> Proposed) Analyze(string script, string table, Setting setting)
    {
        var model = Ingestor.Ingest([Path.Combine(TestPaths.RealSchemas, script)], new IngestOptions()).Model;
        var wide = WideTableJoin.Build(model, table);
        using var dir = new CliRunner.Scratch();
        var (ddl, csv) = wide.Script(setting == Setting.DeclaredKey);
        if (setting != Setting.CsvOnly) dir.Write("schema.sql", ddl);
        dir.Write(wide.Name + ".csv", csv);
        var r = CliRunner.RunIn(dir.Root, "analyze", dir.Root, "--format", "json", "--fail-on", "none", "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var t = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables")[0];
        static HashSet<string> Set(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var proposed = t.GetProperty("decomposition").GetProperty("tables").EnumerateArray()
            .Select(x => (Set(x.GetProperty("columns")), Set(x.GetProperty("key")))).ToList();
        return (wide, proposed);
    }

    private static int Exact(WideTable wide, List<(HashSet<string> Columns, HashSet<string> Key)> proposed) =>
        wide.Originals.Count(o => proposed.Any(p => p.Columns.SetEquals(o.Columns) && p.Key.SetEquals(o.Key)));

    /// <summary>The key of the proposed table that holds the column and is keyed by a set containing the given column, or "none".</summary>
    private static string KeyOfTableHolding(List<(HashSet<string> Columns, HashSet<string> Key)> proposed, string column, string key) =>
        proposed.Where(p => p.Columns.Contains(column) && p.Key.Contains(key)).Select(p => string.Join(", ", p.Key.Order(StringComparer.Ordinal))).FirstOrDefault() ?? "none";

    [Theory]
    [InlineData(Setting.DeclaredKey)]
    [InlineData(Setting.NoKey)]
    [InlineData(Setting.CsvOnly)]
    public void Northwind_order_lines_come_back_keyed_by_their_identifiers(Setting setting)
    {
        var (wide, proposed) = Analyze(Path.Combine("northwind", "instnwnd.sql"), "Order Details", setting);
        Assert.Equal(65, wide.Columns.Count);
        Assert.Equal(2155, wide.Rows.Count);
        // Customers by CustomerID (not Phone), employees by EmployeeID (not LastName), shippers by ShipVia
        // (not their phone), suppliers by SupplierID (not SupplierCity).
        Assert.Equal("CustomerID", KeyOfTableHolding(proposed, "Phone", "CustomerID"));
        Assert.Equal("EmployeeID", KeyOfTableHolding(proposed, "LastName", "EmployeeID"));
        Assert.Equal("ShipVia", KeyOfTableHolding(proposed, "ShipperPhone", "ShipVia"));
        Assert.Equal("SupplierID", KeyOfTableHolding(proposed, "SupplierCity", "SupplierID"));
        Assert.DoesNotContain(proposed, p => p.Key.SetEquals(["ShipCity"]) || p.Key.SetEquals(["ShipCountry"]) || p.Key.SetEquals(["City"]));
        // The Ship* columns follow CustomerID in every one of these rows, but ShipVia is the order's alone:
        // the family stays with the order.
        Assert.Equal("OrderID", KeyOfTableHolding(proposed, "ShipCity", "OrderID"));
        // All eight original tables exactly.
        Assert.Equal(8, Exact(wide, proposed));
    }

    [Theory]
    [InlineData(Setting.DeclaredKey)]
    [InlineData(Setting.NoKey)]
    [InlineData(Setting.CsvOnly)]
    public void Pubs_title_authors_are_keyed_by_their_ids(Setting setting)
    {
        var (_, proposed) = Analyze("pubs", "titleauthor", setting);
        Assert.Equal("au_id", KeyOfTableHolding(proposed, "au_lname", "au_id"));
        Assert.Equal("pub_id", KeyOfTableHolding(proposed, "pub_name", "pub_id"));
        Assert.Equal("title_id", KeyOfTableHolding(proposed, "title", "title_id"));
        Assert.Contains(proposed, p => p.Key.SetEquals(["au_id", "title_id"]));
    }
}
