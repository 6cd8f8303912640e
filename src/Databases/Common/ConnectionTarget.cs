using System.Data.Common;
using System.Globalization;
using System.Text;

namespace SchemaNorm.Databases.Common;

/// <summary>The database servers SchemaNorm reads.</summary>
internal enum DatabaseProvider
{
    SqlServer,
    PostgreSql,
}

/// <summary>
/// What <c>--connection</c> (and <c>--provider</c>) point at: the provider, the connection string its client
/// library takes, and a name for the server and database that is safe to print (never the password).
/// </summary>
internal sealed record ConnectionTarget(DatabaseProvider Provider, string ConnectionString, string Server, string Database)
{
    /// <summary>"postgres" or "mssql": the scheme of the locations given to live objects.</summary>
    public string Scheme => Provider == DatabaseProvider.PostgreSql ? "postgres" : "mssql";

    /// <summary>"PostgreSQL" or "SQL Server", for messages.</summary>
    public string ProductName => Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQL Server";

    /// <summary>The location given to an object of the database: postgres://host:port/db/public.orders.</summary>
    public string ObjectUri(string? schema, string name) =>
        $"{Scheme}://{Server}/{Database}/{(schema is null ? "" : schema + ".")}{name}";

    /// <summary>"PostgreSQL database shop on 127.0.0.1:5432".</summary>
    public string Describe() => $"{ProductName} database {(Database.Length == 0 ? "(default)" : Database)} on {Server}";

    private static readonly string[] PostgresOnlyKeys =
    [
        "host", "username", "user name", "port", "ssl mode", "sslmode", "search path", "searchpath",
        "include error detail", "target session attributes", "passfile", "root certificate", "options",
    ];

    private static readonly string[] SqlServerOnlyKeys =
    [
        "server", "data source", "initial catalog", "integrated security", "trusted_connection",
        "trustservercertificate", "trust server certificate", "encrypt", "applicationintent", "application intent",
        "multisubnetfailover", "multi subnet failover", "attachdbfilename", "addr", "address", "network address",
        "authentication", "failover partner", "user instance", "persist security info",
    ];

    /// <summary>
    /// Reads a connection string. A postgres:// or postgresql:// URI, or keywords such as Host= and Username=,
    /// mean PostgreSQL; Server= or Data Source= mean SQL Server; <paramref name="provider"/> decides when given.
    /// Throws <see cref="FormatException"/> with a message that never repeats the password.
    /// </summary>
    public static ConnectionTarget Parse(string text, DatabaseProvider? provider = null)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new FormatException("the connection string is empty");

        if (IsPostgresUri(trimmed))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new FormatException("a postgres:// connection URI is for PostgreSQL, not SQL Server");
            return Postgres(PostgresUri.ToKeywords(trimmed));
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = trimmed;
        }
        catch (ArgumentException)
        {
            // The builder's message quotes part of the string, which may hold the password.
            throw new FormatException("the connection string is not of the form key=value;key=value (or a postgres:// URI)");
        }

        var keys = builder.Keys.Cast<string>().Select(k => k.ToLowerInvariant()).ToList();
        provider ??= keys.Any(PostgresOnlyKeys.Contains) ? DatabaseProvider.PostgreSql
            : keys.Any(SqlServerOnlyKeys.Contains) ? DatabaseProvider.SqlServer
            : throw new FormatException("cannot tell whether the connection string is for SQL Server or PostgreSQL: use Server= (SQL Server) or Host= (PostgreSQL), or give --provider");

        return provider == DatabaseProvider.PostgreSql ? Postgres(trimmed) : SqlServer(trimmed);
    }

    private static bool IsPostgresUri(string s) =>
        s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static ConnectionTarget Postgres(string connectionString)
    {
        Npgsql.NpgsqlConnectionStringBuilder b;
        try
        {
            b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException($"the PostgreSQL connection string is not valid: {Safe(e.Message)}");
        }
        var host = string.IsNullOrEmpty(b.Host) ? "localhost" : b.Host;
        var server = host.Contains(',') ? host : $"{host}:{b.Port.ToString(CultureInfo.InvariantCulture)}";
        return new ConnectionTarget(DatabaseProvider.PostgreSql, b.ConnectionString, server, b.Database ?? b.Username ?? "");
    }

    private static ConnectionTarget SqlServer(string connectionString)
    {
        Microsoft.Data.SqlClient.SqlConnectionStringBuilder b;
        try
        {
            b = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"the SQL Server connection string is not valid: {Safe(e.Message)}");
        }
        return new ConnectionTarget(DatabaseProvider.SqlServer, b.ConnectionString, ServerForUri(b.DataSource), b.InitialCatalog ?? "");
    }

    /// <summary>"tcp:db.example.com,1433" → "db.example.com:1433"; "host\instance" → "host%5Cinstance".</summary>
    internal static string ServerForUri(string? dataSource)
    {
        var s = string.IsNullOrWhiteSpace(dataSource) ? "localhost" : dataSource.Trim();
        foreach (var prefix in new[] { "tcp:", "np:", "lpc:", "admin:" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..];
        // "." and "(local)" mean this machine, also before an instance name or a port.
        foreach (var local in new[] { "(local)", "." })
            if (s == local || s.StartsWith(local + "\\", StringComparison.OrdinalIgnoreCase) || s.StartsWith(local + ",", StringComparison.Ordinal))
                s = "localhost" + s[local.Length..];
        var sb = new StringBuilder();
        foreach (char c in s)
            sb.Append(c switch { ',' => ":", '\\' => "%5C", '/' => "%2F", _ => c.ToString() });
        return sb.ToString();
    }

    /// <summary>Client library messages about a bad keyword name the keyword, not its value; this drops anything after "=" to be sure.</summary>
    private static string Safe(string message)
    {
        int eq = message.IndexOf('=');
        var s = eq >= 0 ? message[..eq] : message;
        return s.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }
}

