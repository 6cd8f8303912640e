using Npgsql;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// The PostgreSQL server the live tests run against: SCHEMANORM_POSTGRES when set, else the cluster that
/// .ci/services starts (127.0.0.1:54329, role schemanorm). Its role must be able to create databases and roles.
/// </summary>
internal static class PostgresServer
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=54329;Username=schemanorm;Password=schemanorm;Database=schemanorm_test";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SCHEMANORM_POSTGRES") is { Length: > 0 } s ? s : DefaultConnectionString;

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5, Pooling = false };
            using var c = new NpgsqlConnection(b.ConnectionString);
            c.Open();
            return null;
        }
        catch (Exception e)
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"no PostgreSQL server answers at {b.Host}:{b.Port} as {b.Username} ({e.Message}); run .ci/services, or set SCHEMANORM_POSTGRES";
        }
    });

    /// <summary>Why the PostgreSQL tests are skipped, or null when the server answers.</summary>
    public static string? SkipReason => Unavailable.Value;

    /// <summary>The server's connection string for another database (and, optionally, another login).</summary>
    public static string For(string database, string? user = null, string? password = null)
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false };
        if (user is not null) b.Username = user;
        if (password is not null) b.Password = password;
        return b.ConnectionString;
    }

    public static string Host => new NpgsqlConnectionStringBuilder(ConnectionString).Host!;
    public static int Port => new NpgsqlConnectionStringBuilder(ConnectionString).Port;

    public static void Execute(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return (T)cmd.ExecuteScalar()!;
    }
}

/// <summary>A fact that runs only when the PostgreSQL server answers (and says why when it does not).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that runs only when the PostgreSQL server answers.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// A throwaway database for one test class: created (with the class's setup script) when the class starts,
/// dropped when it ends. Derive one per test class and take it as an <c>IClassFixture</c>; the migration
/// tests can reuse it for scripts run against PostgreSQL.
/// </summary>
public abstract class PostgresDatabase : IDisposable
{
    protected PostgresDatabase(string setupSql)
    {
        Name = "schemanorm_t_" + Guid.NewGuid().ToString("N")[..12];
        if (PostgresServer.SkipReason is not null) return;
        PostgresServer.Execute(PostgresServer.For(AdminDatabase), $"CREATE DATABASE {Name}");
        Created = true;
        if (setupSql.Length > 0) Execute(setupSql);
    }

    private static string AdminDatabase => new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString).Database ?? "postgres";

    public string Name { get; }

    private bool Created { get; }

    /// <summary>The connection string of the throwaway database (the server's test login).</summary>
    public string ConnectionString => PostgresServer.For(Name);

    public void Execute(string sql) => PostgresServer.Execute(ConnectionString, sql);

    public T Scalar<T>(string sql) => PostgresServer.Scalar<T>(ConnectionString, sql);

    private readonly List<string> _roles = [];

    /// <summary>
    /// A login role of the test's own (cluster-wide, so the name is unique; dropped with the database), with
    /// CONNECT on this database and nothing else: grant it what the test needs. Returns its connection string.
    /// </summary>
    public string CreateLogin(string suffix)
    {
        var role = $"{Name}_{suffix}";
        var password = "pw_" + Guid.NewGuid().ToString("N")[..8];
        PostgresServer.Execute(ConnectionString, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT CONNECT ON DATABASE {Name} TO {role};");
        lock (_roles) _roles.Add(role);
        return PostgresServer.For(Name, role, password);
    }

    public void Dispose()
    {
        if (!Created) return;
        var admin = PostgresServer.For(AdminDatabase);
        // A session still starting up (or ending) has no role the test login may signal; it is gone
        // a moment later, so the drop is tried again rather than left behind.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                PostgresServer.Execute(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
                break;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is "42501" or "55006")
            {
                Thread.Sleep(200 * attempt);
            }
        }
        foreach (var role in _roles) PostgresServer.Execute(admin, $"DROP ROLE IF EXISTS {role}");
        GC.SuppressFinalize(this);
    }
}
