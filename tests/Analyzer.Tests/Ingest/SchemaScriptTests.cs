using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>DDL read into the model: every constraint placement, ALTER/DROP, types, names, locations.</summary>
public class SchemaScriptTests
{
    private static IngestResult Read(string sql) => ScriptFolder.Ingest(sql);

    [Fact]
    public void Keys_on_columns_at_table_level_and_by_alter_table()
    {
        var result = Read("""
            CREATE TABLE dbo.Dept (Id int NOT NULL PRIMARY KEY, Code char(4) UNIQUE, Name nvarchar(40));
            CREATE TABLE dbo.Emp (
              Id int NOT NULL,
              Ssn char(9) NOT NULL,
              DeptId int REFERENCES dbo.Dept(Id),
              Boss int,
              CONSTRAINT PK_Emp PRIMARY KEY NONCLUSTERED (Id),
              CONSTRAINT UQ_Emp_Ssn UNIQUE (Ssn),
              CONSTRAINT FK_Emp_Boss FOREIGN KEY (Boss) REFERENCES Emp,
              CONSTRAINT CK_Emp CHECK (Id > 0)
            );
            CREATE TABLE Job (Code int, Title varchar(20));
            GO
            ALTER TABLE Job WITH NOCHECK ADD CONSTRAINT PK_Job PRIMARY KEY (Code), CONSTRAINT UQ_Job UNIQUE (Title),
              CONSTRAINT FK_Job_Dept FOREIGN KEY (Code) REFERENCES Dept (Id), CONSTRAINT CK_Job CHECK (Code < 100);
            """);
        result.NoErrors();
        var dept = result.Table("Dept");
        Assert.Equal(["Id"], dept.PrimaryKey!.Columns);
        Assert.True(dept.PrimaryKey.IsClustered);
        Assert.Equal(["Code"], Assert.Single(dept.UniqueConstraints).Columns);

        var emp = result.Table("Emp");
        Assert.Equal("PK_Emp", emp.PrimaryKey!.Name);
        Assert.False(emp.PrimaryKey.IsClustered);
        Assert.Equal(["Ssn"], Assert.Single(emp.UniqueConstraints).Columns);
        var toDept = emp.ForeignKeys.Single(f => f.Columns.SequenceEqual(["DeptId"]));
        Assert.Equal(new QualifiedName("dbo", "Dept"), toDept.ReferencedTable);
        Assert.Equal(["Id"], toDept.ReferencedColumns);
        var toBoss = emp.ForeignKeys.Single(f => f.Name == "FK_Emp_Boss");
        Assert.Empty(toBoss.ReferencedColumns);
        Assert.Equal("Id > 0", Assert.Single(emp.CheckConstraints).Expression);

        var job = result.Table("Job");
        Assert.Equal(["Code"], job.PrimaryKey!.Columns);
        Assert.False(job.FindColumn("Code")!.IsNullable); // a primary key makes its columns NOT NULL
        Assert.Equal("UQ_Job", Assert.Single(job.UniqueConstraints).Name);
        Assert.False(Assert.Single(job.ForeignKeys).IsTrusted); // WITH NOCHECK
        Assert.Equal("CK_Job", Assert.Single(job.CheckConstraints).Name);
    }

    [Fact]
    public void Nocheck_constraint_leaves_foreign_keys_untrusted_until_with_check_check()
    {
        var result = Read("""
            CREATE TABLE P (Id int PRIMARY KEY);
            CREATE TABLE A (P int CONSTRAINT FK_A FOREIGN KEY REFERENCES P);
            CREATE TABLE B (P int CONSTRAINT FK_B FOREIGN KEY REFERENCES P);
            CREATE TABLE C (P int CONSTRAINT FK_C FOREIGN KEY REFERENCES P);
            ALTER TABLE A NOCHECK CONSTRAINT ALL;
            ALTER TABLE A CHECK CONSTRAINT ALL;
            ALTER TABLE B NOCHECK CONSTRAINT FK_B;
            ALTER TABLE B WITH CHECK CHECK CONSTRAINT FK_B;
            ALTER TABLE C CHECK CONSTRAINT FK_C;
            """);
        result.NoErrors();
        // As in SQL Server: re-enabling without WITH CHECK does not check the rows already there.
        Assert.False(result.Table("A").ForeignKeys[0].IsTrusted);
        Assert.True(result.Table("B").ForeignKeys[0].IsTrusted);
        Assert.True(result.Table("C").ForeignKeys[0].IsTrusted);
    }

