using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Options;

/// <summary>
/// The options that read a live database instead of files. A command that loads a model takes
/// <see cref="All"/>; a command without a --table of its own adds <see cref="Tables"/> (a command whose
/// --table names the one table to work on reads just that table from the database).
/// </summary>
internal static class LiveOptions
{
    public static readonly OptionSpec Connection = new("connection", OptionArity.Single,
        "read the schema and sample rows from a live SQL Server or PostgreSQL database instead of files: a connection string, a postgres:// URI, or env:NAME to take it from an environment variable", "STRING");
    public static readonly OptionSpec Provider = new("provider", OptionArity.Single,
        "the server behind --connection: sqlserver or postgres (default: told by the connection string)", "NAME");
    public static readonly OptionSpec SampleRows = new("sample-rows", OptionArity.Single,
        $"rows read per table from --connection (default {LiveSettings.DefaultSampleRows:N0}; 0 reads the schema only)", "N");
    public static readonly OptionSpec QueryTimeout = new("query-timeout", OptionArity.Single,
        $"time limit of each query sent to --connection, in seconds (default {LiveSettings.DefaultQueryTimeoutSeconds}; 0 for none)", "SECONDS");
    public static readonly OptionSpec Schema = new("schema", OptionArity.Multiple,
        "with --connection: read only the schemas matching PATTERN (* and ?; repeatable)", "PATTERN");
    public static readonly OptionSpec Tables = new("table", OptionArity.Multiple,
        "with --connection: read only the tables matching PATTERN (name or schema.name, * and ?; repeatable)", "PATTERN");

    public static IReadOnlyList<OptionSpec> All { get; } = [Connection, Provider, SampleRows, QueryTimeout, Schema];

    /// <summary>The live database to read, or null when the run reads files.</summary>
    public static LiveSettings? From(ParsedArguments args)
    {
        if (args.Get("connection") is not { } text)
        {
            foreach (var name in new[] { "provider", "sample-rows", "query-timeout", "schema" })
                if (args.Has(name)) throw new UsageException($"--{name} applies to a live database: give --connection too");
            return null;
        }
        if (args.Positionals.Count > 0)
            throw new UsageException("give either files and folders or --connection, not both");
        return Parse(args, text);
    }

    private static LiveSettings Parse(ParsedArguments args, string text)
    {
        if (!LiveDatabases.InProcess) throw LiveDatabases.NotInThisBuild(); // the connection string is read by the clients' own parsers
        DatabaseProvider? provider = args.Get("provider") is null ? null
            : args.Choice("provider", "", "sqlserver", "mssql", "postgres", "postgresql") is "sqlserver" or "mssql"
                ? DatabaseProvider.SqlServer
                : DatabaseProvider.PostgreSql;

        if (text.StartsWith("env:", StringComparison.Ordinal))
        {
            var variable = text[4..];
            text = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
                ? value
                : throw new UsageException($"--connection env:{variable}: the environment variable {variable} is not set");
        }

        ConnectionTarget target;
        try
        {
            target = ConnectionTarget.Parse(text, provider);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--connection: {e.Message}");
        }

        TableFilter filter;
        try
        {
            filter = new TableFilter(args.GetAll("schema"), args.GetAll("table"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"--table: {e.Message}");
        }

        return new LiveSettings
        {
            Target = target,
            SampleRows = args.Int("sample-rows", min: 0) ?? LiveSettings.DefaultSampleRows,
            QueryTimeoutSeconds = args.Int("query-timeout", min: 0, max: 24 * 3600) ?? LiveSettings.DefaultQueryTimeoutSeconds,
            Filter = filter,
        };
    }
}
