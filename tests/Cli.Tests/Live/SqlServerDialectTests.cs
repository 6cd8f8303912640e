using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// Every statement the SQL Server dialect sends, parsed by SQL Server's own parser (ScriptDom): each is one
/// SELECT that parses. This runs everywhere; the SQL Server tests that execute them need SCHEMANORM_SQLSERVER.
/// </summary>
public class SqlServerDialectTests
{
    private static readonly SqlDialect Dialect = SqlDialect.For(DatabaseProvider.SqlServer);

    private static Table Sample()
    {
        var location = new SourceLocation("mssql://localhost/db/dbo.T", 1, 1);
        var table = new Table(new QualifiedName("dbo", "we]ird; DROP TABLE x; --"), location);
        (string Name, SqlType Type)[] columns =
        [
            ("Id", new SqlType("int")), ("Name", new SqlType("nvarchar", Length: 50)), ("Amount", new SqlType("decimal", Precision: 38, Scale: 2)),
            ("Doc", new SqlType("xml")), ("Shape", new SqlType("geography")), ("Node", new SqlType("hierarchyid")),
            ("Old text", new SqlType("text")), ("Old]ntext", new SqlType("ntext")), ("Picture", new SqlType("image")),
            ("Anything", new SqlType("sql_variant")), ("Stamp", new SqlType("rowversion")), ("Custom", new SqlType("mytype")),
        ];
        foreach (var (name, type) in columns) table.Columns.Add(new Column(name, type, location));
        table.PrimaryKey = new KeyConstraint("PK", true, ["Id"], location);
        return table;
    }

    private static void AssertOneSelect(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
        var script = Assert.IsType<TSqlScript>(fragment);
        var statement = Assert.Single(Assert.Single(script.Batches).Statements);
        Assert.IsType<SelectStatement>(statement);
    }

    [Fact]
    public void Catalog_queries_parse() =>
        Assert.All([Dialect.SessionFacts, Dialect.TablesQuery, Dialect.ColumnsQuery, Dialect.KeysQuery, Dialect.ForeignKeysQuery], AssertOneSelect);

    [Fact]
    public void The_sample_statement_parses_and_reads_every_type_the_client_can_read()
    {
        var sql = LiveModelLoader.SampleStatement(Dialect, Sample());
        AssertOneSelect(sql);
        Assert.StartsWith("SELECT TOP (@rows) [Id], [Name], CONVERT(varchar(64), [Amount]), CONVERT(nvarchar(max), [Doc]), [Shape].ToString(), [Node].ToString()", sql);
        Assert.Contains("FROM [dbo].[we]]ird; DROP TABLE x; --] ORDER BY [Id]", sql);
    }

    public static TheoryData<string[], string[], NullSemantics> Checks() => new()
    {
        { ["Id"], ["Name"], NullSemantics.Equal },
        { [], ["Name"], NullSemantics.Equal },
        { ["Name", "Doc"], ["Shape", "Node"], NullSemantics.Distinct },
        { ["Old text"], ["Old]ntext", "Picture"], NullSemantics.Distinct },
        { ["Anything", "Custom"], ["Stamp"], NullSemantics.Equal },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Full_table_checks_parse(string[] lhs, string[] rhs, NullSemantics nulls)
    {
        var table = Sample();
        var query = new LiveDependencyCheck.CheckQuery(Dialect, table,
            lhs.Select(n => table.FindColumn(n)!).ToList(), rhs.Select(n => table.FindColumn(n)!).ToList(), nulls);
        AssertOneSelect(query.Totals());
        AssertOneSelect(query.Examples("@examples"));
    }

    [Fact]
    public void Types_without_equality_are_grouped_through_a_conversion()
    {
        var table = Sample();
        var query = new LiveDependencyCheck.CheckQuery(Dialect, table, [table.FindColumn("Doc")!], [table.FindColumn("Old text")!], NullSemantics.Equal);
        var sql = query.Totals();
        Assert.Contains("GROUP BY CONVERT(nvarchar(max), [Doc]), CAST([Old text] AS varchar(max))", sql);
        Assert.Contains("COUNT_BIG(*)", sql);
    }
}
