using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Sample rows that break a declared key are an error, and are not analysed.</summary>
public class SampleKeyTests
{
    [Fact]
    public void Duplicate_primary_key_names_table_key_value_and_the_insert()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE dbo.Country (Id int CONSTRAINT PK_Country PRIMARY KEY, Name nvarchar(20));
            INSERT INTO dbo.Country VALUES (1, N'A');
            INSERT INTO dbo.Country VALUES (2, N'B');
            INSERT INTO dbo.Country VALUES (1, N'C');
            """);
        var error = result.SingleError();
        Assert.Contains("dbo.Country", error.Message);
        Assert.Contains("primary key PK_Country (Id)", error.Message);
        Assert.Contains("('1')", error.Message);
        Assert.Equal(4, error.Location!.Line);
        Assert.Null(result.Table("dbo.Country").Data);
    }

    [Fact]
    public void Duplicate_unique_value_compares_under_the_collation()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE dbo.Country (Id int PRIMARY KEY, Code char(2) NOT NULL UNIQUE);
            INSERT INTO dbo.Country (Id, Code) VALUES (1, 'se'), (2, 'SE');
            """);
        var error = result.SingleError();
        Assert.Contains("UNIQUE constraint (Code)", error.Message);
        Assert.Equal(2, error.Location!.Line);
    }

    [Fact]
    public void Composite_key_is_compared_as_a_whole()
    {
        var ok = ScriptFolder.Ingest("""
            CREATE TABLE dbo.T (A int, B int, PRIMARY KEY (A, B));
            INSERT INTO dbo.T VALUES (1, 1), (1, 2), (2, 1);
            """);
        ok.NoErrors();
        Assert.Equal(3, ok.Table("dbo.T").Data!.RowCount);

        var bad = ScriptFolder.Ingest("""
            CREATE TABLE dbo.T (A int, B int, PRIMARY KEY (A, B));
            INSERT INTO dbo.T VALUES (1, 1), (1, 2), (1, 1);
            """);
        Assert.Contains("('1', '1')", bad.SingleError().Message);
    }

    [Fact]
    public void Duplicate_key_in_a_csv_file_is_located_in_that_file()
    {
        using var folder = new ScriptFolder();
        folder.Write("schema.sql", "CREATE TABLE dbo.Country (Id int PRIMARY KEY, Name nvarchar(20));");
        var csv = folder.Write("Country.csv", "Id,Name\n1,A\n1,B\n");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        var error = result.SingleError();
        Assert.Equal(csv, error.Location!.File);
    }

    [Fact]
    public void Keys_on_computed_columns_and_null_values_are_not_compared()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE dbo.T (Id int PRIMARY KEY, Code AS ('C' + CONVERT(varchar(10), Id)) UNIQUE, Alt int NULL UNIQUE);
            INSERT INTO dbo.T (Id) VALUES (1), (2);
            """);
        result.NoErrors();
        Assert.Equal(2, result.Table("dbo.T").Data!.RowCount);
    }
}
