using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>CSV/TSV files among the inputs: mapped to tables by name or --data, or tables of their own.</summary>
public class CsvInputTests
{
    private const string Schema = """
        CREATE TABLE dbo.Orders (Id int PRIMARY KEY, Amount decimal(9,2), Status varchar(10), Note varchar(20) DEFAULT 'none');
        CREATE TABLE Sales.Region (Code char(2), Name varchar(20));
        """;

    [Theory]
    [InlineData("Orders.csv")]
    [InlineData("dbo.Orders.csv")]
    [InlineData("ORDERS.CSV")]
    public void A_file_named_after_a_table_gives_its_rows(string fileName)
    {
        using var folder = new ScriptFolder();
        folder.Write("schema.sql", Schema);
        folder.Write(fileName, "status,ID,amount\nopen,1,10\nOPEN,2,10.00\n");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        var orders = result.Table("Orders");
        var data = orders.Data!;
        Assert.Equal(2, data.RowCount);
        Assert.Equal(new string?[] { "1", "10", "open", null }, orders.Row(0));
        // Values compare as the columns' types say: 10 = 10.00, and case-insensitively.
        Assert.Equal(data.Columns[1].Codes[0], data.Columns[1].Codes[1]);
        Assert.Equal(data.Columns[2].Codes[0], data.Columns[2].Codes[1]);
        // Note is not in the file: unobserved, whatever its default.
        Assert.Equal(["Note"], data.UnobservedColumns.Names(orders.ColumnNames));
        Assert.Equal(2, result.Model.Tables.Count);
    }

    [Fact]
    public void Data_mappings_name_the_table_and_find_unique_names_in_any_schema()
    {
        using var folder = new ScriptFolder();
        var schema = folder.Write("schema.sql", Schema);
        var file = folder.Write("export-2024.tsv", "Code\tName\nNO\tNorth\nSO\tSouth\n");
        var other = folder.Write("Region.csv", "code;name\nEA;East\n");
        var result = Ingestor.Ingest([schema, other], new IngestOptions
        {
            DataMappings = new Dictionary<string, string> { ["Sales.Region"] = file },
        });
        result.NoErrors();
        // Region.csv finds Sales.Region, the only table of that name; files named by --data come after the paths.
        Assert.Equal(new string?[] { "EA", "NO", "SO" }, result.Table("Sales.Region").Column("Code"));
    }

    [Fact]
    public void An_unknown_header_name_is_an_error_naming_file_and_column()
    {
        using var folder = new ScriptFolder();
        folder.Write("schema.sql", Schema);
        var csv = folder.Write("Orders.csv", "Id,Amount,Colour\n1,2,red\n");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        var error = result.SingleError();
        Assert.Equal(csv, error.Location!.File);
        Assert.Contains("'Colour'", error.Message);
        Assert.Contains("dbo.Orders", error.Message);
        Assert.Equal(new string?[] { "1", "2", null, null }, result.Table("Orders").Row(0));
    }

    [Fact]
    public void A_ragged_row_is_reported_by_line()
    {
        using var folder = new ScriptFolder();
        folder.Write("schema.sql", Schema);
        var csv = folder.Write("Orders.csv", "Id,Amount\n1,2\n3\n4,5\n");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        var error = result.SingleError();
        Assert.Equal((csv, 3), (error.Location!.File, error.Location.Line));
        Assert.Equal(new string?[] { "1", "4" }, result.Table("Orders").Column("Id"));
    }

    [Fact]
    public void A_file_that_matches_no_table_is_a_table_of_its_own()
    {
        var path = Path.Combine(TestPaths.Datasets, "iris.csv");
        var result = Ingestor.Ingest([path], new IngestOptions { CsvHasHeader = false });
        result.NoErrors();
        var iris = Assert.Single(result.Model.Tables);
        Assert.True(iris.FromDataOnly);
        Assert.Equal(new QualifiedName(null, "iris"), iris.Name);
        Assert.Equal(["column1", "column2", "column3", "column4", "column5"], iris.ColumnNames);
        Assert.All(iris.Columns, c => Assert.Equal((new SqlType("nvarchar", Length: -1), true), (c.Type, c.IsNullable)));
        Assert.Equal(150, iris.Data!.RowCount);
        Assert.Equal(path, iris.Location.File);
    }

    [Fact]
    public void A_table_of_its_own_compares_values_exactly()
    {
        using var folder = new ScriptFolder();
        var csv = folder.Write("people.csv", "name,score\nAnn,1\nann,1.0\n");
        var data = Ingestor.Ingest([csv], new IngestOptions()).Table("people").Data!;
        Assert.NotEqual(data.Columns[0].Codes[0], data.Columns[0].Codes[1]);
        Assert.NotEqual(data.Columns[1].Codes[0], data.Columns[1].Codes[1]);
        Assert.True(data.UnobservedColumns.IsEmpty);
    }

    [Fact]
    public void Without_a_header_fields_map_to_columns_by_position()
    {
        using var folder = new ScriptFolder();
        var schema = folder.Write("schema.sql", Schema);
        var csv = folder.Write("Orders.csv", "1,10,open,n\n2,20,shut,m\n");
        var result = Ingestor.Ingest([schema, csv], new IngestOptions { CsvHasHeader = false });
        result.NoErrors();
        Assert.Equal(new string?[] { "2", "20", "shut", "m" }, result.Table("Orders").Row(1));

        // With headers expected, a first line that names no column but has a field per column is data.
        var guessed = Ingestor.Ingest([schema, csv], new IngestOptions());
        guessed.NoErrors();
        Assert.Equal(2, guessed.Table("Orders").Data!.RowCount);
        Assert.Contains(guessed.Diagnostics, d => d.Message.Contains("read as data"));
    }

    [Fact]
    public void Rows_from_a_script_and_a_csv_file_are_one_table()
    {
        using var folder = new ScriptFolder();
        folder.Write("schema.sql", Schema + "\nGO\nINSERT dbo.Orders (Id, Amount, Status) VALUES (1, 5, 'open');");
        folder.Write("Orders.csv", "Id,Amount,Status\n2,5.0,OPEN\n");
        var result = Ingestor.Ingest([folder.Path], new IngestOptions());
        result.NoErrors();
        var orders = result.Table("Orders");
        Assert.Equal(new string?[] { "1", "2" }, orders.Column("Id"));
        var amount = orders.Data!.Columns[1];
        Assert.Equal(amount.Codes[0], amount.Codes[1]);
        // The script's row gave Note its literal default, so Note was observed.
        Assert.True(orders.Data.UnobservedColumns.IsEmpty);
    }
}
