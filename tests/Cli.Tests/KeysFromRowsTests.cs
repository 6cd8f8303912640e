using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>A table without a declared key is analysed with the key its rows or its dependencies imply, and SN1001 names it.</summary>
public class KeysFromRowsTests
{
    private static JsonElement OnlyTable(string json) => JsonDocument.Parse(json).RootElement.GetProperty("tables")[0];

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    // Order lines without a declared key: (OrderID, LineNumber) is unique, OrderID -> CustomerID repeats.
    private const string Lines = """
        CREATE TABLE dbo.Lines (
            OrderID int NOT NULL,
            LineNumber int NOT NULL,
            CustomerID int NOT NULL,
            Quantity int NOT NULL
        );
        INSERT INTO dbo.Lines VALUES (1, 1, 7, 5), (1, 2, 7, 3), (1, 3, 7, 5), (2, 1, 8, 1), (2, 2, 8, 4), (2, 3, 8, 2),
          (3, 1, 7, 2), (3, 2, 7, 5), (4, 1, 9, 3), (4, 2, 9, 1), (5, 1, 8, 4), (5, 2, 8, 5), (6, 1, 9, 2), (6, 2, 9, 3);
        """;

    [Fact]
    public void Without_a_declared_key_the_key_found_in_the_rows_is_used_and_marked()
    {
        using var dir = new CliRunner.Scratch();
        var path = dir.Write("lines.sql", Lines);
        var r = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var t = OnlyTable(r.Stdout);
        Assert.Equal(["OrderID", "LineNumber"], Strings(t.GetProperty("primaryKey")));
        Assert.Equal("data", t.GetProperty("primaryKeySource").GetString());
        Assert.Contains(t.GetProperty("candidateKeys").EnumerateArray(), k => Strings(k).SequenceEqual(["OrderID", "LineNumber"]));
        // Judged with that key: OrderID -> CustomerID is a partial dependency, not hidden behind "UNF".
        Assert.Equal("1NF", t.GetProperty("normalForm").GetString());
        var findings = t.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "SN2001");
        var noKey = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "SN1001");
        Assert.Contains("PRIMARY KEY (OrderID, LineNumber)", noKey.GetProperty("fix").GetString());
        Assert.Contains("found in the rows", noKey.GetProperty("message").GetString());
        Assert.Equal(["OrderID", "LineNumber"], Strings(t.GetProperty("decomposition").GetProperty("tables").EnumerateArray()
            .Single(x => Strings(x.GetProperty("columns")).Contains("Quantity")).GetProperty("key")));
    }

    [Fact]
    public void A_declared_key_is_not_marked()
    {
        using var dir = new CliRunner.Scratch();
        var path = dir.Write("lines.sql", Lines.Replace("Quantity int NOT NULL\n", "Quantity int NOT NULL, PRIMARY KEY (OrderID, LineNumber)\n"));
        var r = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.False(OnlyTable(r.Stdout).TryGetProperty("primaryKeySource", out _));
    }

    [Fact]
    public void A_textbook_table_given_by_its_fds_is_judged_by_the_keys_they_imply()
    {
        using var dir = new CliRunner.Scratch();
        var path = dir.Write("r.sql", """
            -- schemanorm: fd A, B -> C
            -- schemanorm: fd B -> D
            CREATE TABLE dbo.R (A int NOT NULL, B int NOT NULL, C int NOT NULL, D int NOT NULL);
            """);
        var r = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var t = OnlyTable(r.Stdout);
        Assert.Equal("1NF", t.GetProperty("normalForm").GetString());
        Assert.Equal(["A", "B"], Strings(t.GetProperty("primaryKey")));
        Assert.Equal("dependencies", t.GetProperty("primaryKeySource").GetString());
        var findings = t.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "SN2001");
        Assert.Contains("PRIMARY KEY (A, B)", findings.Single(f => f.GetProperty("ruleId").GetString() == "SN1001").GetProperty("fix").GetString());
    }

    [Fact]
    public void A_table_with_neither_key_nor_dependencies_stays_unf()
    {
        using var dir = new CliRunner.Scratch();
        var path = dir.Write("h.sql", "CREATE TABLE dbo.H (A int NULL, B int NULL);\n");
        var r = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "none");
        var t = OnlyTable(r.Stdout);
        Assert.Equal("UNF", t.GetProperty("normalForm").GetString());
        Assert.Equal(JsonValueKind.Null, t.GetProperty("primaryKey").ValueKind);
    }
}
