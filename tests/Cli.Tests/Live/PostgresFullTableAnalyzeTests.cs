using System.Text.Json;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>Two tables that look the same in their first 1,000 rows; one breaks customer_id -> city further on.</summary>
public sealed class SampledOrdersDatabase() : PostgresDatabase("""
    CREATE TABLE clean_orders (order_id int PRIMARY KEY, customer_id varchar(8) NOT NULL, city varchar(30) NOT NULL);
    CREATE TABLE dirty_orders (order_id int PRIMARY KEY, customer_id varchar(8) NOT NULL, city varchar(30) NOT NULL);
    INSERT INTO clean_orders SELECT i, 'C' || (i % 40), 'City' || (i % 40 % 13) FROM generate_series(1, 5000) i;
    INSERT INTO dirty_orders SELECT * FROM clean_orders;
    UPDATE dirty_orders SET city = 'Elsewhere' WHERE order_id = 4999;
    """);

/// <summary>analyze --connection: what the sample suggests is settled on all rows by the server.</summary>
public class PostgresFullTableAnalyzeTests(SampledOrdersDatabase db) : IClassFixture<SampledOrdersDatabase>
{
    private JsonElement Analyze(string table)
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--table", table, "--sample-rows", "1000", "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("tables")[0];
    }

    [PostgresFact]
    public void A_dependency_that_holds_on_all_rows_becomes_a_finding_with_both_figures()
    {
        var t = Analyze("clean_orders");
        var finding = Assert.Single(t.GetProperty("findings").EnumerateArray());
        Assert.Equal("SN3001", finding.GetProperty("ruleId").GetString());
        var check = Assert.Single(t.GetProperty("fullTableChecks").EnumerateArray());
        Assert.True(check.GetProperty("kept").GetBoolean());
        Assert.Equal(1000, check.GetProperty("sample").GetProperty("rows").GetInt32());
        Assert.Equal(5000, check.GetProperty("table").GetProperty("rows").GetInt32());
        Assert.Equal(0, check.GetProperty("table").GetProperty("violatingGroups").GetInt32());
    }

    [PostgresFact]
    public void A_dependency_the_full_table_breaks_is_dropped_and_the_report_says_so()
    {
        var t = Analyze("dirty_orders");
        Assert.Empty(t.GetProperty("findings").EnumerateArray());
        Assert.Equal("5NF", t.GetProperty("normalForm").GetString());
        var check = Assert.Single(t.GetProperty("fullTableChecks").EnumerateArray());
        Assert.False(check.GetProperty("kept").GetBoolean());
        Assert.Equal(1, check.GetProperty("table").GetProperty("violatingGroups").GetInt32());
        Assert.Equal(1, check.GetProperty("table").GetProperty("rowsToDelete").GetInt32());

        var text = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--table", "dirty_orders", "--sample-rows", "1000");
        Assert.Contains("customer_id -> city: sample 1,000 rows, holds; all 5,000 rows: 1 violating group", text.Stdout);
        Assert.Contains("rejected", text.Stdout);
    }
}