    [Fact]
    public void Alter_and_drop_change_the_end_state()
    {
        var result = Read("""
            CREATE TABLE T (A int NOT NULL, B varchar(10), C int CONSTRAINT DF_C DEFAULT 5, D int, CONSTRAINT PK_T PRIMARY KEY (A), CONSTRAINT UQ_D UNIQUE (D));
            ALTER TABLE T ADD E datetime NULL, F int NOT NULL CONSTRAINT DF_F DEFAULT 0;
            ALTER TABLE T ALTER COLUMN B nvarchar(20) NOT NULL;
            ALTER TABLE T DROP CONSTRAINT UQ_D;
            ALTER TABLE T DROP COLUMN D;
            ALTER TABLE T DROP CONSTRAINT DF_C;
            ALTER TABLE T ADD CONSTRAINT DF_E DEFAULT '2020-01-01' FOR E;
            CREATE TABLE Gone (X int);
            DROP TABLE IF EXISTS Gone, NeverThere;
            """);
        result.NoErrors();
        Assert.Null(result.Model.Find("Gone"));
        var t = result.Table("T");
        Assert.Equal(["A", "B", "C", "E", "F"], t.ColumnNames);
        Assert.Equal(new SqlType("nvarchar", Length: 20), t.FindColumn("B")!.Type);
        Assert.False(t.FindColumn("B")!.IsNullable);
        Assert.Empty(t.UniqueConstraints);
        Assert.Null(t.FindColumn("C")!.DefaultExpression);
        Assert.Equal("'2020-01-01'", t.FindColumn("E")!.DefaultExpression);
        Assert.Equal("0", t.FindColumn("F")!.DefaultExpression);
    }

    [Fact]
    public void Dropping_a_column_that_a_key_uses_is_an_error_and_keeps_the_column()
    {
        var result = Read("""
            CREATE TABLE T (A int NOT NULL PRIMARY KEY, B int);
            ALTER TABLE T DROP COLUMN A;
            """);
        var error = result.SingleError();
        Assert.Equal(2, error.Location!.Line);
        Assert.Contains("drop column A", error.Message);
        Assert.Equal(["A", "B"], result.Table("T").ColumnNames);
    }

    [Fact]
    public void Alias_types_from_create_type_and_sp_addtype()
    {
        var result = Read("""
            CREATE TYPE dbo.Name FROM nvarchar(50) NULL;
            CREATE TYPE [Flag] FROM bit NOT NULL;
            EXEC sp_addtype 'Phone', 'varchar(24)', 'NOT NULL';
            EXECUTE sp_addtype zip, 'char(5)';
            GO
            CREATE TABLE P (
              Id int PRIMARY KEY,
              Name dbo.Name,
              Nick [Name] NOT NULL,
              Active Flag,
              MaybeActive Flag NULL,
              Phone Phone,
              Zip zip,
              Alias sysname
            );
            """);
        result.NoErrors();
        Assert.Equal(4, result.Model.AliasTypes.Count);
        var p = result.Table("P");
        var name = p.FindColumn("Name")!;
        Assert.Equal(new SqlType("nvarchar", Length: 50) { Alias = new QualifiedName("dbo", "Name") }, name.Type);
        Assert.True(name.IsNullable);
        Assert.False(p.FindColumn("Nick")!.IsNullable); // the column's own NOT NULL wins
        Assert.False(p.FindColumn("Active")!.IsNullable); // the alias' NOT NULL applies when the column says nothing
        Assert.True(p.FindColumn("MaybeActive")!.IsNullable);
        Assert.Equal("bit", p.FindColumn("Active")!.Type.Name);
        var phone = p.FindColumn("Phone")!;
        Assert.Equal(new SqlType("varchar", Length: 24) { Alias = new QualifiedName("dbo", "Phone") }, phone.Type);
        Assert.False(phone.IsNullable);
        Assert.Equal(new SqlType("char", Length: 5) { Alias = new QualifiedName("dbo", "zip") }, p.FindColumn("Zip")!.Type);
        Assert.True(p.FindColumn("Zip")!.IsNullable);
        Assert.False(p.FindColumn("Alias")!.IsNullable); // sysname is NOT NULL by default
    }

    [Fact]
    public void An_alias_type_created_by_a_later_file_is_resolved()
    {
        using var folder = new ScriptFolder();
        folder.Write("a_tables.sql", "CREATE TABLE T (Id int PRIMARY KEY, Name dbo.Name);");
        folder.Write("b_types.sql", "CREATE TYPE dbo.Name FROM nvarchar(50) NOT NULL;");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        var name = result.Table("T").FindColumn("Name")!;
        Assert.Equal("nvarchar", name.Type.Name);
        Assert.False(name.IsNullable);
    }

