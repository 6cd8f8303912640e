namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// migrate --dialect postgres on a live database whose names and values are hostile or delicate: the
/// script runs, drops nothing it did not create, keeps numbers as they were written, and the rollback
/// leaves untouched rows as they were.
/// </summary>
public class PostgresHostileMigrationTests
{
    private static string Rows(Func<int, string, string> row)
    {
        var rows = new List<string>();
        for (int s = 1; s <= 6; s++)
            foreach (var g in new[] { "C1", "C2", "C3" }) rows.Add(row(s, g));
        return string.Join(", ", rows);
    }

    [PostgresFact]
    public void A_table_named_to_drop_another_is_migrated_and_rolled_back_and_the_other_table_survives()
    {
        const string table = "\"Enroll\nDROP TABLE public.\"\"Payroll\"\"; --\"";
        const string course = "\"Course`\n```\n# $$ */ -- \u2028x$schemanorm$\"";
        using var db = new ScratchPostgres(
            "CREATE TABLE public.\"Payroll\" (id int PRIMARY KEY); INSERT INTO public.\"Payroll\" VALUES (1);\n" +
            $"CREATE TABLE public.{table} (student int NOT NULL, {course} varchar(10) NOT NULL, title varchar(50) NOT NULL, PRIMARY KEY (student, {course}));\n" +
            $"INSERT INTO public.{table} VALUES {Rows((s, g) => $"({s}, '{g}', 'title of {g}\n```')")};");
        var original = db.Fingerprint();

        var scripts = PostgresMigrationRun.Migrate("--connection", db.ConnectionString, "--schema", "public");
        Assert.Contains("U&\"Enroll\\000aDROP TABLE public.\"\"Payroll\"\"; --\"", scripts.Forward);
        db.Run(scripts.Forward);
        Assert.Equal("r", db.Kind("public", "Payroll"));
        Assert.Equal("v", db.Kind("public", "Enroll\nDROP TABLE public.\"Payroll\"; --"));
        db.Run(scripts.Rollback);
        Assert.Equal("r", db.Kind("public", "Payroll"));
        Assert.Equal(original, db.Fingerprint());
    }

    [PostgresFact]
    public void Numbers_keep_their_text_and_the_rollback_rewrites_only_changed_rows()
    {
        // numeric without a scale keeps what was written (1.00, 2.000); float keeps the sign of zero.
        using var db = new ScratchPostgres(
            "CREATE TABLE public.sales (student int NOT NULL, course varchar(10) NOT NULL, amount numeric NOT NULL, weight float8 NOT NULL, PRIMARY KEY (student, course));\n" +
            $"INSERT INTO public.sales VALUES {Rows((s, g) => g switch { "C1" => $"({s}, 'C1', 1.00, '-0')", "C2" => $"({s}, 'C2', 2.000, 0.5)", _ => $"({s}, 'C3', 3, 1e-300)" })};");
        var before = db.Column("SELECT student || ':' || course || ':' || amount::text || ':' || weight::text FROM public.sales ORDER BY 1");
        Assert.Contains("1:C1:1.00:-0", before);

        var scripts = PostgresMigrationRun.Migrate("--connection", db.ConnectionString, "--schema", "public", "--table", "sales");
        db.Run(scripts.Forward);
        Assert.Equal("v", db.Kind("public", "sales"));
        Assert.Equal(before, db.Column("SELECT student || ':' || course || ':' || amount::text || ':' || weight::text FROM public.sales ORDER BY 1"));

        // A change through the new tables: only the rows of C2 differ from the old table.
        var untouched = db.Column("SELECT ctid::text FROM public.sales_unnormalized WHERE course <> 'C2' ORDER BY ctid");
        var holder = db.Column("SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace " +
                               "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname = 'amount' AND c.relname <> 'sales_unnormalized'").Single();
        db.Execute($"UPDATE public.\"{holder}\" SET amount = 2.50 WHERE course = 'C2'");
        db.Run(scripts.Rollback);
        Assert.Equal("r", db.Kind("public", "sales"));
        Assert.Equal(untouched, db.Column("SELECT ctid::text FROM public.sales WHERE course <> 'C2' ORDER BY ctid"));
        Assert.All(db.Column("SELECT amount::text FROM public.sales WHERE course = 'C2'"), a => Assert.Equal("2.50", a));
        Assert.All(db.Column("SELECT amount::text || ':' || weight::text FROM public.sales WHERE course = 'C1'"), a => Assert.Equal("1.00:-0", a));
    }

    [PostgresFact]
    public void Equal_values_written_differently_are_not_merged_the_migration_stops_and_changes_nothing()
    {
        // 0 and -0 are equal floats: by value course -> weight holds, by text it does not.
        using var dir = new CliRunner.Scratch();
        var schema = dir.Write("schema.sql",
            "CREATE TABLE dbo.w (student int NOT NULL, course varchar(10) NOT NULL,\n" +
            "    -- schemanorm: fd course -> weight\n" +
            "    weight float NOT NULL, PRIMARY KEY (student, course));\n");
        using var db = new ScratchPostgres(
            "CREATE TABLE public.w (student int NOT NULL, course varchar(10) NOT NULL, weight float8 NOT NULL, PRIMARY KEY (student, course));\n" +
            "INSERT INTO public.w VALUES (1, 'C1', 0), (2, 'C1', '-0'), (3, 'C2', 1);");
        var original = db.Fingerprint();
        var scripts = PostgresMigrationRun.Migrate(schema, "--no-discovery");
        var e = Assert.Throws<Npgsql.PostgresException>(() => db.Run(scripts.Forward));
        Assert.Contains("break it", e.MessageText);
        Assert.Equal(original, db.Fingerprint());
        Assert.Equal("r", db.Kind("public", "w"));
    }
}
