using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.Postgres;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>SQL Server column types as the PostgreSQL migration writes them.</summary>
public class PostgresTypesTests
{
    [Theory]
    [InlineData("bit", null, null, null, "boolean")]
    [InlineData("tinyint", null, null, null, "smallint")]
    [InlineData("int", null, null, null, "integer")]
    [InlineData("bigint", null, null, null, "bigint")]
    [InlineData("decimal", null, 10, 2, "numeric(10,2)")]
    [InlineData("money", null, null, null, "numeric(19,4)")]
    [InlineData("smallmoney", null, null, null, "numeric(10,4)")]
    [InlineData("float", null, null, null, "double precision")]
    [InlineData("float", null, 24, null, "real")]
    [InlineData("datetime", null, null, null, "timestamp(3)")]
    [InlineData("smalldatetime", null, null, null, "timestamp(0)")]
    [InlineData("datetime2", null, null, 3, "timestamp(3)")]
    [InlineData("datetime2", null, null, null, "timestamp")]
    [InlineData("datetimeoffset", null, null, null, "timestamptz")]
    [InlineData("date", null, null, null, "date")]
    [InlineData("nchar", 5, null, null, "char(5)")]
    [InlineData("nvarchar", 40, null, null, "varchar(40)")]
    [InlineData("nvarchar", -1, null, null, "text")]
    [InlineData("ntext", null, null, null, "text")]
    [InlineData("varbinary", -1, null, null, "bytea")]
    [InlineData("image", null, null, null, "bytea")]
    [InlineData("uniqueidentifier", null, null, null, "uuid")]
    [InlineData("xml", null, null, null, "xml")]
    public void Each_type_maps_to_the_postgres_type_that_holds_its_values(string name, int? length, int? precision, int? scale, string expected) =>
        Assert.Equal(expected, PostgresTypes.Of(new SqlType(name, length, precision, scale), "t.c"));

    [Theory]
    [InlineData("sql_variant")]
    [InlineData("hierarchyid")]
    [InlineData("geography")]
    [InlineData("rowversion")]
    [InlineData("some_clr_type")]
    public void A_type_without_a_counterpart_is_an_error_naming_the_column(string name)
    {
        var e = Assert.Throws<PostgresMigrationException>(() => PostgresTypes.Of(new SqlType(name), "dbo.Orders.Extra"));
        Assert.Contains("dbo.Orders.Extra", e.Message);
        Assert.Contains(name, e.Message);
        Assert.Contains("--dialect tsql", e.Message);
    }

    [Fact]
    public void What_the_mapping_cannot_keep_is_noted()
    {
        var notes = new List<string>();
        PostgresTypes.Of(new SqlType("datetimeoffset"), "t.At", notes);
        PostgresTypes.Of(new SqlType("datetime2", Scale: 7), "t.Stamp", notes);
        Assert.Contains(notes, n => n.Contains("t.At") && n.Contains("offset"));
        Assert.Contains(notes, n => n.Contains("t.Stamp") && n.Contains("microseconds"));
    }
}
