using System.Globalization;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.SqlServer;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>Entities that share a key, told apart by their row stamps (rowguid, ModifiedDate).</summary>
public class RowStampSplitTests
{
    private static Table Table(string name, string[] key, params string[] columns)
    {
        var t = new Table(new QualifiedName("dbo", name), new SourceLocation("t.sql", 1, 1));
        foreach (var c in columns)
        {
            var type = c.EndsWith("rowguid", StringComparison.OrdinalIgnoreCase) ? new SqlType("uniqueidentifier")
                : c.EndsWith("Date", StringComparison.Ordinal) ? new SqlType("datetime")
                : c.EndsWith("ID", StringComparison.Ordinal) ? new SqlType("int")
                : new SqlType("nvarchar", 50);
            t.Columns.Add(new Column(c, type, new SourceLocation("t.sql", 2, 1)) { IsNullable = false });
        }
        t.PrimaryKey = new KeyConstraint("PK_" + name, true, key, new SourceLocation("t.sql", 3, 1));
        return t;
    }

    private static void WithRows(Table t, IEnumerable<string?[]> rows)
    {
        var b = new TableDataBuilder(t.ColumnNames);
        foreach (var r in rows) b.AddRow(r);
        t.Data = b.Build();
    }

    private static TableDependency Key(Table t) => TableDependency.Functional(
        new FunctionalDependency(AttributeSet.Of(t.PrimaryKey!.Columns.Select(t.IndexOf)), AttributeSet.Range(t.Columns.Count)), DependencySource.Key);

    private static TableDependency DataFd(Table t, string lhs, string rhs) => TableDependency.Functional(
        new FunctionalDependency(AttributeSet.Of(t.IndexOf(lhs)), AttributeSet.Of(rhs.Split(',').Select(c => t.IndexOf(c.Trim())))),
        DependencySource.Data, evidence: new DataEvidence(t.Data!.RowCount, 0));

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Guid(int kind, int i) => $"0000000{kind}-0000-0000-0000-{i:000000000000}";

    /// <summary>A salesperson joined with the employee it is (one key) and its territory (a parent).</summary>
    private static (Table Table, Decomposition Proposal) SalesPeople(bool employeeStamps)
    {
        string[] columns = employeeStamps
            ? ["PersonID", "TerritoryID", "Bonus", "rowguid", "ModifiedDate", "JobTitle", "Gender", "Employee_rowguid", "EmployeeModifiedDate", "TerritoryName"]
            : ["PersonID", "TerritoryID", "Bonus", "rowguid", "ModifiedDate", "JobTitle", "Gender", "TerritoryName"];
        var t = Table("SalesPerson", ["PersonID"], columns);
        WithRows(t, Enumerable.Range(0, 24).Select(i =>
        {
            var own = new[] { S(i), S(i % 4), "B" + S(i % 5), Guid(1, i), "2024-01-" + S(10 + i % 9) };
            var employee = new[] { "Title " + S(i % 6), i % 2 == 0 ? "F" : "M" };
            var stamps = employeeStamps ? new[] { Guid(2, i), "2014-06-30" } : [];
            return (string?[])[.. own, .. employee, .. stamps, "Territory " + S(i % 4)];
        }));
        return (t, Normalizer.Propose(t, [Key(t), DataFd(t, "TerritoryID", "TerritoryName")]));
    }

    private static ProposedTable Holding(Decomposition d, string column) => Assert.Single(d.Tables, x => x.ColumnNames.Contains(column));

    private static string Names(ProposedTable t) => string.Join(", ", t.ColumnNames);

    [Fact]
    public void Two_stamp_groups_in_one_table_are_two_tables_that_keep_the_key()
    {
        var (_, d) = SalesPeople(employeeStamps: true);
        var salesPerson = Holding(d, "Bonus");
        var employee = Holding(d, "JobTitle");
        Assert.Equal("PersonID, TerritoryID, Bonus, rowguid, ModifiedDate", Names(salesPerson));
        Assert.Equal("PersonID, JobTitle, Gender, Employee_rowguid, EmployeeModifiedDate", Names(employee));
        Assert.Equal(["PersonID"], salesPerson.PrimaryKey.Names(d.ColumnNames));
        Assert.Equal(["PersonID"], employee.PrimaryKey.Names(d.ColumnNames));
        Assert.Equal("Employee", employee.Name);
        Assert.Equal("TerritoryID, TerritoryName", Names(Holding(d, "TerritoryName")));
        Assert.True(d.Lossless);
        Assert.True(d.DependencyPreserving);
        Assert.Equal(0, d.Data!.SpuriousRows);
        Assert.Equal(0, d.Data.LostRows);
    }

    [Fact]
    public void One_stamp_group_leaves_the_table_whole()
    {
        var (_, d) = SalesPeople(employeeStamps: false);
        Assert.Equal(2, d.Tables.Count);
        Assert.Equal("PersonID, TerritoryID, Bonus, rowguid, ModifiedDate, JobTitle, Gender", Names(Holding(d, "JobTitle")));
    }

    [Fact]
    public void A_block_whose_stamps_name_an_identifier_is_keyed_by_it()
    {
        // Each address belongs to one person in the sample: AddressID determines the address's columns,
        // and the address's stamps are named for it.
        var t = Table("PersonAddress", ["PersonID", "AddressID"],
            "PersonID", "AddressID", "AddressTypeID", "rowguid", "ModifiedDate", "AddressLine1", "City", "Address_rowguid", "AddressModifiedDate", "AddressTypeName");
        WithRows(t, Enumerable.Range(0, 30).Select(i => new string?[]
        {
            S(i / 2), S(100 + i), S(i % 3), Guid(1, i), "2024-02-" + S(10 + i % 7),
            "Street " + S(i), "City " + S(i % 5), Guid(2, i), "2023-03-" + S(10 + i % 9), "Type " + S(i % 3),
        }));
        var d = Normalizer.Propose(t, [Key(t), DataFd(t, "AddressTypeID", "AddressTypeName")]);
        var address = Holding(d, "AddressLine1");
        Assert.Equal("AddressID, AddressLine1, City, Address_rowguid, AddressModifiedDate", Names(address));
        Assert.Equal(["AddressID"], address.PrimaryKey.Names(d.ColumnNames));
        Assert.Equal("PersonID, AddressID, AddressTypeID, rowguid, ModifiedDate", Names(Holding(d, "rowguid")));
        Assert.True(d.Lossless);
        Assert.Equal(0, d.Data!.SpuriousRows);
        Assert.Equal(0, d.Data.LostRows);
    }

    [Fact]
    public void Two_tables_of_one_key_migrate_with_a_script_that_parses_and_joins_them_on_it()
    {
        var (t, d) = SalesPeople(employeeStamps: true);
        var model = new SchemaModel();
        model.Add(t);
        var plans = MigrationPlanner.PlanAll([d], model);
        var script = new TSqlMigrationEmitter().Emit(plans);
        ScriptAssert.Parses(script.Forward);
        ScriptAssert.Parses(script.Rollback);
        var employee = Holding(d, "JobTitle");
        var salesPerson = Holding(d, "Bonus");
        Assert.NotEqual(employee.Name, salesPerson.Name);
        Assert.Equal(employee.PrimaryKey, salesPerson.PrimaryKey);
        Assert.Contains($"[{employee.Name}]", script.Forward);
        Assert.Contains($"[{salesPerson.Name}]", script.Forward);
    }
}
