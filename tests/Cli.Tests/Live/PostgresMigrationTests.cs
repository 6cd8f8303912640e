using System.Text.Json;
using Npgsql;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// migrate --dialect postgres run for real: each sample schema's table is built in a PostgreSQL database of
/// its own (the migration's type mapping, the sample rows), the command line writes the migration of the
/// same script, and the database runs it, runs it again, and rolls it back.
/// </summary>
public class PostgresMigrationTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var d in ProblemSamples()) data.Add(Path.GetFileName(d));
        return data;
    }

    /// <summary>The samples that show a normalization problem (schema.sql); the repository samples show inputs.</summary>
    private static IEnumerable<string> ProblemSamples() =>
        Directory.GetDirectories(TestPaths.SampleSchemas).Where(d => File.Exists(Path.Combine(d, "schema.sql"))).Order();

    private static string Schema(string folder) => Path.Combine(TestPaths.SampleSchemas, folder, "schema.sql");

    /// <summary>The proposal the command line makes for the sample's one table (decompose --format json).</summary>
    private static (string Table, JsonElement Decomposition) Proposal(string folder)
    {
        var ingest = SchemaNorm.Analyzer.Ingest.Ingestor.Ingest([Schema(folder)], new());
        var table = Assert.Single(ingest.Model.Tables).Name.Name;
        var r = CliRunner.Run("decompose", Schema(folder), "--table", table, "--target", "5NF", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        return (table, doc.RootElement.GetProperty("decomposition").Clone());
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [PostgresTheory]
    [MemberData(nameof(Samples))]
    public void The_migration_runs_the_view_returns_the_old_rows_a_second_run_changes_nothing_and_the_rollback_restores_the_table(string folder)
    {
        using var db = new ScratchPostgres(PostgresMigrationRun.OriginalTables(Schema(folder)));
        var (table, proposal) = Proposal(folder);
        var columns = db.Columns("public", table);
        db.Execute($"CREATE SCHEMA snapshot; CREATE TABLE snapshot.original AS SELECT * FROM public.\"{table}\";");
        var original = db.Fingerprint();
        var scripts = PostgresMigrationRun.Migrate(Schema(folder), "--target", "5NF");

        if (proposal.GetProperty("method").GetString() == "none")
        {
            // A 1NF problem (a repeating group, a list in a cell): nothing to migrate, and the script says so.
            Assert.Contains("nothing to migrate", scripts.Forward);
            db.Run(scripts.Forward);
            db.Run(scripts.Rollback);
            Assert.Equal(original, db.Fingerprint());
            return;
        }

        db.Run(scripts.Forward);

        // The new tables, with their keys and foreign keys, as the proposal has them.
        var tables = proposal.GetProperty("tables").EnumerateArray().ToList();
        Assert.True(tables.Count >= 2);
        foreach (var t in tables)
        {
            var name = t.GetProperty("name").GetString()!;
            Assert.Equal("r", db.Kind("public", name));
            Assert.Equal(Strings(t.GetProperty("columns")), db.Columns("public", name));
            var key = db.Column($"""
                SELECT a.attname FROM pg_constraint k CROSS JOIN unnest(k.conkey) WITH ORDINALITY AS u(n, i)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
                WHERE k.conrelid = 'public."{name}"'::regclass AND k.contype = 'p' ORDER BY u.i
                """);
            Assert.Equal<string?>(Strings(t.GetProperty("key")), key);
            var expected = t.GetProperty("foreignKeys").EnumerateArray()
                .Select(f => $"{string.Join(",", Strings(f.GetProperty("columns")))}->{f.GetProperty("references").GetProperty("table").GetString()}({string.Join(",", Strings(f.GetProperty("references").GetProperty("columns")))})")
                .Order().ToList();
            var actual = db.Column($"""
                SELECT (SELECT string_agg(a.attname, ',' ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)
                       || '->' || (SELECT relname FROM pg_class WHERE oid = k.confrelid) || '('
                       || (SELECT string_agg(a.attname, ',' ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY AS u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n) || ')'
                FROM pg_constraint k WHERE k.conrelid = 'public."{name}"'::regclass AND k.contype = 'f' ORDER BY 1
                """);
            Assert.Equal<string?>(expected, actual);
        }

        // The view has the old name and columns, in order, and returns exactly the old rows.
        Assert.Equal("v", db.Kind("public", table));
        Assert.Equal("r", db.Kind("public", table + "_unnormalized"));
        Assert.Equal(columns, db.Columns("public", table));
        var (missing, extra, before, after) = db.Compare("snapshot.original", $"public.\"{table}\"", columns);
        Assert.Equal((0L, 0L), (missing, extra));
        Assert.Equal(before, after);
        Assert.True(before > 0);

        // Running it again changes nothing and does not fail.
        var migrated = db.Fingerprint();
        db.Run(scripts.Forward);
        Assert.Equal(migrated, db.Fingerprint());

        // The rollback gives the table back with exactly its rows; running it again changes nothing.
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
        Assert.Equal((0L, 0L, before, before), db.Compare("snapshot.original", $"public.\"{table}\"", columns));
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());

        // Nothing is left behind that would stop the migration from running again.
        db.Run(scripts.Forward);
        Assert.Equal(migrated, db.Fingerprint());
    }

    [PostgresTheory]
    [InlineData("1-partial-dependency", "INSERT INTO \"Enrollment\" VALUES (1007, 'DB101', 'A', 'Databases, the sequel', 5)", 1)]
    [InlineData("2-transitive-dependency", "INSERT INTO \"Employee\" VALUES (11, 'Ted Codd', '2023-01-02', 'ENG', 'Engineering', 9), (12, 'Kim Jones', '2023-01-02', 'OPS', 'Ops', 1)", 2)]
    [InlineData("3-bcnf-violation", "INSERT INTO \"Tutoring\" VALUES (6, 'Chemistry', 10)", 1)]
    [InlineData("6-multivalued-dependency", "INSERT INTO \"CourseOffering\" VALUES ('Optics', 'Prof. Green', 'Basic Mechanics')", 2)]
    [InlineData("7-join-dependency", "INSERT INTO \"Supply\" VALUES ('S2', 'P2', 'J2')", 3)]
    public void A_row_that_breaks_a_dependency_stops_the_migration_with_the_count_and_changes_nothing(string folder, string violation, int count)
    {
        using var db = new ScratchPostgres(PostgresMigrationRun.OriginalTables(Schema(folder)));
        var scripts = PostgresMigrationRun.Migrate(Schema(folder), "--target", "5NF");
        db.Execute(violation);
        var before = db.Fingerprint();

        var e = Assert.Throws<PostgresException>(() => db.Run(scripts.Forward));
        Assert.Equal("P0001", e.SqlState); // RAISE EXCEPTION
        Assert.StartsWith("schemanorm: ", e.MessageText);
        Assert.Contains($"break it: {count} ", e.MessageText);
        Assert.EndsWith("nothing was changed.", e.MessageText);
        Assert.Equal(before, db.Fingerprint());
    }

    [PostgresFact]
    public void Every_sample_at_once_is_one_transaction_and_rolls_back_in_reverse()
    {
        var schemas = ProblemSamples().Select(d => Path.Combine(d, "schema.sql")).ToList();
        using var db = new ScratchPostgres(string.Concat(schemas.Select(PostgresMigrationRun.OriginalTables)));
        var original = db.Fingerprint();
        var scripts = PostgresMigrationRun.Migrate([.. schemas, "--target", "5NF"]);
        Assert.Equal(1, CountOf(scripts.Forward, "\nBEGIN;\n"));
        Assert.Equal(5, CountOf(scripts.Forward, "\nDO $schemanorm$\n"));

        // One table breaks its dependency: none of the five is migrated.
        db.Execute("INSERT INTO \"Supply\" VALUES ('S2', 'P2', 'J2')");
        var broken = db.Fingerprint();
        Assert.Throws<PostgresException>(() => db.Run(scripts.Forward));
        Assert.Equal(broken, db.Fingerprint());
        db.Execute("DELETE FROM \"Supply\" WHERE \"Supplier\" = 'S2' AND \"Part\" = 'P2'");

        db.Run(scripts.Forward);
        foreach (var table in new[] { "Enrollment", "Employee", "Tutoring", "CourseOffering", "Supply" })
            Assert.Equal("v", db.Kind("public", table));
        Assert.Equal("r", db.Kind("public", "Contact"));
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
