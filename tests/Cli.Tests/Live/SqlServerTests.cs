using System.Text.Json;
using Microsoft.Data.SqlClient;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// The SQL Server these tests run against: SCHEMANORM_SQLSERVER holds a connection string whose login may
/// create databases. Without it the tests are skipped (no SQL Server runs on the CI machines).
/// </summary>
internal static class SqlServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("SCHEMANORM_SQLSERVER") is { Length: > 0 } s ? s : null;

    public static string? SkipReason => ConnectionString is null
        ? "set SCHEMANORM_SQLSERVER to a SQL Server connection string (a login that may create databases) to run the SQL Server tests"
        : null;

    public static string For(string database, Action<SqlConnectionStringBuilder>? change = null)
    {
        var b = new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = database, Pooling = false };
        change?.Invoke(b);
        return b.ConnectionString;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var c = new SqlConnection(connectionString);
        c.Open();
        using var cmd = new SqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(string connectionString, string sql)
    {
        using var c = new SqlConnection(connectionString);
        c.Open();
        using var cmd = new SqlCommand(sql, c);
        return (T)cmd.ExecuteScalar();
    }
}

public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A throwaway SQL Server database for the test class, dropped at the end.</summary>
public sealed class SqlServerShop : IDisposable
{
    // One statement per batch where T-SQL wants it so (CREATE SCHEMA).
    private static readonly string[] Setup =
    [
        """
        CREATE TABLE dbo.Customers (
            Id int IDENTITY(10, 2) CONSTRAINT PK_Customers PRIMARY KEY,
            Name nvarchar(60) NOT NULL CONSTRAINT UQ_Customers_Name UNIQUE,
            City varchar(40) COLLATE Latin1_General_CS_AS NULL,
            Email nvarchar(100) NULL);
        CREATE TABLE dbo.Orders (
            OrderId int NOT NULL CONSTRAINT PK_Orders PRIMARY KEY NONCLUSTERED,
            CustomerId int NOT NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (Id),
            Region char(2) NOT NULL,
            Amount decimal(10, 2) NULL,
            Big decimal(38, 0) NULL,
            Placed datetime2(3) NULL,
            Total AS (Amount * 2) PERSISTED,
            Code varchar(20) NULL,
            Flag bit NULL,
            Uid uniqueidentifier NULL,
            Raw varbinary(max) NULL,
            Doc xml NULL,
            Node hierarchyid NULL,
            Shape geography NULL);
        CREATE UNIQUE INDEX UX_Orders_Code ON dbo.Orders (Code) WHERE Code IS NOT NULL;
        CREATE UNIQUE INDEX UX_Orders_Region_Uid ON dbo.Orders (Region, Uid) INCLUDE (Amount);
        CREATE TABLE dbo.Staff (Id int PRIMARY KEY, Dept int NOT NULL, DeptName nvarchar(40) NOT NULL, Grade int NULL, Bonus int NULL);
        CREATE TABLE dbo.[we]]ird; DROP TABLE dbo.Staff; --] ([a]]b] int, [Sel"ect] nvarchar(10), [x y] nvarchar(10));
        """,
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.[Quarter Totals] (Region nvarchar(10) NOT NULL, Q int NOT NULL, Total money NULL, CONSTRAINT PK_QT PRIMARY KEY (Region, Q))",
        """
        INSERT INTO dbo.Customers (Name, City, Email) VALUES (N'Ann', 'Oslo', N'ann@example.com'), (N'Bob', 'oslo', NULL), (N'Cid', NULL, N'ANN@example.com');
        INSERT INTO dbo.Orders (OrderId, CustomerId, Region, Amount, Big, Placed, Code, Flag, Uid, Raw, Doc, Node, Shape) VALUES
            (1, 10, 'N', 10.50, 12345678901234567890123456789012345678, '2024-05-01T10:00:00.123', 'A1', 1, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 0xDEADBEEF, N'<a>1</a>', '/1/', geography::Point(59.9, 10.7, 4326)),
            (2, 12, 'N', 10.5, NULL, '2024-05-01T10:00:00.123', NULL, 0, NULL, NULL, N'<a>1</a>', '/1/', geography::Point(59.9, 10.7, 4326)),
            (3, 14, 'S', NULL, NULL, NULL, 'B2', NULL, NULL, 0x00, NULL, NULL, NULL);
        ALTER TABLE dbo.Orders NOCHECK CONSTRAINT FK_Orders_Customers;
        WITH n AS (SELECT TOP (2000) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS i FROM sys.all_objects a CROSS JOIN sys.all_objects b)
        INSERT INTO dbo.Staff (Id, Dept, DeptName, Grade, Bonus)
        SELECT i, i % 20, CONCAT(N'dept ', i % 20), CASE WHEN i % 7 = 0 THEN NULL ELSE i % 4 END, CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 4) * 100 + (i % 3) END FROM n;
        UPDATE dbo.Staff SET DeptName = N'Other' WHERE Id IN (507, 527, 1207);
        UPDATE dbo.Staff SET DeptName = N'X' WHERE Id = 1809;
        INSERT INTO dbo.[we]]ird; DROP TABLE dbo.Staff; --] VALUES (1, N'p', N'q'), (1, N'p', N'r'), (2, N's', N't');
        """,
    ];

