using System.Text.Json;

namespace SchemaNorm.Cli.Tests.Live;

public sealed class StoreDatabase() : PostgresDatabase("""
    CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2));
    CREATE TABLE order_items (
        order_id int NOT NULL,
        product_id int NOT NULL REFERENCES products (id),
        qty int NOT NULL,
        PRIMARY KEY (order_id, product_id)
    );
    CREATE TABLE log_lines (at date, message text);
    INSERT INTO products SELECT i, 'product ' || i, i * 1.25 FROM generate_series(1, 20) i;
    INSERT INTO order_items SELECT i / 3, 1 + i % 20, 1 + i % 4 FROM generate_series(3, 62) i;
    INSERT INTO log_lines VALUES ('2024-01-01', 'start'), ('2024-01-01', 'start'), ('2024-01-02', 'stop');
    CREATE SCHEMA archive;
    CREATE TABLE archive.old_orders (id int PRIMARY KEY, note text);
    CREATE SCHEMA "x y";
    CREATE TABLE "x y"."Old Notes" (note text);
    """);

/// <summary>The command line against a live PostgreSQL database, as a user runs it.</summary>
public class PostgresAnalyzeTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private string Uri(string table) => $"postgres://{PostgresServer.Host}:{PostgresServer.Port}/{db.Name}/{table}";

    [PostgresFact]
    public void Analyze_reports_live_tables_with_locations_that_name_them()
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "json", "--sample-rows", "5");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(["archive.old_orders", "public.log_lines", "public.order_items", "public.products", "x y.Old Notes"],
            tables.Select(t => $"{t.GetProperty("schema").GetString()}.{t.GetProperty("name").GetString()}"));

        var items = tables.Single(t => t.GetProperty("name").GetString() == "order_items");
        Assert.Equal(["order_id", "product_id", "qty"], items.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["order_id", "product_id"], items.GetProperty("primaryKey").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(5, items.GetProperty("sampleRows").GetInt32());

        var log = tables.Single(t => t.GetProperty("name").GetString() == "log_lines");
        var noKey = log.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SN1001");
        Assert.Equal("error", noKey.GetProperty("severity").GetString()); // the sample holds two identical rows
        var location = noKey.GetProperty("location");
        Assert.Equal(Uri("public.log_lines"), location.GetProperty("file").GetString());
        Assert.Equal(1, location.GetProperty("line").GetInt32());
    }

    [PostgresFact]
    public void The_text_report_names_the_database_objects()
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--table", "log_lines");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{Uri("public.log_lines")}:1:1", r.Stdout);
        Assert.DoesNotContain("products", r.Stdout);
    }

    [PostgresFact]
    public void Schema_and_table_options_choose_what_is_read()
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "json", "--schema", "archive");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var only = Assert.Single(doc.RootElement.GetProperty("tables").EnumerateArray());
        Assert.Equal("old_orders", only.GetProperty("name").GetString());

        var none = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--table", "nothing_like_this*");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("matches --table 'nothing_like_this*'", none.Stderr);
    }

    [PostgresFact]
    public void A_URI_and_an_environment_variable_work_as_connection_strings()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
        var uri = $"postgresql://{b.Username}:{System.Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}";
        var viaUri = CliRunner.Run("analyze", "--connection", uri, "--schema", "archive");
        Assert.Equal(0, viaUri.ExitCode);

        var variable = "SCHEMANORM_TEST_CONNECTION_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, db.ConnectionString);
        try
        {
            var viaEnv = CliRunner.Run("analyze", "--connection", "env:" + variable, "--schema", "archive");
            Assert.Equal(0, viaEnv.ExitCode);
            Assert.Contains("archive.old_orders", viaEnv.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [PostgresFact]
    public void A_terminal_sees_which_table_is_being_read_and_a_log_does_not()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new SchemaNorm.Cli.CliContext(stdout, stderr, interactive: true);
        Assert.Equal(1, CommandLine.Run(["analyze", "--connection", db.ConnectionString], context));
        Assert.Contains("\rreading public.log_lines (2/5)", stderr.ToString());
        Assert.Contains("\rreading public.products (4/5)", stderr.ToString());
        Assert.EndsWith("\r", stderr.ToString()); // the line is wiped before the report

        var log = CliRunner.Run("analyze", "--connection", db.ConnectionString);
        Assert.Equal("", log.Stderr);
    }

    [PostgresFact]
    public void SARIF_locates_findings_by_the_URI_of_their_table()
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "sarif");
        Assert.Equal(1, r.ExitCode);
        Assert.Empty(SarifSchema.Errors(r.Stdout));
        using var doc = JsonDocument.Parse(r.Stdout);
        var locations = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(x => x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .ToList();
        Assert.Contains(locations, l => l.GetProperty("uri").GetString() == Uri("public.log_lines") && !l.TryGetProperty("uriBaseId", out _));
        Assert.Contains(locations, l => l.GetProperty("uri").GetString() == Uri("x%20y.Old%20Notes"));
    }

    [PostgresFact]
    public void Discover_reads_one_table_of_a_live_database()
    {
        var r = CliRunner.Run("discover", "--connection", db.ConnectionString, "--table", "order_items", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var table = Assert.Single(doc.RootElement.GetProperty("tables").EnumerateArray());
        Assert.Equal("order_items", table.GetProperty("name").GetString());
        Assert.Equal(60, table.GetProperty("rows").GetInt32());
    }

    [PostgresFact]
    public void Schema_only_reads_no_rows()
    {
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "json", "--sample-rows", "0");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.All(doc.RootElement.GetProperty("tables").EnumerateArray(), t => Assert.Equal(0, t.GetProperty("sampleRows").GetInt32()));
        var log = doc.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "log_lines");
        Assert.Equal("warning", log.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SN1001").GetProperty("severity").GetString());
    }
}

