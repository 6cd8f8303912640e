using System.Text.Json;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

public sealed class LedgerDatabase() : PostgresDatabase("""
    CREATE SEQUENCE ticket_numbers;
    CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, branch text, branch_city text, UNIQUE (owner));
    CREATE TABLE entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id int NOT NULL REFERENCES accounts (id),
        amount numeric(12,2) NOT NULL,
        ticket int DEFAULT nextval('ticket_numbers')
    );
    INSERT INTO accounts SELECT i, 'owner ' || i, 'b' || (i % 5), 'city ' || (i % 5) FROM generate_series(1, 200) i;
    INSERT INTO entries (account_id, amount) SELECT 1 + i % 200, i * 0.25 FROM generate_series(1, 3000) i;
    """);

public class PostgresReadOnlyTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>
{
    /// <summary>Everything a write could change: every row of both tables, the sequences, the objects.</summary>
    private string Fingerprint() => db.Scalar<string>("""
        SELECT md5(concat_ws('|',
            (SELECT string_agg(a::text, ',' ORDER BY a.id) FROM accounts a),
            (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM entries e),
            (SELECT last_value::text || is_called::text FROM ticket_numbers),
            (SELECT last_value::text || is_called::text FROM entries_id_seq),
            (SELECT string_agg(relname::text || relkind::text, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace)))
        """);

    [PostgresFact]
    public void The_session_is_read_only_at_the_server()
    {
        using var live = LiveDatabase.Open(ConnectionTarget.Parse(db.ConnectionString));
        // A SELECT that would write (nextval advances a sequence) is refused by the server itself.
        var e = Assert.Throws<LiveDatabaseException>(() => live.Read("SELECT nextval('ticket_numbers')", [], "testing", _ => { }));
        Assert.Contains("refused a write", e.Message);
        Assert.Contains("read-only transaction", e.Message);
    }

    [PostgresFact]
    public void Nothing_but_queries_leaves_the_client()
    {
        using var live = LiveDatabase.Open(ConnectionTarget.Parse(db.ConnectionString));
        Assert.Throws<InvalidOperationException>(() => live.Read("DELETE FROM entries", [], "testing", _ => { }));
        Assert.Throws<InvalidOperationException>(() => live.Read("  update accounts SET owner = 'x'", [], "testing", _ => { }));
        Assert.Equal(3000L, db.Scalar<long>("SELECT count(*) FROM entries"));
    }

    [PostgresFact]
    public void Analysing_and_checking_change_nothing_in_the_database()
    {
        var before = Fingerprint();

        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "json");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        using (var live = LiveDatabase.Open(ConnectionTarget.Parse(db.ConnectionString)))
        {
            var model = LiveModelLoader.Load(live, new LiveSettings { Target = live.Target }, new DiagnosticBag());
            var accounts = model.Find("public.accounts")!;
            Assert.True(LiveDependencyCheck.Check(live, accounts, ["branch"], ["branch_city"]).Holds);
            Assert.False(LiveDependencyCheck.Check(live, model.Find("public.entries")!, ["account_id"], ["amount"]).Holds);
        }

        Assert.Equal(before, Fingerprint());
    }

    [PostgresFact]
    public void A_login_that_may_only_SELECT_reads_tables_keys_and_rows()
    {
        var readOnly = db.CreateLogin("reader");
        db.Execute($"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {db.Name}_reader");
        var before = Fingerprint();

        var r = CliRunner.Run("analyze", "--connection", readOnly, "--format", "json");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var tables = doc.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["accounts", "entries"], tables.Keys.Order());
        // Keys come from the system catalogs, which INFORMATION_SCHEMA would hide from this login.
        Assert.Equal("id", tables["accounts"].GetProperty("primaryKey")[0].GetString());
        Assert.Equal(2, tables["accounts"].GetProperty("candidateKeys").GetArrayLength()); // (id), (owner)
        Assert.Equal(3000, tables["entries"].GetProperty("sampleRows").GetInt32());

        Assert.Equal(before, Fingerprint());
    }
}
