using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// The database could not be read: unreachable, refused the login, no such database, a missing permission,
/// a query over its time limit. The message is one line, names the server and what was being done, and
/// never holds the password.
/// </summary>
internal sealed class LiveDatabaseException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The one line to show for a failure of <paramref name="activity"/> ("reading the catalog", ...).</summary>
    internal static LiveDatabaseException From(Exception e, ConnectionTarget target, string activity, int timeoutSeconds) =>
        e as LiveDatabaseException ?? new(OneLine(Describe(e, target, activity, timeoutSeconds)), e);

    private static string Describe(Exception e, ConnectionTarget target, string activity, int timeoutSeconds)
    {
        var where = target.Describe();
        string TimedOut() => timeoutSeconds > 0
            ? $"{activity} in the {where} took longer than the query time limit ({timeoutSeconds} s; see --query-timeout)"
            : $"{activity} in the {where} timed out";

        switch (e)
        {
            case PostgresException pg:
                return pg.SqlState switch
                {
                    "28P01" or "28000" => $"cannot log in to the {where}: {pg.MessageText}",
                    "3D000" => $"cannot open the {where}: {pg.MessageText}",
                    "42501" => $"permission denied while {activity} in the {where}: {pg.MessageText}",
                    "57014" => TimedOut(),
                    "25006" => $"the {where} refused a write while {activity}; SchemaNorm only reads ({pg.MessageText})",
                    "53300" => $"cannot connect to the {where}: {pg.MessageText}",
                    _ => $"{activity} in the {where} failed: {pg.MessageText} (SQLSTATE {pg.SqlState})",
                };
            case SqlException sql:
                return sql.Number switch
                {
                    18456 or 18452 or 18486 or 18487 or 18488 => $"cannot log in to the {where}: {sql.Message}",
                    4060 or 911 => $"cannot open the {where}: {sql.Message}",
                    229 or 230 or 262 or 297 or 300 or 916 => $"permission denied while {activity} in the {where}: {sql.Message}",
                    -2 => TimedOut(),
                    3906 or 3908 => $"the {where} refused a write while {activity}; SchemaNorm only reads ({sql.Message})",
                    // Network errors: no server at the address, refused, unreachable, name not found, TLS failure.
                    2 or 53 or 40 or 26 or -1 or 35 or 10053 or 10054 or 10060 or 10061 or 11001 or 0
                        => $"cannot connect to the {where}: {sql.Message}",
                    _ => $"{activity} in the {where} failed: {sql.Message} (error {sql.Number})",
                };
        }
        if (Find<TimeoutException>(e) is not null) return TimedOut();
        if (Find<PostgresException>(e) is { } innerPg) return Describe(innerPg, target, activity, timeoutSeconds);
        if (Find<SocketException>(e) is { } socket) return $"cannot connect to the {where}: {socket.Message}";
        if (e is System.Data.Common.DbException) return $"{activity} in the {where} failed: {e.Message}";
        return $"{activity} in the {where} failed: {e.GetType().Name}: {e.Message}";
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T t) return t;
        return null;
    }

    private static string OneLine(string s) => string.Join(' ', s.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
