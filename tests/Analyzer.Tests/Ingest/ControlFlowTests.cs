using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Scripts read as they would run on an empty database: guards evaluated, both IF branches followed.</summary>
public class ControlFlowTests
{
    private static IngestResult Read(string sql) => ScriptFolder.Ingest(sql);

    private static IReadOnlyList<Diagnostic> Infos(IngestResult r) => r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Info).ToList();

    [Fact]
    public void Object_id_guard_before_the_tables_exist_skips_the_drop()
    {
        var result = Read("""
            IF OBJECT_ID(N'dbo.FK_C_P', N'F') IS NOT NULL ALTER TABLE dbo.C DROP CONSTRAINT FK_C_P;
            CREATE TABLE dbo.P (Id int PRIMARY KEY);
            CREATE TABLE dbo.C (Id int PRIMARY KEY, PId int CONSTRAINT FK_C_P REFERENCES dbo.P (Id));
            """);
        result.NoErrors();
        Assert.Equal("FK_C_P", Assert.Single(result.Table("dbo.C").ForeignKeys).Name);
    }

    [Fact]
    public void Object_id_guard_that_holds_runs_its_statement()
    {
        var result = Read("""
            CREATE TABLE dbo.P (Id int PRIMARY KEY);
            CREATE TABLE dbo.C (Id int PRIMARY KEY, PId int CONSTRAINT FK_C_P REFERENCES dbo.P (Id));
            IF OBJECT_ID(N'[dbo].[FK_C_P]', N'F') IS NOT NULL ALTER TABLE dbo.C DROP CONSTRAINT FK_C_P;
            IF OBJECT_ID(N'dbo.C', N'U') IS NULL CREATE TABLE dbo.C (Id int);
            """);
        result.NoErrors();
        Assert.Empty(result.Table("dbo.C").ForeignKeys);
    }

    [Fact]
    public void Col_length_guard_adds_only_missing_columns()
    {
        var result = Read("""
            CREATE TABLE dbo.T (Id int);
            IF COL_LENGTH('dbo.T', 'Id') IS NULL ALTER TABLE dbo.T ADD Id int;
            IF COL_LENGTH('dbo.T', 'Name') IS NULL ALTER TABLE dbo.T ADD Name nvarchar(20);
            """);
        result.NoErrors();
        Assert.Equal(["Id", "Name"], result.Table("dbo.T").ColumnNames);
    }

    [Fact]
    public void Else_branch_runs_when_the_condition_is_false()
    {
        var result = Read("""
            IF OBJECT_ID('dbo.T', 'U') IS NOT NULL
                PRINT 'already there';
            ELSE
            BEGIN
                CREATE TABLE dbo.T (a int PRIMARY KEY);
                INSERT INTO dbo.T VALUES (1), (2);
            END
            """);
        result.NoErrors();
        Assert.Equal(2, result.Table("dbo.T").Data!.RowCount);
    }

    [Fact]
    public void Exists_over_sys_tables_joined_to_sys_schemas_and_information_schema()
    {
        var result = Read("""
            IF NOT EXISTS (SELECT 1 FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = 'dbo' AND t.name = 'T')
            BEGIN
                CREATE TABLE dbo.T (a int PRIMARY KEY);
            END
            GO
            IF NOT EXISTS (SELECT * FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'dbo' AND TABLE_NAME = 'T') CREATE TABLE dbo.T (b int);
            IF NOT EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dbo].[T]') AND type IN (N'U')) CREATE TABLE dbo.T (c int);
            IF NOT EXISTS (SELECT * FROM dbo.sysobjects WHERE id = OBJECT_ID(N'dbo.T') AND OBJECTPROPERTY(id, N'IsUserTable') = 1) CREATE TABLE dbo.T (d int);
            IF (SELECT COUNT(*) FROM sys.tables WHERE name = 'T') = 0 CREATE TABLE dbo.T (e int);
            """);
        result.NoErrors();
        Assert.Equal(["a"], result.Table("dbo.T").ColumnNames);
    }

    [Fact]
    public void Exists_over_sys_columns_information_schema_columns_and_sys_indexes()
    {
        var result = Read("""
            CREATE TABLE dbo.T (a int PRIMARY KEY);
            IF NOT EXISTS (SELECT * FROM sys.columns WHERE object_id = OBJECT_ID('dbo.T') AND name = 'b') ALTER TABLE dbo.T ADD b int;
            IF NOT EXISTS (SELECT * FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'T' AND COLUMN_NAME = 'b') ALTER TABLE dbo.T ADD b int;
            IF NOT EXISTS (SELECT * FROM sys.indexes WHERE name = 'UX_T_b' AND object_id = OBJECT_ID('dbo.T')) CREATE UNIQUE INDEX UX_T_b ON dbo.T (b);
            IF INDEXPROPERTY(OBJECT_ID('dbo.T'), 'UX_T_b', 'IndexID') IS NULL CREATE UNIQUE INDEX UX_T_b ON dbo.T (b);
            IF NOT EXISTS (SELECT * FROM sys.indexes WHERE name = 'IX_T_b') CREATE INDEX IX_T_b ON dbo.T (b);
            IF EXISTS (SELECT * FROM sys.indexes WHERE name = 'IX_T_b') CREATE UNIQUE INDEX UX_T_a_b ON dbo.T (a, b);
            """);
        result.NoErrors();
        var t = result.Table("dbo.T");
        Assert.Equal(["a", "b"], t.ColumnNames);
        Assert.Equal(["UX_T_b", "UX_T_a_b"], t.UniqueIndexes.Select(i => i.Name));
    }

    [Fact]
    public void Schema_type_and_foreign_key_guards()
    {
        var result = Read("""
            IF SCHEMA_ID(N'sales') IS NULL EXEC (N'CREATE SCHEMA sales');
            IF NOT EXISTS (SELECT * FROM sys.schemas WHERE name = N'sales') CREATE TABLE dbo.Wrong (a int);
            IF TYPE_ID(N'dbo.Code') IS NULL CREATE TYPE dbo.Code FROM char(4) NOT NULL;
            IF TYPE_ID(N'dbo.Code') IS NULL CREATE TYPE dbo.Code FROM int;
            CREATE TABLE sales.P (Id dbo.Code PRIMARY KEY);
            CREATE TABLE sales.C (Id int PRIMARY KEY, PId dbo.Code);
            IF NOT EXISTS (SELECT * FROM sys.foreign_keys WHERE name = 'FK_C_P' AND parent_object_id = OBJECT_ID('sales.C'))
                ALTER TABLE sales.C ADD CONSTRAINT FK_C_P FOREIGN KEY (PId) REFERENCES sales.P (Id);
            IF NOT EXISTS (SELECT * FROM sys.foreign_keys WHERE name = 'FK_C_P')
                ALTER TABLE sales.C ADD CONSTRAINT FK_C_P FOREIGN KEY (PId) REFERENCES sales.P (Id);
            """);
        result.NoErrors();
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Null(result.Model.Find("dbo.Wrong"));
        Assert.Equal("char", result.Table("sales.P").Columns[0].Type.Name);
        Assert.Single(result.Table("sales.C").ForeignKeys);
    }

    [Fact]
    public void Not_and_or_combine_in_three_valued_logic()
    {
        var result = Read("""
            IF OBJECT_ID('dbo.A') IS NULL AND NOT (OBJECT_ID('dbo.B') IS NOT NULL OR 1 = 0) CREATE TABLE dbo.A (a int);
            IF OBJECT_ID('dbo.A') IS NOT NULL OR @force = 1 CREATE TABLE dbo.B (a int);
            IF OBJECT_ID('dbo.A') IS NULL AND @force = 1 CREATE TABLE dbo.C (a int);
            """);
        result.NoErrors();
        Assert.NotNull(result.Model.Find("dbo.A"));
        Assert.NotNull(result.Model.Find("dbo.B")); // true OR unknown
        Assert.Null(result.Model.Find("dbo.C"));    // false AND unknown
        Assert.Empty(Infos(result));
    }

    [Fact]
    public void Undecidable_condition_takes_the_then_branch_and_says_so()
    {
        var result = Read("""
            DECLARE @v int = 1;
            IF @v = 1 CREATE TABLE dbo.T (a int);
            IF @v = 2 PRINT 'nothing' ELSE CREATE TABLE dbo.U (a int);
            IF @v = 3 PRINT 'no table here';
            """);
        result.NoErrors();
        Assert.NotNull(result.Model.Find("dbo.T"));
        Assert.NotNull(result.Model.Find("dbo.U"));
        var notes = Infos(result);
        Assert.Equal(2, notes.Count);
        Assert.Equal(2, notes[0].Location!.Line);
        Assert.Contains("@v = 1", notes[0].Message);
        Assert.Contains("read as if the condition held", notes[0].Message);
        Assert.Equal(3, notes[1].Location!.Line);
        Assert.Contains("ELSE branch is read", notes[1].Message);
    }

    [Fact]
    public void Condition_over_a_user_tables_rows_is_undecidable()
    {
        var result = Read("""
            CREATE TABLE dbo.T (a int PRIMARY KEY);
            IF NOT EXISTS (SELECT * FROM dbo.T WHERE a = 1) INSERT INTO dbo.T VALUES (1);
            """);
        result.NoErrors();
        Assert.Equal(1, result.Table("dbo.T").Data!.RowCount);
        Assert.Contains("cannot be decided", Assert.Single(Infos(result)).Message);
    }

    [Fact]
    public void Create_schema_elements_are_created_in_that_schema()
    {
        var result = Read("CREATE SCHEMA s AUTHORIZATION dbo CREATE TABLE T (a int PRIMARY KEY) CREATE TABLE U (b int);");
        result.NoErrors();
        Assert.Equal(["a"], result.Table("s.T").PrimaryKey!.Columns);
        Assert.Equal(new QualifiedName("s", "U"), result.Table("s.U").Name);
    }

    [Fact]
    public void Exec_of_a_literal_is_read_and_located_inside_the_literal()
    {
        var result = Read("""
            EXEC ('CREATE TABLE dbo.T (a int PRIMARY KEY, b varchar(5) DEFAULT (''x''))');
            EXEC sp_executesql N'CREATE TABLE dbo.U (a int)';
            EXEC (N'CREATE TABLE dbo.T (a int)');
            """);
        var t = result.Table("dbo.T");
        Assert.Equal("'x'", t.FindColumn("b")!.DefaultExpression);
        Assert.NotNull(result.Model.Find("dbo.U"));
        var error = result.SingleError();
        Assert.Contains("created twice", error.Message);
        Assert.Equal((3, 9), (error.Location!.Line, error.Location.Column));
        Assert.Equal((1, 8), (t.Location.Line, t.Location.Column));
    }

    [Fact]
    public void Exec_of_a_multi_line_literal_locates_each_line()
    {
        var result = Read("""
            EXEC ('
            CREATE TABLE dbo.T (a int, b char(1) DEFAULT (''x''));
              CREATE TABLE dbo.T (a int);');
            """);
        var error = result.SingleError();
        Assert.Equal((3, 3), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Exec_of_text_built_at_run_time_is_a_note()
    {
        var result = Read("""
            DECLARE @sql nvarchar(max) = N'CREATE TABLE dbo.T (a int)';
            EXEC (@sql);
            """);
        result.NoErrors();
        var note = Assert.Single(Infos(result));
        Assert.Equal(2, note.Location!.Line);
    }

    [Fact]
    public void Drop_existing_redefines_the_index()
    {
        var result = Read("""
            CREATE TABLE dbo.T (a int, b int);
            CREATE UNIQUE INDEX UX ON dbo.T (a);
            CREATE UNIQUE INDEX UX ON dbo.T (b) WITH (DROP_EXISTING = ON);
            """);
        result.NoErrors();
        Assert.Equal(["b"], Assert.Single(result.Table("dbo.T").UniqueIndexes).Columns);

        var missing = Read("""
            CREATE TABLE dbo.T (a int);
            CREATE UNIQUE INDEX UX ON dbo.T (a) WITH (DROP_EXISTING = ON);
            """);
        Assert.Contains("DROP_EXISTING", missing.SingleError().Message);

        var toNonUnique = Read("""
            CREATE TABLE dbo.T (a int);
            CREATE UNIQUE INDEX UX ON dbo.T (a);
            CREATE INDEX UX ON dbo.T (a) WITH (DROP_EXISTING = ON);
            """);
        toNonUnique.NoErrors();
        Assert.Empty(toNonUnique.Table("dbo.T").UniqueIndexes);
    }

    [Fact]
    public void Temporal_table_creates_its_keyless_history_table_which_is_not_reported()
    {
        var result = Read("""
            CREATE TABLE dbo.Price (
              Id int PRIMARY KEY, Amount money,
              ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
              ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
              PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
            WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.PriceHistory));
            """);
        result.NoErrors();
        var history = result.Table("dbo.PriceHistory");
        Assert.Equal(TableKind.TemporalHistory, history.Kind);
        Assert.Equal(["Id", "Amount", "ValidFrom", "ValidTo"], history.ColumnNames);
        Assert.Null(history.PrimaryKey);
        var analysis = SchemaAnalyzer.Analyze(result.Model, AnalysisOptions.Default, new DiagnosticBag());
        Assert.DoesNotContain(analysis.Findings, f => f.RuleId == "SN1001");
    }

    [Fact]
    public void Alter_table_set_system_versioning_marks_an_existing_history_table()
    {
        var result = Read("""
            CREATE TABLE dbo.H (Id int, ValidFrom datetime2 NOT NULL, ValidTo datetime2 NOT NULL);
            CREATE TABLE dbo.T (Id int PRIMARY KEY, ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
              ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL, PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo));
            ALTER TABLE dbo.T SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.H));
            """);
        result.NoErrors();
        Assert.Equal(TableKind.TemporalHistory, result.Table("dbo.H").Kind);
    }

    [Fact]
    public void Graph_tables_have_pseudo_columns_and_edges_are_not_reported_keyless()
    {
        var result = Read("""
            CREATE TABLE dbo.Person (Id int PRIMARY KEY, Name nvarchar(50)) AS NODE;
            CREATE TABLE dbo.Likes (Rating int) AS EDGE;
            CREATE TABLE dbo.Knows AS EDGE;
            INSERT INTO dbo.Likes ($from_id, $to_id, Rating) VALUES (N'a', N'b', 5);
            """);
        result.NoErrors();
        Assert.Equal(["$node_id", "Id", "Name"], result.Table("dbo.Person").ColumnNames);
        Assert.Equal(TableKind.GraphNode, result.Table("dbo.Person").Kind);
        Assert.Equal(["$edge_id", "$from_id", "$to_id", "Rating"], result.Table("dbo.Likes").ColumnNames);
        Assert.Equal(TableKind.GraphEdge, result.Table("dbo.Knows").Kind);
        Assert.Equal(["a", "b", "5"], result.Table("dbo.Likes").Row(0).Skip(1));
        var analysis = SchemaAnalyzer.Analyze(result.Model, AnalysisOptions.Default, new DiagnosticBag());
        Assert.DoesNotContain(analysis.Findings, f => f.RuleId == "SN1001");
    }

    [Fact]
    public void Spatial_and_hierarchy_types_are_system_types()
    {
        var result = Read("CREATE TABLE dbo.Place (Id int PRIMARY KEY, Spot geography, Shape geometry, Node hierarchyid, Node2 sys.hierarchyid);");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("hierarchyid", result.Table("dbo.Place").FindColumn("Node2")!.Type.Name);
    }

    [Fact]
    public void Foreign_key_to_a_missing_table_is_a_located_warning()
    {
        var result = Read("""
            CREATE TABLE dbo.C (Id int PRIMARY KEY,
              PId int CONSTRAINT FK_C_P REFERENCES dbo.Missing (Id));
            """);
        result.NoErrors();
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("dbo.Missing", warning.Message);
        Assert.Equal((2, 11), (warning.Location!.Line, warning.Location.Column));
    }

    [Fact]
    public void Computed_column_on_a_missing_column_is_a_located_warning()
    {
        var result = Read("""
            CREATE TABLE dbo.T (Id int PRIMARY KEY, Price money, Qty int,
              Total AS Price * Quantity);
            """);
        result.NoErrors();
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("Quantity", warning.Message);
        Assert.Equal((2, 20), (warning.Location!.Line, warning.Location.Column));
    }
}