/// <summary>Option mistakes around --connection: caught before any database is touched.</summary>
public class LiveOptionTests
{
    private static string OneLine(CliRunner.Result r)
    {
        Assert.Equal(2, r.ExitCode);
        return Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Files_and_a_connection_do_not_mix() =>
        Assert.Contains("either files and folders or --connection", OneLine(CliRunner.Run("analyze", "schema.sql", "--connection", "Host=h")));

    [Theory]
    [InlineData("--sample-rows", "10")]
    [InlineData("--query-timeout", "5")]
    [InlineData("--provider", "postgres")]
    [InlineData("--schema", "dbo")]
    [InlineData("--table", "Orders")]
    public void Live_options_need_a_connection(string option, string value) =>
        Assert.Contains("--connection", OneLine(CliRunner.Run("analyze", "sample-schemas/1-partial-dependency/schema.sql", option, value)));

    [Fact]
    public void A_connection_string_that_names_no_provider_asks_for_one() =>
        Assert.Contains("--provider", OneLine(CliRunner.Run("analyze", "--connection", "Database=shop;User Id=me;Password=pw")));

    [Fact]
    public void The_provider_option_overrides_the_connection_string()
    {
        var line = OneLine(CliRunner.Run("analyze", "--connection", "Host=localhost;Password=pw", "--provider", "sqlserver"));
        Assert.Contains("SQL Server connection string is not valid", line);
        Assert.DoesNotContain("pw", line.Replace("Password", "", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("--sample-rows", "-1")]
    [InlineData("--query-timeout", "soon")]
    [InlineData("--provider", "oracle")]
    public void Bad_values_are_usage_errors(string option, string value) =>
        Assert.Contains(option, OneLine(CliRunner.Run("analyze", "--connection", "Host=localhost", option, value)));

    [Fact]
    public void An_unset_environment_variable_is_named() =>
        Assert.Contains("SCHEMANORM_SURELY_UNSET_VARIABLE", OneLine(CliRunner.Run("analyze", "--connection", "env:SCHEMANORM_SURELY_UNSET_VARIABLE")));
}
