using System.Text.Json;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>The decompose and migrate commands on the sample schemas, as a user runs them.</summary>
public class DecomposeCommandTests
{
    private static string Sample(string folder) => Path.Combine(TestPaths.SampleSchemas, folder, "schema.sql");

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Theory]
    [InlineData("1-partial-dependency", "Enrollment", "BCNF", 2)]
    [InlineData("2-transitive-dependency", "Employee", "BCNF", 2)]
    [InlineData("3-bcnf-violation", "Tutoring", "BCNF", 2)]
    [InlineData("6-multivalued-dependency", "CourseOffering", "4NF", 2)]
    [InlineData("7-join-dependency", "Supply", "5NF", 3)]
    public void Json_proposal_is_lossless_reaches_the_target_and_matches_the_sample_rows(string folder, string table, string target, int tables)
    {
        var r = CliRunner.Run("decompose", Sample(folder), "--table", table, "--target", target, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(table, doc.RootElement.GetProperty("table").GetProperty("name").GetString());
        var d = doc.RootElement.GetProperty("decomposition");
        Assert.Equal(target, d.GetProperty("target").GetString());
        Assert.True(d.GetProperty("lossless").GetBoolean());
        Assert.True(d.GetProperty("meetsTarget").GetBoolean());
        var parts = d.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(tables, parts.Count);

        var columns = Strings(doc.RootElement.GetProperty("table").GetProperty("columns"));
        Assert.Equal(columns.Order(), parts.SelectMany(p => Strings(p.GetProperty("columns"))).Distinct().Order());
        foreach (var p in parts)
        {
            Assert.NotEmpty(Strings(p.GetProperty("key")));
            Assert.True(Strings(p.GetProperty("key")).All(Strings(p.GetProperty("columns")).Contains));
            Assert.Equal("5NF", p.GetProperty("normalForm").GetString());
            foreach (var fk in p.GetProperty("foreignKeys").EnumerateArray())
            {
                var parent = parts.Single(x => x.GetProperty("name").GetString() == fk.GetProperty("references").GetProperty("table").GetString());
                Assert.Equal(Strings(parent.GetProperty("key")), Strings(fk.GetProperty("columns")));
            }
        }
        var data = d.GetProperty("data");
        Assert.True(data.GetProperty("joinEqualsSource").GetBoolean());
        Assert.Equal(0, data.GetProperty("spuriousRows").GetInt32());
        Assert.Equal(0, data.GetProperty("lostRows").GetInt32());
    }

    [Fact]
    public void Bcnf_violation_sample_says_no_preserving_bcnf_decomposition_exists_and_offers_3nf()
    {
        var r = CliRunner.Run("decompose", Sample("3-bcnf-violation"), "--table", "dbo.Tutoring", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("decomposition");
        Assert.False(d.GetProperty("dependencyPreserving").GetBoolean());
        Assert.False(d.GetProperty("dependencyPreservingBcnfExists").GetBoolean());
        var lost = d.GetProperty("lostDependencies").EnumerateArray().Single();
        Assert.Equal(["StudentID", "Subject"], Strings(lost.GetProperty("lhs")));
        Assert.Equal(["TutorID"], Strings(lost.GetProperty("rhs")));
        Assert.Contains("indexed view", lost.GetProperty("enforcement").GetString());
        var alt = d.GetProperty("alternative");
        Assert.True(alt.GetProperty("dependencyPreserving").GetBoolean());
        Assert.True(alt.GetProperty("lossless").GetBoolean());
    }

    [Fact]
    public void Text_names_the_new_tables_and_the_redundancy_removed()
    {
        var r = CliRunner.Run("decompose", Sample("1-partial-dependency"), "--table", "Enrollment");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Course (CourseCode, CourseTitle, Credits)", r.Stdout);
        Assert.Contains("CourseTitle stored 14 times -> 4 times", r.Stdout);
        Assert.Contains("lossless: yes", r.Stdout);
    }

    [Fact]
    public void Markdown_has_before_and_after_mermaid_diagrams()
    {
        using var dir = new CliRunner.Scratch();
        var r = CliRunner.RunIn(dir.Root, "decompose", Sample("2-transitive-dependency"), "--table", "Employee", "--format", "markdown", "-o", "out/proposal.md");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stdout);
        var md = File.ReadAllText(Path.Combine(dir.Root, "out", "proposal.md"));
        Assert.Equal(2, md.Split("```mermaid").Length - 1);
        Assert.Contains("erDiagram", md);
        Assert.Contains("DeptCode PK", md);
        Assert.Contains("||--o{", md);
    }

    [Fact]
    public void An_unknown_table_is_one_line_and_status_2()
    {
        var r = CliRunner.Run("decompose", Sample("1-partial-dependency"), "--table", "NoSuchTable");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("NoSuchTable", line);
        Assert.Contains("dbo.Enrollment", line);
    }

    [Fact]
    public void Decompose_without_table_or_with_a_bad_target_is_status_2()
    {
        Assert.Equal(2, CliRunner.Run("decompose", Sample("1-partial-dependency")).ExitCode);
        var r = CliRunner.Run("decompose", Sample("1-partial-dependency"), "--table", "Enrollment", "--target", "6NF");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_table_in_bcnf_with_a_repeating_group_is_left_alone_with_a_note()
    {
        var r = CliRunner.Run("decompose", Sample("4-repeating-group"), "--table", "Contact", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("decomposition");
        Assert.Equal("none", d.GetProperty("method").GetString());
        Assert.Contains(Strings(d.GetProperty("notes")), n => n.Contains("1NF"));
    }

    [Fact]
    public void Analyze_json_carries_a_decomposition_for_each_table_below_the_target_only()
    {
        var r = CliRunner.Run("analyze", TestPaths.SampleSchemas, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        foreach (var t in doc.RootElement.GetProperty("tables").EnumerateArray())
        {
            bool below = t.GetProperty("normalForm").GetString() is "UNF" or "1NF" or "2NF" or "3NF";
            Assert.Equal(below, t.TryGetProperty("decomposition", out var d));
            if (!below) continue;
            Assert.Equal("BCNF", d.GetProperty("target").GetString());
            Assert.True(d.GetProperty("lossless").GetBoolean());
            foreach (var p in d.GetProperty("tables").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString()));
                Assert.NotEmpty(Strings(p.GetProperty("columns")));
                Assert.NotEmpty(Strings(p.GetProperty("key")));
            }
        }
    }

    [Fact]
    public void A_denormalized_csv_splits_on_the_dependencies_found_in_its_rows()
    {
        // Order lines repeating their order's customer and each product's name: 12 orders of 3 lines.
        using var dir = new CliRunner.Scratch();
        var csv = new System.Text.StringBuilder("OrderID,ProductID,Quantity,CustomerID,CustomerName,ProductName\n");
        string[] customers = ["Alfreds", "Berglunds", "Chop-suey", "Du monde", "Ernst", "Folk och fa"];
        string[] products = ["Chai", "Chang", "Aniseed", "Cajun", "Gumbo", "Boysenberry", "Dried pears", "Ikura"];
        for (int o = 0; o < 12; o++)
            for (int l = 0; l < 3; l++)
            {
                int c = (o * 5) % customers.Length, p = (o * 3 + l * 2) % products.Length;
                csv.Append($"{10248 + o},{p + 1},{(o * 7 + l * 3) % 9 + 1},C{c + 1:00},{customers[c]},{products[p]}\n");
            }
        dir.Write("OrderLines.csv", csv.ToString());

        var r = CliRunner.RunIn(dir.Root, "decompose", "OrderLines.csv", "--table", "OrderLines", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var d = doc.RootElement.GetProperty("decomposition");
        var tables = d.GetProperty("tables").EnumerateArray().Select(t => string.Join(",", Strings(t.GetProperty("columns")).Order())).ToHashSet();
        Assert.Contains("CustomerID,CustomerName", tables);
        Assert.Contains("ProductID,ProductName", tables);
        Assert.Contains("CustomerID,OrderID", tables);
        Assert.True(d.GetProperty("lossless").GetBoolean());
        Assert.True(d.GetProperty("data").GetProperty("joinEqualsSource").GetBoolean());

        // Without discovery the CSV has no dependencies to split on.
        var plain = CliRunner.RunIn(dir.Root, "decompose", "OrderLines.csv", "--table", "OrderLines", "--no-discovery", "--format", "json");
        using var plainDoc = JsonDocument.Parse(plain.Stdout);
        Assert.Equal("none", plainDoc.RootElement.GetProperty("decomposition").GetProperty("method").GetString());
    }

    private static TSqlScript Parse(string sql)
    {
        var fragment = new TSql170Parser(true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}: {e.Message}")));
        return Assert.IsType<TSqlScript>(fragment);
    }

    [Fact]
    public void Migrate_writes_the_script_and_its_rollback_beside_it()
    {
        using var dir = new CliRunner.Scratch();
        var r = CliRunner.RunIn(dir.Root, "migrate", TestPaths.SampleSchemas, "--target", "5NF", "-o", "migration.sql");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stdout);
        var forward = Parse(File.ReadAllText(Path.Combine(dir.Root, "migration.sql")));
        var rollback = Parse(File.ReadAllText(Path.Combine(dir.Root, "migration.rollback.sql")));
        // One batch per table below 5NF that a decomposition changes (the 1NF-only tables are left alone).
        Assert.Equal(5, forward.Batches.Count);
        Assert.Equal(5, rollback.Batches.Count);
        Assert.Contains("migration.rollback.sql", r.Stderr);
    }

    [Fact]
    public void Migrate_prints_the_migration_or_with_rollback_the_rollback()
    {
        var forward = CliRunner.Run("migrate", Sample("1-partial-dependency"), "--table", "Enrollment");
        Assert.True(forward.ExitCode == 0, forward.Stderr);
        Assert.Contains("--rollback", forward.Stderr);
        var script = Parse(forward.Stdout);
        Assert.Contains(script.Batches[0].Statements, s => s is CreateTableStatement);

        var back = CliRunner.Run("migrate", Sample("1-partial-dependency"), "--table", "Enrollment", "--rollback");
        Assert.Equal(0, back.ExitCode);
        var rollback = Parse(back.Stdout);
        Assert.Contains(rollback.Batches[0].Statements, s => s is IfStatement { ThenStatement: DropViewStatement });
    }

    [Fact]
    public void Migrate_with_an_unknown_table_is_one_line_and_status_2()
    {
        var r = CliRunner.Run("migrate", Sample("1-partial-dependency"), "--table", "Nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Migrate_to_postgres_writes_one_transaction_of_do_blocks()
    {
        var r = CliRunner.Run("migrate", Sample("1-partial-dependency"), "--table", "Enrollment", "--dialect", "postgres");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("\nBEGIN;\n", r.Stdout);
        Assert.Contains("DO $schemanorm$", r.Stdout);
        Assert.Contains("CREATE TABLE \"public\".", r.Stdout);
        Assert.EndsWith("COMMIT;\n", r.Stdout);
    }

    [Fact]
    public void Migrate_with_an_unknown_dialect_is_one_line_and_status_2()
    {
        var r = CliRunner.Run("migrate", Sample("1-partial-dependency"), "--dialect", "oracle");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("oracle", r.Stderr);
    }

    [Fact]
    public void Migrate_to_postgres_of_a_type_postgres_lacks_is_one_line_status_2_and_writes_no_file()
    {
        using var dir = new CliRunner.Scratch();
        var schema = dir.Write("orders.sql", """
            CREATE TABLE dbo.Enrollment (
                StudentID int NOT NULL, CourseCode char(6) NOT NULL,
                -- schemanorm: fd CourseCode -> CourseTitle, Extra
                CourseTitle nvarchar(80) NOT NULL, Extra sql_variant NULL,
                CONSTRAINT PK_Enrollment PRIMARY KEY (StudentID, CourseCode));
            """);
        var r = CliRunner.RunIn(dir.Root, "migrate", schema, "--dialect", "postgres", "-o", "m.sql");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Extra", r.Stderr);
        Assert.Contains("sql_variant", r.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Root, "m.sql")));
        Assert.False(File.Exists(Path.Combine(dir.Root, "m.rollback.sql")));

        // The T-SQL migration of the same table is fine.
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "migrate", schema, "-o", "m.sql").ExitCode);
    }

    [Fact]
    public void Migrate_names_the_table_that_keeps_the_key_by_a_real_plural_or_keeps_the_name()
    {
        using var dir = new CliRunner.Scratch();
        var script = string.Join("GO\n", new[] { "Status", "Series", "Analysis", "News", "Bus" }.Select(t => $"""
            CREATE TABLE dbo.{t} (
                {t}ID int NOT NULL,
                Title nvarchar(60) NOT NULL,
                OwnerID int NOT NULL,
                -- schemanorm: fd OwnerID -> OwnerName
                OwnerName nvarchar(60) NOT NULL,
                CONSTRAINT PK_{t} PRIMARY KEY ({t}ID)
            );

            """));
        dir.Write("schema.sql", script);
        var created = new List<string>();
        foreach (var table in new[] { "Status", "Series", "Analysis", "News", "Bus" })
        {
            var r = BuiltCli.Run(dir.Root, "migrate", "schema.sql", "--table", table);
            Assert.True(r.ExitCode == 0, r.Stderr);
            created.AddRange(System.Text.RegularExpressions.Regex.Matches(r.Stdout, @"CREATE TABLE \[dbo\]\.\[(\w+)\]").Select(m => m.Groups[1].Value));
        }
        Assert.Contains("Statuses", created);
        Assert.Contains("Analyses", created);
        Assert.Contains("Buses", created);
        Assert.Contains("Series_2", created);
        Assert.Contains("News_2", created);
        Assert.Empty(created.Intersect(["Statu", "Sery", "Serie", "Analysi", "New", "Bu"]));
    }
}