    [Fact]
    public void An_unknown_type_is_a_warning_and_a_clr_type_is_not()
    {
        var result = Read("CREATE TYPE dbo.Point EXTERNAL NAME Geo.[Geo.Point];\nGO\nCREATE TABLE T (Id int, X dbo.Missing, P dbo.Point);");
        result.NoErrors();
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("dbo.Missing", warning.Message);
        Assert.Equal(3, warning.Location!.Line);
        Assert.Equal("point", result.Table("T").FindColumn("P")!.Type.Name);
    }

    [Fact]
    public void Unique_indexes_and_filtered_ones()
    {
        var result = Read("""
            CREATE TABLE T (Id int, Email varchar(100), Deleted bit, Code int, INDEX IX_Code UNIQUE (Code));
            CREATE UNIQUE NONCLUSTERED INDEX UX_Email ON dbo.T (Email) WHERE Deleted = 0;
            CREATE UNIQUE CLUSTERED INDEX UX_Id ON T (Id);
            CREATE INDEX IX_Deleted ON T (Deleted);
            CREATE UNIQUE INDEX UX_Gone ON T (Deleted, Id);
            DROP INDEX UX_Gone ON T;
            """);
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(["IX_Code", "UX_Email", "UX_Id"], t.UniqueIndexes.Select(i => i.Name));
        var email = t.UniqueIndexes.Single(i => i.Name == "UX_Email");
        Assert.True(email.IsFiltered);
        Assert.Equal("Deleted = 0", email.Filter);
        Assert.False(t.UniqueIndexes.Single(i => i.Name == "UX_Id").IsFiltered);
    }

    [Fact]
    public void Computed_columns_defaults_identity_and_collation()
    {
        var result = Read("""
            CREATE TABLE T (
              Id bigint IDENTITY(100, 10) NOT NULL,
              Qty int NOT NULL DEFAULT ((1)),
              Price money CONSTRAINT DF_Price DEFAULT (0.00),
              Total AS (Qty * Price) PERSISTED,
              Half AS Qty / 2,
              Code varchar(10) COLLATE Latin1_General_CS_AS NULL,
              Created datetime2(3) DEFAULT (getdate()),
              Amount decimal(9, 2), Ratio float(24), Blob varbinary(max), Flag char
            );
            """);
        result.NoErrors();
        var t = result.Table("T");
        var id = t.FindColumn("Id")!;
        Assert.True(id.IsIdentity);
        Assert.Equal(100, id.IdentitySeed);
        Assert.Equal(10, id.IdentityIncrement);
        Assert.Equal("1", t.FindColumn("Qty")!.DefaultExpression);
        Assert.Equal("0.00", t.FindColumn("Price")!.DefaultExpression);
        Assert.Equal("getdate()", t.FindColumn("Created")!.DefaultExpression);
        var total = t.FindColumn("Total")!;
        Assert.Equal("Qty * Price", total.ComputedExpression);
        Assert.True(total.IsPersisted);
        Assert.False(t.FindColumn("Half")!.IsPersisted);
        Assert.Equal("Latin1_General_CS_AS", t.FindColumn("Code")!.Type.Collation);
        Assert.Equal(new SqlType("datetime2", Scale: 3), t.FindColumn("Created")!.Type);
        Assert.Equal(new SqlType("decimal", Precision: 9, Scale: 2), t.FindColumn("Amount")!.Type);
        Assert.Equal(new SqlType("float", Precision: 24), t.FindColumn("Ratio")!.Type);
        Assert.Equal(new SqlType("varbinary", Length: -1), t.FindColumn("Blob")!.Type);
        Assert.Equal(new SqlType("char", Length: 1), t.FindColumn("Flag")!.Type);
    }

    [Fact]
    public void Quoted_names_are_stored_unquoted_and_tables_without_schema_are_dbo()
    {
        var result = Read("""
            CREATE TABLE "Order Details" ("Order ID" int, [Unit]]Price] money);
            CREATE TABLE [Sales].[Order] ([Key] int PRIMARY KEY);
            """);
        result.NoErrors();
        var details = result.Model.Tables[0];
        Assert.Equal(new QualifiedName("dbo", "Order Details"), details.Name);
        Assert.Equal(["Order ID", "Unit]Price"], details.ColumnNames);
        Assert.Equal(new QualifiedName("Sales", "Order"), result.Model.Tables[1].Name);
    }