/// <summary>postgres://user:password@host:port/database?param=value, turned into Npgsql's keywords.</summary>
internal static class PostgresUri
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["passfile"] = "Passfile",
        ["user"] = "Username",
        ["password"] = "Password",
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
    };

    public static string ToKeywords(string uri)
    {
        int schemeEnd = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var rest = uri[schemeEnd..];
        string query = "";
        int q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        string path = "";
        int slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            path = rest[(slash + 1)..];
            rest = rest[..slash];
        }
        string? user = null, password = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            int colon = userInfo.IndexOf(':');
            user = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0) password = Decode(userInfo[(colon + 1)..]);
        }

        var b = new DbConnectionStringBuilder();
        var (hosts, port) = Hosts(rest);
        if (hosts.Length > 0) b["Host"] = hosts;
        if (port is not null) b["Port"] = port;
        if (!string.IsNullOrEmpty(user)) b["Username"] = user;
        if (password is not null) b["Password"] = password;
        if (path.Length > 0) b["Database"] = Decode(path);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            var name = Decode(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Decode(pair[(eq + 1)..]) : "";
            if (!Parameters.TryGetValue(name, out var keyword))
                throw new FormatException($"the connection URI parameter '{name}' is not supported (supported: {string.Join(", ", Parameters.Keys)})");
            b[keyword] = keyword == "SSL Mode" ? SslMode(value) : value;
        }
        return b.ConnectionString;
    }

    /// <summary>"h1:5432,h2:5433" or "[::1]:5432": Npgsql takes several hosts, each with its own port, in Host.</summary>
    private static (string Hosts, string? Port) Hosts(string authority)
    {
        if (authority.Length == 0) return ("", null);
        var parts = authority.Split(',');
        if (parts.Length == 1)
        {
            var (h, p) = HostPort(parts[0]);
            return (h, p);
        }
        return (string.Join(",", parts.Select(part => HostPort(part) is var (h, p) && p is not null ? $"{h}:{p}" : h)), null);
    }

    private static (string Host, string? Port) HostPort(string s)
    {
        s = Decode(s);
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']');
            if (close < 0) throw new FormatException("the connection URI has an unclosed [ in its host");
            var host = s[1..close];
            var after = s[(close + 1)..];
            return (host, after.StartsWith(':') ? Port(after[1..]) : null);
        }
        int colon = s.LastIndexOf(':');
        return colon >= 0 ? (s[..colon], Port(s[(colon + 1)..])) : (s, null);
    }

    private static string Port(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536
            ? s
            : throw new FormatException($"the connection URI has a bad port '{s}'");

    /// <summary>libpq's sslmode words to Npgsql's.</summary>
    private static string SslMode(string v) => v.ToLowerInvariant() switch
    {
        "disable" => "Disable",
        "allow" => "Allow",
        "prefer" => "Prefer",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => throw new FormatException($"the connection URI has an unknown sslmode '{v}'"),
    };

    private static string Decode(string s) => Uri.UnescapeDataString(s);
}