    public SqlServerShop()
    {
        Name = "schemanorm_t_" + Guid.NewGuid().ToString("N")[..12];
        if (SqlServer.SkipReason is not null) return;
        SqlServer.Execute(SqlServer.For("master"), $"CREATE DATABASE [{Name}] COLLATE SQL_Latin1_General_CP1_CI_AS");
        Created = true;
        foreach (var batch in Setup) SqlServer.Execute(ConnectionString, batch);
    }

    public string Name { get; }
    private bool Created { get; }
    public string ConnectionString => SqlServer.For(Name, b => b.TrustServerCertificate = true);

    public void Dispose()
    {
        if (!Created) return;
        SqlConnection.ClearAllPools();
        SqlServer.Execute(SqlServer.For("master"), $"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]");
    }
}

public class SqlServerTests(SqlServerShop db) : IClassFixture<SqlServerShop>
{
    private SchemaModel Load(LiveDatabase live, int sampleRows = 100) =>
        LiveModelLoader.Load(live, new LiveSettings { Target = live.Target, SampleRows = sampleRows }, new DiagnosticBag());

    private LiveDatabase Open() => LiveDatabase.Open(ConnectionTarget.Parse(db.ConnectionString));

    [SqlServerFact]
    public void The_catalog_gives_types_keys_filtered_indexes_and_foreign_keys()
    {
        using var live = Open();
        var model = Load(live);
        Assert.Equal(["dbo.Customers", "dbo.Orders", "dbo.Staff", "dbo.we]ird; DROP TABLE dbo.Staff; --", "sales.Quarter Totals"],
            model.Tables.Select(t => t.Name.ToString()).Order(StringComparer.Ordinal));

        var customers = model.Find("dbo.Customers")!;
        var id = customers.FindColumn("Id")!;
        Assert.True(id.IsIdentity);
        Assert.Equal(10, id.IdentitySeed);
        Assert.Equal(2, id.IdentityIncrement);
        Assert.Equal("nvarchar(60)", customers.FindColumn("Name")!.Type.ToString());
        Assert.Equal("Latin1_General_CS_AS", customers.FindColumn("City")!.Type.Collation);
        Assert.Equal("UQ_Customers_Name", Assert.Single(customers.UniqueConstraints).Name);

        var orders = model.Find("dbo.Orders")!;
        string TypeOf(string c) => orders.FindColumn(c)!.Type.ToString();
        Assert.Equal("char(2)", TypeOf("Region"));
        Assert.Equal("decimal(10,2)", TypeOf("Amount"));
        Assert.Equal("datetime2(3)", TypeOf("Placed"));
        Assert.Equal("varbinary(max)", TypeOf("Raw"));
        Assert.Equal("geography", TypeOf("Shape"));
        var total = orders.FindColumn("Total")!;
        Assert.True(total.IsComputed);
        Assert.True(total.IsPersisted);
        Assert.Equal(["OrderId"], orders.PrimaryKey!.Columns);
        Assert.False(orders.PrimaryKey.IsClustered);
        var code = Assert.Single(orders.UniqueIndexes, i => i.Name == "UX_Orders_Code");
        Assert.True(code.IsFiltered);
        Assert.Equal(["Region", "Uid"], Assert.Single(orders.UniqueIndexes, i => i.Name == "UX_Orders_Region_Uid").Columns);
        var fk = Assert.Single(orders.ForeignKeys);
        Assert.Equal(new QualifiedName("dbo", "Customers"), fk.ReferencedTable);
        Assert.False(fk.IsTrusted); // NOCHECK
        Assert.Equal(["Region", "Q"], model.Find("sales.Quarter Totals")!.PrimaryKey!.Columns);
        Assert.StartsWith("mssql://", orders.Location.File);
        Assert.EndsWith($"/{db.Name}/dbo.Orders", orders.Location.File);
    }