    [Fact]
    public void Locations_point_at_the_original_lines_and_columns()
    {
        var result = Read("""
            -- a comment
            CREATE TABLE T (
                Id int NOT NULL,
                  Name varchar(10),
                CONSTRAINT PK_T PRIMARY KEY (Id)
            );
            GO
            ALTER TABLE T ADD CONSTRAINT UQ_Name UNIQUE (Name);
            """);
        var t = result.Table("T");
        Assert.Equal((2, 1), (t.Location.Line, t.Location.Column));
        Assert.Equal((3, 5), (t.Columns[0].Location.Line, t.Columns[0].Location.Column));
        Assert.Equal((4, 7), (t.Columns[1].Location.Line, t.Columns[1].Location.Column));
        Assert.Equal((5, 5), (t.PrimaryKey!.Location.Line, t.PrimaryKey.Location.Column));
        Assert.Equal(8, t.UniqueConstraints[0].Location.Line);
        Assert.EndsWith("script.sql", t.Location.File);
    }

    [Fact]
    public void Sp_rename_renames_columns_and_tables()
    {
        var result = Read("""
            CREATE TABLE Old (A int PRIMARY KEY, B int);
            CREATE TABLE Child (X int REFERENCES Old (A));
            EXEC sp_rename 'dbo.Old.A', 'Id', 'COLUMN';
            EXEC sp_rename 'Old', 'New';
            """);
        result.NoErrors();
        Assert.Null(result.Model.Find("Old"));
        var renamed = result.Table("New");
        Assert.Equal(["Id", "B"], renamed.ColumnNames);
        Assert.Equal(["Id"], renamed.PrimaryKey!.Columns);
        var fk = Assert.Single(result.Table("Child").ForeignKeys);
        Assert.Equal(new QualifiedName("dbo", "New"), fk.ReferencedTable);
        Assert.Equal(["Id"], fk.ReferencedColumns);
    }

    [Fact]
    public void Files_of_a_project_may_come_in_any_order()
    {
        using var folder = new ScriptFolder();
        // Sorted order reads the index and the foreign key before the tables they name.
        folder.Write("a/indexes.sql", "CREATE UNIQUE INDEX UX_Name ON dbo.Customer (Name);");
        folder.Write("b/Order.sql", "CREATE TABLE dbo.[Order] (Id int PRIMARY KEY, CustomerId int REFERENCES dbo.Customer (Id));");
        folder.Write("c/Customer.sql", "CREATE TABLE dbo.Customer (Id int PRIMARY KEY, Name nvarchar(50));");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        Assert.Equal(["Order", "Customer"], result.Model.Tables.Select(t => t.Name.Name));
        Assert.Equal("UX_Name", Assert.Single(result.Table("Customer").UniqueIndexes).Name);
    }

    [Fact]
    public void A_statement_on_a_table_no_script_creates_is_an_error()
    {
        var result = Read("\nALTER TABLE dbo.Nowhere ADD CONSTRAINT PK_N PRIMARY KEY (Id);");
        var error = result.SingleError();
        Assert.Equal(2, error.Location!.Line);
        Assert.Contains("dbo.Nowhere", error.Message);
    }

    [Fact]
    public void A_table_created_twice_is_an_error()
    {
        var result = Read("CREATE TABLE T (A int);\nGO\nCREATE TABLE T (B int);");
        Assert.Equal(3, result.SingleError().Location!.Line);
        Assert.Equal(["A"], result.Table("T").ColumnNames);
    }

    [Fact]
    public void Other_objects_and_settings_are_read_quietly()
    {
        var result = Read("""
            USE master;
            GO
            CREATE DATABASE Shop;
            GO
            ALTER DATABASE Shop SET OPTIMIZED_LOCKING = ON;
            GO
            SET ANSI_NULLS ON;
            SET QUOTED_IDENTIFIER ON;
            GO
            CREATE SCHEMA Sales AUTHORIZATION dbo;
            GO
            CREATE XML SCHEMA COLLECTION Sales.Doc AS '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>';
            GO
            CREATE TABLE Sales.Node (Id hierarchyid PRIMARY KEY, Place geography, Doc xml(Sales.Doc));
            GO
            CREATE VIEW Sales.V WITH SCHEMABINDING AS SELECT Id FROM Sales.Node;
            GO
            CREATE UNIQUE CLUSTERED INDEX UX_V ON Sales.V (Id);
            GO
            CREATE PROCEDURE dbo.P AS BEGIN INSERT INTO Sales.Node (Id) VALUES (NULL); END;
            GO
            CREATE FUNCTION dbo.F() RETURNS int AS BEGIN RETURN 1; END;
            GO
            CREATE TRIGGER Sales.Tr ON Sales.Node AFTER INSERT AS SELECT 1;
            """);
        Assert.Empty(result.Diagnostics);
        var node = result.Table("Sales.Node");
        Assert.Equal(["hierarchyid", "geography", "xml"], node.Columns.Select(c => c.Type.Name));
        Assert.Null(node.Data); // the INSERT inside the procedure is code, not data
    }
}
