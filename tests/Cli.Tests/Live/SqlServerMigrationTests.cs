using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>A theory that runs only when SCHEMANORM_SQLSERVER names a SQL Server.</summary>
public sealed class SqlServerTheoryAttribute : TheoryAttribute
{
    public SqlServerTheoryAttribute()
    {
        if (SqlServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// The T-SQL migration run for real, as the PostgreSQL one is (<see cref="PostgresMigrationTests"/>): each
/// sample schema's script builds its table in a fresh SQL Server database, the command line writes the
/// migration of the same script, and the server runs it, runs it again, and rolls it back.
/// Skipped unless SCHEMANORM_SQLSERVER is set.
/// </summary>
public partial class SqlServerMigrationTests
{
    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    private sealed class Scratch : IDisposable
    {
        public Scratch(string script)
        {
            Name = "schemanorm_t_" + Guid.NewGuid().ToString("N")[..12];
            SqlServer.Execute(SqlServer.For("master"), $"CREATE DATABASE [{Name}] COLLATE SQL_Latin1_General_CP1_CI_AS");
            Run(script);
        }

        public string Name { get; }
        public string ConnectionString => SqlServer.For(Name, b => b.TrustServerCertificate = true);

        /// <summary>Runs a script batch by batch, as sqlcmd does; an error (THROW) comes back as a <see cref="SqlException"/>.</summary>
        public void Run(string script)
        {
            foreach (var batch in GoLine().Split(script).Where(b => b.Trim().Length > 0))
                SqlServer.Execute(ConnectionString, batch);
        }

        public T Scalar<T>(string sql) => SqlServer.Scalar<T>(ConnectionString, sql);

        /// <summary>Objects by name and kind, and each table's and view's rows (count and checksum).</summary>
        public string Fingerprint()
        {
            var parts = new List<string>();
            using var c = new SqlConnection(ConnectionString);
            c.Open();
            var objects = new List<(string Schema, string Name, string Type)>();
            using (var cmd = new SqlCommand("SELECT SCHEMA_NAME(schema_id), name, RTRIM(type) FROM sys.objects WHERE is_ms_shipped = 0 ORDER BY 1, 2", c))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) objects.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            foreach (var (schema, name, type) in objects)
            {
                parts.Add($"{schema}.{name}:{type}");
                if (type is "U" or "V")
                {
                    using var rows = new SqlCommand($"SELECT CONCAT(COUNT_BIG(*), ':', CHECKSUM_AGG(BINARY_CHECKSUM(*))) FROM [{schema}].[{name}]", c);
                    parts.Add(" rows " + rows.ExecuteScalar());
                }
            }
            return string.Join("\n", parts);
        }

        public void Dispose()
        {
            SqlConnection.ClearAllPools();
            SqlServer.Execute(SqlServer.For("master"), $"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]");
        }
    }

    public static TheoryData<string> Samples() => PostgresMigrationTests.Samples();

    private static string Schema(string folder) => Path.Combine(TestPaths.SampleSchemas, folder, "schema.sql");

    private static (string Forward, string Rollback) Migrate(string schema)
    {
        using var dir = new CliRunner.Scratch();
        var r = CliRunner.Run("migrate", schema, "--target", "5NF", "-o", Path.Combine(dir.Root, "m.sql"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        return (File.ReadAllText(Path.Combine(dir.Root, "m.sql")), File.ReadAllText(Path.Combine(dir.Root, "m.rollback.sql")));
    }

    [SqlServerTheory]
    [MemberData(nameof(Samples))]
    public void The_migration_runs_the_view_returns_the_old_rows_a_second_run_changes_nothing_and_the_rollback_restores_the_table(string folder)
    {
        var table = Assert.Single(SchemaNorm.Analyzer.Ingest.Ingestor.Ingest([Schema(folder)], new()).Model.Tables).Name.Name;
        using var db = new Scratch(File.ReadAllText(Schema(folder)));
        db.Run($"SELECT * INTO dbo.[snapshot_{table}] FROM dbo.[{table}]");
        var original = db.Fingerprint();
        var (forward, rollback) = Migrate(Schema(folder));

        db.Run(forward);
        var migrated = db.Fingerprint();
        bool decomposed = db.Scalar<string>($"SELECT RTRIM(type) FROM sys.objects WHERE object_id = OBJECT_ID(N'dbo.[{table}]')") == "V";
        if (decomposed)
        {
            Assert.Equal("U", db.Scalar<string>($"SELECT RTRIM(type) FROM sys.objects WHERE object_id = OBJECT_ID(N'dbo.[{table}_unnormalized]')"));
            Assert.Equal(0, db.Scalar<int>($"SELECT COUNT(*) FROM (SELECT * FROM dbo.[snapshot_{table}] EXCEPT SELECT * FROM dbo.[{table}]) d"));
            Assert.Equal(0, db.Scalar<int>($"SELECT COUNT(*) FROM (SELECT * FROM dbo.[{table}] EXCEPT SELECT * FROM dbo.[snapshot_{table}]) d"));
            Assert.Equal(db.Scalar<int>($"SELECT COUNT(*) FROM dbo.[snapshot_{table}]"), db.Scalar<int>($"SELECT COUNT(*) FROM dbo.[{table}]"));
        }
        else Assert.Equal(original, migrated); // a 1NF-only sample: nothing to migrate

        db.Run(forward);
        Assert.Equal(migrated, db.Fingerprint());
        db.Run(rollback);
        Assert.Equal(original, db.Fingerprint());
        db.Run(rollback);
        Assert.Equal(original, db.Fingerprint());
    }

    [SqlServerFact]
    public void A_row_that_breaks_a_dependency_stops_the_migration_and_changes_nothing()
    {
        var schema = Schema("1-partial-dependency");
        using var db = new Scratch(File.ReadAllText(schema));
        var (forward, _) = Migrate(schema);
        db.Run("INSERT INTO dbo.Enrollment VALUES (1007, 'DB101', 'A', N'Databases, the sequel', 5)");
        var before = db.Fingerprint();
        var e = Assert.Throws<SqlException>(() => db.Run(forward));
        Assert.Equal(50001, e.Number); // the pre-flight check's THROW
        Assert.Contains("break it: 1 ", e.Message);
        Assert.Equal(before, db.Fingerprint());
    }
}
