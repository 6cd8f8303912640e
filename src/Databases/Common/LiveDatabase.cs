using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// One read-only session on a live database, kept for a whole run: the catalog, the samples and the
/// full-table checks all go through it. On PostgreSQL the session is read-only and the run sees one
/// snapshot (REPEATABLE READ READ ONLY); on SQL Server it sends nothing but SELECT statements, connects
/// with ApplicationIntent=ReadOnly, and reads under SNAPSHOT isolation when the database allows it, else
/// READ COMMITTED. Either way the transaction is rolled back, never committed, when the run ends.
/// </summary>
internal sealed class LiveDatabase : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private LiveDatabase(ConnectionTarget target, SqlDialect dialect, DbConnection connection, DbTransaction transaction,
        int queryTimeoutSeconds, string? defaultCollation)
    {
        Target = target;
        Dialect = dialect;
        _connection = connection;
        _transaction = transaction;
        QueryTimeoutSeconds = queryTimeoutSeconds;
        DefaultCollation = defaultCollation;
    }

    /// <summary>The server and database, with the database's real name once connected.</summary>
    public ConnectionTarget Target { get; }

    internal SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Target.Provider;

    /// <summary>Time limit of each query in seconds (0: none).</summary>
    public int QueryTimeoutSeconds { get; }

    /// <summary>SQL Server: the database's default collation (decides text comparison for columns without their own).</summary>
    internal string? DefaultCollation { get; }

    /// <summary>Opens the session. Failures (unreachable, login, unknown database, timeout) throw <see cref="LiveDatabaseException"/>.</summary>
    public static LiveDatabase Open(ConnectionTarget target, int queryTimeoutSeconds = LiveSettings.DefaultQueryTimeoutSeconds)
    {
        var dialect = SqlDialect.For(target.Provider);
        DbConnection connection = target.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(PostgresConnectionString(target.ConnectionString))
            : new SqlConnection(SqlServerConnectionString(target.ConnectionString));
        DbTransaction? transaction = null;
        string activity = "connecting";
        try
        {
            connection.Open();
            activity = "starting a read-only session";
            foreach (var statement in dialect.SessionSetup) Execute(connection, null, statement, queryTimeoutSeconds);

            var isolation = IsolationLevel.RepeatableRead;
            if (target.Provider == DatabaseProvider.SqlServer)
            {
                var snapshot = connection.QuerySingle<SessionFacts>(dialect.SessionFacts, commandTimeout: queryTimeoutSeconds).SnapshotIsolation == 1;
                isolation = snapshot ? IsolationLevel.Snapshot : IsolationLevel.ReadCommitted;
            }
            transaction = connection.BeginTransaction(isolation);
            foreach (var statement in dialect.TransactionSetup) Execute(connection, transaction, statement, queryTimeoutSeconds);

            var facts = connection.QuerySingle<SessionFacts>(dialect.SessionFacts, transaction: transaction, commandTimeout: queryTimeoutSeconds);
            if (target.Provider == DatabaseProvider.PostgreSql && !facts.ReadOnly)
                throw new LiveDatabaseException($"the {target.Describe()} did not make the session read-only; SchemaNorm stops rather than risk a write");
            var named = string.IsNullOrEmpty(facts.Database) ? target : target with { Database = facts.Database };
            return new LiveDatabase(named, dialect, connection, transaction, queryTimeoutSeconds, facts.Collation);
        }
        catch (Exception e)
        {
            transaction?.Dispose();
            connection.Dispose();
            throw LiveDatabaseException.From(e, target, activity, queryTimeoutSeconds);
        }
    }

    /// <summary>No pooling (the session's settings must not outlive it), and a name the server's activity views show.</summary>
    private static string PostgresConnectionString(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "schemanorm";
        return b.ConnectionString;
    }

    private static string SqlServerConnectionString(string connectionString)
    {
        var b = new SqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationIntent = ApplicationIntent.ReadOnly,
        };
        if (string.IsNullOrEmpty(b.ApplicationName) || b.ApplicationName == new SqlConnectionStringBuilder().ApplicationName)
            b.ApplicationName = "schemanorm";
        return b.ConnectionString;
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string statement, int timeout)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.Transaction = transaction;
        command.CommandTimeout = timeout;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Catalog rows, mapped by column name. The caller makes the Dapper call with its row type written out
    /// (<c>(c, sql, tx, timeout) => c.Query&lt;CatalogTable&gt;(sql, transaction: tx, commandTimeout: timeout)</c>), so
    /// the mapping is generated at build time and the native build reads live databases too.
    /// </summary>
    internal List<T> Query<T>(string sql, string activity, Func<DbConnection, string, DbTransaction, int, IEnumerable<T>> query)
    {
        EnsureReadOnly(sql);
        try
        {
            return query(_connection, sql, _transaction, QueryTimeoutSeconds).ToList();
        }
        catch (Exception e)
        {
            throw LiveDatabaseException.From(e, Target, activity, QueryTimeoutSeconds);
        }
    }

    /// <summary>Runs a SELECT and hands each row to <paramref name="row"/>.</summary>
    internal void Read(string sql, IReadOnlyList<(string Name, object Value)> parameters, string activity, Action<DbDataReader> row)
    {
        EnsureReadOnly(sql);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            command.CommandTimeout = QueryTimeoutSeconds;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            while (reader.Read()) row(reader);
        }
        catch (Exception e)
        {
            throw LiveDatabaseException.From(e, Target, activity, QueryTimeoutSeconds);
        }
    }

    /// <summary>
    /// Every statement a run sends after the session setup is a query. This guard keeps it so: a change that
    /// tried to send anything else fails here, before it reaches the server.
    /// </summary>
    private static void EnsureReadOnly(string sql)
    {
        var head = sql.AsSpan().TrimStart();
        if (!head.StartsWith("SELECT ", StringComparison.OrdinalIgnoreCase) && !head.StartsWith("WITH ", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("SchemaNorm sends only SELECT statements to a database it analyses");
    }

    public void Dispose()
    {
        try
        {
            _transaction.Rollback();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection is gone (e.g. after a timeout): nothing was written, nothing to undo.
        }
        _transaction.Dispose();
        _connection.Dispose();
    }

    internal sealed class SessionFacts
    {
        public string? Database { get; set; }
        public bool ReadOnly { get; set; }
        public string? Collation { get; set; }
        public int? SnapshotIsolation { get; set; }
    }
}
