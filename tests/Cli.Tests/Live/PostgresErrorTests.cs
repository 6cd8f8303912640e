using Npgsql;

namespace SchemaNorm.Cli.Tests.Live;

public sealed class GuardedDatabase() : PostgresDatabase("""
    CREATE TABLE open_table (id int PRIMARY KEY, v text);
    CREATE TABLE secret (id int PRIMARY KEY, v text);
    INSERT INTO open_table VALUES (1, 'a'), (2, 'b');
    INSERT INTO secret VALUES (1, 'x');
    """);

/// <summary>Every way a live database can fail the run: one clear line on stderr, exit status 2, no report.</summary>
public class PostgresErrorTests(GuardedDatabase db) : IClassFixture<GuardedDatabase>
{
    private static string OneLine(CliRunner.Result r)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Assert.Single(lines);
    }

    [PostgresFact]
    public void An_unreachable_server()
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Port = 1, Timeout = 5 }.ConnectionString;
        var line = OneLine(CliRunner.Run("analyze", "--connection", cs));
        Assert.StartsWith("schemanorm: cannot connect to the PostgreSQL database", line);
        Assert.Contains($"{PostgresServer.Host}:1", line);
    }

    [PostgresFact]
    public void A_wrong_password()
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = "not-the-password-42" }.ConnectionString;
        var line = OneLine(CliRunner.Run("analyze", "--connection", cs));
        Assert.StartsWith("schemanorm: cannot log in to the PostgreSQL database", line);
        Assert.Contains("password authentication failed", line);
        Assert.DoesNotContain("not-the-password-42", line);
    }

    [PostgresFact]
    public void An_unknown_database()
    {
        var line = OneLine(CliRunner.Run("analyze", "--connection", PostgresServer.For(db.Name + "_missing")));
        Assert.StartsWith($"schemanorm: cannot open the PostgreSQL database {db.Name}_missing", line);
        Assert.Contains("does not exist", line);
    }

    [PostgresFact]
    public void A_table_the_login_may_not_read()
    {
        var login = db.CreateLogin("partial");
        db.Execute($"GRANT SELECT ON open_table TO {db.Name}_partial");
        var line = OneLine(CliRunner.Run("analyze", "--connection", login));
        Assert.Contains("permission denied: the login cannot SELECT from public.secret", line);
        Assert.Contains("--table", line);

        // Leaving the table out is the way round it.
        var r = CliRunner.Run("analyze", "--connection", login, "--table", "open_table");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        Assert.Contains("open_table", r.Stdout);
    }

    [PostgresFact]
    public void A_login_refused_the_database()
    {
        var login = db.CreateLogin("outsider");
        db.Execute($"REVOKE CONNECT ON DATABASE {db.Name} FROM PUBLIC, {db.Name}_outsider");
        try
        {
            var line = OneLine(CliRunner.Run("analyze", "--connection", login));
            Assert.Contains("permission denied", line);
            Assert.Contains(db.Name, line);
        }
        finally
        {
            db.Execute($"GRANT CONNECT ON DATABASE {db.Name} TO PUBLIC");
        }
    }

    [PostgresFact]
    public void A_query_over_the_time_limit()
    {
        // Another session holds a lock that the sample's SELECT must wait for: it cannot finish in time.
        using var holder = new NpgsqlConnection(db.ConnectionString);
        holder.Open();
        using var tx = holder.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand("LOCK TABLE secret IN ACCESS EXCLUSIVE MODE", holder, tx))
            lockCommand.ExecuteNonQuery();

        var line = OneLine(CliRunner.Run("analyze", "--connection", db.ConnectionString, "--query-timeout", "1"));
        Assert.Contains("sampling public.secret", line);
        Assert.Contains("took longer than the query time limit (1 s; see --query-timeout)", line);
        tx.Rollback();
    }
}
