using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.TSql;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Sample rows from INSERT ... VALUES: literals, defaults, identity, unobserved columns, errors.</summary>
public class InsertDataTests
{
    [Fact]
    public void Every_kind_of_literal()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (S nvarchar(20), N int, D decimal(9,2), M money, B varbinary(10), X datetime, F float);
            GO
            INSERT INTO T VALUES (N'Straße', -42, 1.50, $12.50, 0xAbCd, CAST('2020-01-02' AS datetime), 1e3),
                                 ('it''s', +7, -.5, $-3, 0x, CONVERT(datetime, '20200103', 112), - -2.5);
            INSERT T (S, N) VALUES (NULL, CAST(-1 AS int));
            INSERT T (M, D) VALUES (£3.5, ((-(2.25))));
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(4, t.Data!.RowCount);
        Assert.Equal(("3.5", "-2.25"), (t.Data.Value(3, 3), t.Data.Value(3, 2)));
        Assert.Equal(new string?[] { "Straße", "-42", "1.50", "12.50", "0xAbCd", "2020-01-02", "1e3" }, t.Row(0));
        Assert.Equal(new string?[] { "it's", "7", "-.5", "-3", "0x", "20200103", "2.5" }, t.Row(1));
        Assert.Equal(new string?[] { null, "-1", null, null, null, null, null }, t.Row(2));
    }

    [Fact]
    public void The_fast_reader_and_scriptdom_read_the_same_values()
    {
        const string values = """
            (N'a', 'b''c', 1, -2, 3.25, -.5, 1.5E-3, $7, $-8.25, 0x0aFF, NULL, DEFAULT, CAST(N'2009-10-13T00:00:00.000' AS DateTime),
             CONVERT(varchar(10), 'x', 1), - 4, CAST(NULL AS int), '')
            """;
        var text = $"INSERT INTO [dbo].[T] ([a], \"b\", c) VALUES {values}, (1, 2)";
        var inserts = new List<FastInsert>();
        Assert.True(FastInsertScanner.TryScan(text, 0, text.Length, inserts, out _));
        var sink = new Collector();
        Assert.True(FastInsertScanner.ReadInsert(text, Assert.Single(inserts), sink));
        Assert.Equal(["a", "b", "c"], sink.ColumnNames!);
        Assert.Equal("[dbo].[T]", inserts[0].TargetName);

        var parsed = (TSqlScript)new TSql180Parser(true).Parse(new StringReader(text), out var errors);
        Assert.Empty(errors);
        var rows = ((ValuesInsertSource)((InsertStatement)parsed.Batches[0].Statements[0]).InsertSpecification.InsertSource).RowValues;
        Assert.Equal(rows.Count, sink.Rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var expected = rows[r].ColumnValues.Select(LiteralValues.Of).Select(v => (v.Kind, v.Text)).ToList();
            Assert.Equal(expected, sink.Rows[r]);
        }
    }

    [Theory]
    [InlineData("INSERT T VALUES (GETDATE())")]
    [InlineData("INSERT T SELECT 1")]
    [InlineData("INSERT T WITH (TABLOCK) VALUES (1)")]
    [InlineData("INSERT @t VALUES (1)")]
    [InlineData("INSERT T VALUES (1) UPDATE T SET a = 1")]
    [InlineData("INSERT T VALUES (1, @x)")]
    [InlineData("INSERT T VALUES ('open)")]
    [InlineData("INSERT T VALUES (1,, 2)")]
    [InlineData("INSERT T DEFAULT VALUES")]
    [InlineData("SET NOCOUNT ON")]
    [InlineData("INSERT T VALUES (1) -- schemanorm: fd T: a -> b")]
    public void The_fast_reader_leaves_anything_else_to_scriptdom(string text) =>
        Assert.False(FastInsertScanner.TryScan(text, 0, text.Length, [], out _));

    [Fact]
    public void The_fast_reader_stops_at_the_statement_it_cannot_read()
    {
        const string text = "INSERT T VALUES (1);\nINSERT T VALUES (2)\n  -- a comment\n  INSERT T VALUES (GETDATE());";
        var inserts = new List<FastInsert>();
        Assert.False(FastInsertScanner.TryScan(text, 0, text.Length, inserts, out int stop));
        Assert.Equal(2, inserts.Count);
        Assert.Equal(text.IndexOf("\n  -- a comment"), stop);
    }

    [Theory]
    [InlineData("SELECT 'INSERT' /* INSERT */ -- INSERT\n, [insert], (INSERT) FROM t;\ninsert x", "insert x")]
    [InlineData("EXEC p @insertion = 1; INSERTED; INSERT t", "INSERT t")]
    [InlineData("SELECT 1", null)]
    public void The_next_insert_keyword_outside_strings_comments_and_parentheses(string text, string? expected)
    {
        int at = FastInsertScanner.NextInsert(text, 0, text.Length);
        Assert.Equal(expected is null ? -1 : text.IndexOf(expected, StringComparison.Ordinal), at);
    }

    [Fact]
    public void One_odd_statement_in_a_long_data_batch_costs_only_itself()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 50).Select(i => i == 25 ? "INSERT T VALUES (25, GETDATE());" : $"INSERT T VALUES ({i}, '2020-01-01');"));
        var result = ScriptFolder.Ingest("CREATE TABLE T (Id int, At datetime);\nGO\n" + rows);
        result.NoErrors();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (string?)i.ToString()), result.Table("T").Column("Id"));
        Assert.Null(result.Table("T").Data!.Value(24, 1));
    }

    [Fact]
    public void Statements_that_hold_inserts_are_not_cut_apart()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int);
            GO
            INSERT T VALUES (1);
            IF 1 = 0
                INSERT T VALUES (2)
            ELSE
                INSERT T VALUES (3);
            MERGE T USING (SELECT 4 AS A) s ON T.A = s.A
                WHEN NOT MATCHED THEN INSERT (A) VALUES (s.A);
            INSERT T VALUES (5);
            GO
            CREATE PROCEDURE P AS SELECT 1
            INSERT T VALUES (6);
            GO
            INSERT T VALUES (7);
            """);
        result.NoErrors();
        // IF 1 = 0 is decided as the database would: its ELSE branch runs; the procedure body is code.
        Assert.Equal(new string?[] { "1", "3", "5", "7" }, result.Table("T").Column("A"));
    }

    private sealed class Collector : IInsertRowSink
    {
        public IReadOnlyList<string>? ColumnNames;
        public readonly List<List<(ValueKind, string?)>> Rows = [];
        public void Columns(IReadOnlyList<string>? columns) => ColumnNames = columns;
        public void Row(int offset, ReadOnlySpan<ValueSlot> values) => Rows.Add(values.ToArray().Select(v => (v.Kind, v.Text)).ToList());
    }

    [Fact]
    public void Left_out_columns_take_identity_values_and_literal_defaults()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (
              Id int IDENTITY(10, 5) PRIMARY KEY,
              Name varchar(20) NOT NULL,
              Kind char(1) NOT NULL DEFAULT 'A',
              Created datetime DEFAULT GETDATE(),
              Note varchar(20) NULL,
              Twice AS Id * 2
            );
            GO
            INSERT T (Name) VALUES ('one'), ('two');
            INSERT T (Name, Kind, Created) VALUES ('three', DEFAULT, '2020-01-01');
            SET IDENTITY_INSERT T ON;
            INSERT T (Id, Name) VALUES (100, 'explicit');
            SET IDENTITY_INSERT T OFF;
            INSERT T (Name) VALUES ('after');
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(new string?[] { "10", "15", "20", "100", "105" }, t.Column("Id"));
        Assert.Equal(new string?[] { "A", "A", "A", "A", "A" }, t.Column("Kind"));
        // No row gave Note a value, and only the database computes Twice. Created: one row gave a value.
        Assert.Equal(["Note", "Twice"], t.Data!.UnobservedColumns.Names(t.ColumnNames));
    }

    [Fact]
    public void The_default_keyword_takes_the_default_or_null()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int, B int DEFAULT -1, C int, D datetime DEFAULT GETDATE());
            GO
            INSERT T VALUES (1, DEFAULT, DEFAULT, DEFAULT);
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(new string?[] { "1", "-1", null, null }, t.Row(0));
        // C has no default, so DEFAULT stores NULL: a value. D's default only the database knows.
        Assert.Equal(["D"], t.Data!.UnobservedColumns.Names(t.ColumnNames));
    }

    [Fact]
    public void Without_a_column_list_values_skip_identity_computed_and_rowversion_columns()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (Id int IDENTITY, A int, Ver rowversion, Sum AS A + 1, B varchar(5));
            GO
            INSERT T VALUES (1, 'x'), (2, 'y');
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(new string?[] { "1", "1", null, null, "x" }, t.Row(0));
        Assert.Equal(["Ver", "Sum"], t.Data!.UnobservedColumns.Names(t.ColumnNames));
    }

    [Fact]
    public void Values_compare_as_the_column_type_says()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (D decimal(9,2), C char(5), V varchar(5), S varchar(5) COLLATE Latin1_General_CS_AS);
            GO
            INSERT T VALUES (1, 'ab', 'Abc', 'Abc'), (1.00, 'ab   ', 'ABC', 'ABC');
            """);
        result.NoErrors();
        var data = result.Table("T").Data!;
        Assert.Equal(data.Columns[0].Codes[0], data.Columns[0].Codes[1]); // 1 = 1.00
        Assert.Equal(data.Columns[1].Codes[0], data.Columns[1].Codes[1]); // char padding
        Assert.Equal(data.Columns[2].Codes[0], data.Columns[2].Codes[1]); // case-insensitive collation
        Assert.NotEqual(data.Columns[3].Codes[0], data.Columns[3].Codes[1]); // _CS_ collation

        var sensitive = ScriptFolder.Ingest("CREATE TABLE T (V varchar(5));\nGO\nINSERT T VALUES ('a'), ('A');", new IngestOptions { CaseSensitive = true });
        var codes = sensitive.Table("T").Data!.Columns[0].Codes;
        Assert.NotEqual(codes[0], codes[1]);
    }

    [Fact]
    public void Expressions_only_the_database_can_compute_are_placeholders()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int, B datetime, C int);
            GO
            INSERT T VALUES (1, GETDATE(), 1 + 1), (2, SYSDATETIME(), 3);
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(2, t.Data!.RowCount);
        Assert.Equal(["B"], t.Data.UnobservedColumns.Names(t.ColumnNames));
        Assert.Equal(new string?[] { null, "3" }, t.Column("C"));
    }

    [Fact]
    public void Insert_select_and_exec_rows_are_not_data()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int);
            CREATE TABLE S (A int);
            GO
            INSERT T SELECT A FROM S;
            INSERT INTO T (A) SELECT 1;
            INSERT T EXEC dbo.GetRows;
            INSERT S VALUES (1);
            """);
        result.NoErrors();
        Assert.Null(result.Table("T").Data);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("dbo.T", info.Message);
        Assert.Equal(4, info.Location!.Line);
        Assert.Equal(1, result.Table("S").Data!.RowCount);
    }

    [Fact]
    public void An_insert_into_an_unknown_table_is_an_error_and_the_rest_is_read()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE T (A int);\nGO\nINSERT T VALUES (1);\n  INSERT Nowhere VALUES (1);\nINSERT T VALUES (2);");
        var error = result.SingleError();
        Assert.Equal((4, 3), (error.Location!.Line, error.Location.Column));
        Assert.Contains("dbo.Nowhere", error.Message);
        Assert.Equal(2, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_an_error_at_the_row()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE T (A int, B int);\nGO\nINSERT T VALUES (1, 2),\n  (3),\n  (4, 5);\nINSERT T (A) VALUES (6, 7);");
        var errors = result.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Equal((4, 3), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Contains("1 values", errors[0].Message);
        Assert.Equal(6, errors[1].Location!.Line);
        Assert.Equal(new string?[] { "1", "4" }, result.Table("T").Column("A"));
    }

    [Fact]
    public void An_insert_naming_an_unknown_column_is_an_error()
    {
        var result = ScriptFolder.Ingest("CREATE TABLE T (A int);\nGO\nINSERT T (A, Z) VALUES (1, 2);");
        Assert.Contains("Z", result.SingleError().Message);
        Assert.Null(result.Table("T").Data);
    }

    [Fact]
    public void Rows_follow_the_columns_through_later_alter_table()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int, B int, C int);
            GO
            INSERT T VALUES (1, 2, 3);
            GO
            ALTER TABLE T DROP COLUMN B;
            ALTER TABLE T ADD D int NULL;
            EXEC sp_rename 'T.C', 'C2', 'COLUMN';
            GO
            INSERT T VALUES (4, 5, 6);
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(["A", "C2", "D"], t.ColumnNames);
        Assert.Equal(new string?[] { "1", "3", null }, t.Row(0));
        Assert.Equal(new string?[] { "4", "5", "6" }, t.Row(1));
    }

    [Fact]
    public void Rows_may_come_before_the_file_that_creates_their_table()
    {
        using var folder = new ScriptFolder();
        folder.Write("PostDeploy/Seed.sql", "INSERT INTO dbo.Color (Id, Name) VALUES (1, 'red'), (2, 'green');");
        folder.Write("Tables/Color.sql", "CREATE TABLE dbo.Color (Id int PRIMARY KEY, Name varchar(10));");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        Assert.Equal(new string?[] { "red", "green" }, result.Table("Color").Column("Name"));
    }

    [Fact]
    public void Rows_inserted_before_a_drop_table_are_gone()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int);
            GO
            INSERT T VALUES (1);
            GO
            DROP TABLE T;
            CREATE TABLE T (A int, B int);
            GO
            INSERT T VALUES (2, 3);
            """);
        result.NoErrors();
        Assert.Equal(new string?[] { "2" }, result.Table("T").Column("A"));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("dropped"));
    }

    [Fact]
    public void Inserts_inside_if_and_begin_blocks_run()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int);
            GO
            IF NOT EXISTS (SELECT 1 FROM T WHERE A = 1)
                INSERT T VALUES (1);
            BEGIN TRY
                BEGIN
                    INSERT T VALUES (2);
                END
            END TRY
            BEGIN CATCH
                INSERT T VALUES (3);
            END CATCH
            """);
        result.NoErrors();
        Assert.Equal(new string?[] { "1", "2" }, result.Table("T").Column("A"));
    }
}
