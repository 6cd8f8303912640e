using Npgsql;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Databases.Postgres;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>A throwaway PostgreSQL database for one test (dropped on dispose).</summary>
public sealed class ScratchPostgres(string setupSql = "") : PostgresDatabase(setupSql)
{
    /// <summary>The values of the first column of every row, as text (NULL as null).</summary>
    public List<string?> Column(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var reader = cmd.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>Runs a script as psql would with ON_ERROR_STOP; a RAISE EXCEPTION comes back as a <see cref="PostgresException"/>.</summary>
    public void Run(string script) => Execute(script);

    /// <summary>"r" table, "v" view, or null when no relation has the name.</summary>
    public string? Kind(string schema, string name) =>
        Column($"SELECT c.relkind::text FROM pg_class c WHERE c.oid = to_regclass({new PostgresNames().RegClass(new SchemaNorm.Decomposer.Migration.ObjectName(schema, name))})").SingleOrDefault();

    /// <summary>A relation's columns in order.</summary>
    public List<string> Columns(string schema, string name) =>
        Column($"SELECT column_name FROM information_schema.columns WHERE table_schema = {PostgresNames.Literal(schema)} AND table_name = {PostgresNames.Literal(name)} ORDER BY ordinal_position").Select(c => c!).ToList();

    /// <summary>Rows in <paramref name="a"/> and not in <paramref name="b"/>, and the other way round, counting duplicates, and the row counts.</summary>
    public (long Missing, long Extra, long RowsA, long RowsB) Compare(string a, string b, IEnumerable<string> columns)
    {
        var list = string.Join(", ", columns.Select(PostgresNames.Quote));
        long N(string sql) => Scalar<long>(sql);
        return (N($"SELECT count(*) FROM (SELECT {list} FROM {a} EXCEPT ALL SELECT {list} FROM {b}) d"),
                N($"SELECT count(*) FROM (SELECT {list} FROM {b} EXCEPT ALL SELECT {list} FROM {a}) d"),
                N($"SELECT count(*) FROM {a}"),
                N($"SELECT count(*) FROM {b}"));
    }

    /// <summary>
    /// Everything a migration could change in a schema: its relations and their kinds, its constraints (with
    /// the table each is on and what it references), and the rows of every table and view.
    /// </summary>
    public string Fingerprint(string schema = "public")
    {
        var parts = new List<string?>();
        var s = PostgresNames.Literal(schema);
        parts.AddRange(Column($"SELECT c.relname || ':' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = {s} ORDER BY 1"));
        parts.AddRange(Column($"SELECT conname || ':' || contype::text || ':' || conrelid::regclass::text || ':' || confrelid::regclass::text || ':' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = {s}::regnamespace ORDER BY 1"));
        foreach (var relation in Column($"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = {s} AND c.relkind IN ('r', 'v') ORDER BY 1"))
        {
            var name = PostgresNames.Quote(schema) + "." + PostgresNames.Quote(relation!);
            parts.Add(relation + "=" + Scalar<string>($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {name} t"));
        }
        return string.Join("\n", parts);
    }
}

/// <summary>Scripts for the tests: the original tables of a T-SQL script in PostgreSQL, and the command line's migration.</summary>
internal static class PostgresMigrationRun
{
    /// <summary>CREATE TABLE and INSERTs of the sample rows of every table the T-SQL script declares.</summary>
    public static string OriginalTables(string schemaSql)
    {
        var ingest = Ingestor.Ingest([schemaSql], new IngestOptions());
        Assert.False(ingest.HasErrors, string.Join("\n", ingest.Diagnostics));
        return PostgresSchemaScript.Write(ingest.Model.Tables);
    }

    public sealed record Scripts(string Forward, string Rollback, string Stderr);

    /// <summary>schemanorm migrate ... --dialect postgres -o migrate.sql, and the two files it writes.</summary>
    public static Scripts Migrate(params string[] args)
    {
        using var dir = new CliRunner.Scratch();
        var r = CliRunner.Run(["migrate", .. args, "--dialect", "postgres", "-o", Path.Combine(dir.Root, "migrate.sql")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stdout);
        return new Scripts(File.ReadAllText(Path.Combine(dir.Root, "migrate.sql")), File.ReadAllText(Path.Combine(dir.Root, "migrate.rollback.sql")), r.Stderr);
    }
}