    [SqlServerFact]
    public void Samples_read_every_type_and_compare_as_the_collations_say()
    {
        using var live = Open();
        var model = Load(live);
        var customers = model.Find("dbo.Customers")!;
        int C(string column, int row) => customers.Data!.Columns[customers.IndexOf(column)].Codes[row];
        Assert.NotEqual(C("City", 0), C("City", 1));   // Latin1_General_CS_AS: Oslo <> oslo
        Assert.Equal(C("Email", 0), C("Email", 2));    // the database default here is case-insensitive

        var orders = model.Find("dbo.Orders")!;
        var data = orders.Data!;
        int O(string column, int row) => data.Columns[orders.IndexOf(column)].Codes[row];
        Assert.Equal(3, data.RowCount);
        Assert.Equal(O("Amount", 0), O("Amount", 1));
        Assert.Equal("12345678901234567890123456789012345678", data.Value(0, orders.IndexOf("Big")));
        Assert.Equal(O("Shape", 0), O("Shape", 1));
        Assert.Equal(O("Node", 0), O("Node", 1));
        Assert.Equal(O("Doc", 0), O("Doc", 1));
        Assert.Equal("0xDEADBEEF", data.Value(0, orders.IndexOf("Raw")));
    }

    [SqlServerFact]
    public void Full_table_checks_count_planted_violations()
    {
        using var live = Open();
        var model = Load(live);
        var staff = model.Find("dbo.Staff")!;
        var r = LiveDependencyCheck.Check(live, staff, ["Dept"], ["DeptName"], examples: 5);
        Assert.Equal((2000L, 20L, 2L, 200L, 4L), (r.Rows, r.LhsGroups, r.ViolatingGroups, r.RowsInViolatingGroups, r.RowsToDelete));
        Assert.Equal(["7"], r.Examples[0].LhsValues);
        Assert.True(LiveDependencyCheck.Check(live, staff, [], ["Id"]).ViolatingGroups == 1);
        var distinct = LiveDependencyCheck.Check(live, staff, ["Grade"], ["Bonus"], NullSemantics.Distinct);
        var equal = LiveDependencyCheck.Check(live, staff, ["Grade"], ["Bonus"], NullSemantics.Equal);
        Assert.True(distinct.LhsGroups > equal.LhsGroups); // rows with a NULL grade stand alone

        var orders = model.Find("dbo.Orders")!;
        Assert.True(LiveDependencyCheck.Check(live, orders, ["Region"], ["Doc"]).Holds);                  // xml grouped by its text
        Assert.True(LiveDependencyCheck.Check(live, orders, ["Shape"], ["Node"]).Holds);                 // CLR types by ToString()

        var weird = model.Find(new QualifiedName("dbo", "we]ird; DROP TABLE dbo.Staff; --"))!;
        Assert.Equal(1, LiveDependencyCheck.Check(live, weird, ["a]b"], ["x y"]).ViolatingGroups);
        Assert.True(LiveDependencyCheck.Check(live, weird, ["a]b"], ["Sel\"ect"]).Holds);
        Assert.Equal(2000, SqlServer.Scalar<int>(db.ConnectionString, "SELECT COUNT(*) FROM dbo.Staff"));
    }

    [SqlServerFact]
    public void Analysing_changes_nothing()
    {
        const string fingerprint = """
            SELECT CONCAT((SELECT CHECKSUM_AGG(BINARY_CHECKSUM(Id, Name, City, Email)) FROM dbo.Customers), '|',
                          (SELECT CHECKSUM_AGG(BINARY_CHECKSUM(OrderId, CustomerId, Region, Amount, Code, Flag, Uid)) FROM dbo.Orders), '|',
                          (SELECT CHECKSUM_AGG(BINARY_CHECKSUM(*)) FROM dbo.Staff), '|',
                          (SELECT COUNT(*) FROM sys.objects), '|', IDENT_CURRENT('dbo.Customers'))
            """;
        var before = SqlServer.Scalar<string>(db.ConnectionString, fingerprint);
        var r = CliRunner.Run("analyze", "--connection", db.ConnectionString, "--format", "json");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        using (var doc = JsonDocument.Parse(r.Stdout))
            Assert.Equal(5, doc.RootElement.GetProperty("tables").GetArrayLength());
        using (var live = Open())
        {
            Assert.Throws<InvalidOperationException>(() => live.Read("DELETE FROM dbo.Staff", [], "testing", _ => { }));
            LiveDependencyCheck.Check(live, Load(live).Find("dbo.Staff")!, ["Dept"], ["DeptName"]);
        }
        Assert.Equal(before, SqlServer.Scalar<string>(db.ConnectionString, fingerprint));
    }

    [SqlServerFact]
    public void A_refused_login_and_an_unknown_database_are_one_line_and_status_2()
    {
        var badLogin = SqlServer.For(db.Name, b =>
        {
            b.IntegratedSecurity = false;
            b.UserID = "schemanorm_no_such_login";
            b.Password = "not-the-password-42";
            b.TrustServerCertificate = true;
        });
        var r = CliRunner.Run("analyze", "--connection", badLogin);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("schemanorm: cannot log in to the SQL Server database", line);
        Assert.DoesNotContain("not-the-password-42", line);

        var missing = CliRunner.Run("analyze", "--connection", SqlServer.For(db.Name + "_missing", b => b.TrustServerCertificate = true));
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("schemanorm: cannot", missing.Stderr);
    }
}
