using System.Text.Json;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// The textbook cases with sample rows (../shared/cases), migrated for real: each case as a user writes it
/// (<see cref="TextbookCaseDdlTests"/>, here with all its rows) is built in PostgreSQL, the command line
/// writes its migration to 5NF, and the database runs it: the view returns exactly the case's rows, a
/// second run changes nothing, and the rollback restores the table.
/// </summary>
public class PostgresTextbookMigrationTests
{
    public static TheoryData<string> CasesWithRows()
    {
        var data = new TheoryData<string>();
        foreach (var c in TextbookCaseDdlTests.Cases.EnumerateArray())
            if (c.TryGetProperty("sampleData", out _)) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(CasesWithRows))]
    public void The_case_migrates_the_view_returns_its_rows_and_the_rollback_restores_it(string id)
    {
        var c = TextbookCaseDdlTests.Cases.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        var table = c.GetProperty("relation").GetString()!;
        using var dir = new CliRunner.Scratch();
        var schema = dir.Write("case.sql", TextbookCaseDdlTests.Script(c, allRows: true));
        using var db = new ScratchPostgres(PostgresMigrationRun.OriginalTables(schema));
        var columns = db.Columns("public", table);
        db.Execute($"CREATE SCHEMA snapshot; CREATE TABLE snapshot.original AS SELECT * FROM public.\"{table}\";");
        var original = db.Fingerprint();
        long rows = db.Scalar<long>($"SELECT count(*) FROM public.\"{table}\"");
        Assert.Equal(c.GetProperty("sampleData").GetProperty("csv").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, rows);

        var scripts = PostgresMigrationRun.Migrate(schema, "--target", "5NF");
        db.Run(scripts.Forward);
        var migrated = db.Fingerprint();
        var proposal = CliRunner.Run("decompose", schema, "--table", table, "--target", "5NF", "--format", "json");
        Assert.True(proposal.ExitCode == 0, proposal.Stderr);
        using var doc = JsonDocument.Parse(proposal.Stdout);
        if (doc.RootElement.GetProperty("decomposition").GetProperty("method").GetString() == "none")
        {
            // Already in 5NF (the control case), or only a 1NF problem that projections cannot fix.
            Assert.Contains("nothing to migrate", scripts.Forward);
            Assert.Equal(original, migrated);
        }
        else
        {
            Assert.Equal("v", db.Kind("public", table));
            Assert.Equal(columns, db.Columns("public", table));
            Assert.Equal((0L, 0L, rows, rows), db.Compare("snapshot.original", $"public.\"{table}\"", columns));
        }

        db.Run(scripts.Forward);
        Assert.Equal(migrated, db.Fingerprint());
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
        db.Run(scripts.Rollback);
        Assert.Equal(original, db.Fingerprint());
    }
}
