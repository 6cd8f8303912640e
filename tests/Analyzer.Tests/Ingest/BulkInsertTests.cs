using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Data;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>BULK INSERT data files: terminators, encodings, header rows, where the file is found.</summary>
public class BulkInsertTests
{
    private const string Table = "CREATE TABLE dbo.T (Id int, Name nvarchar(20), Note nvarchar(20));\nGO\n";

    private static IngestResult Run(ScriptFolder folder, string bulk, IngestOptions? options = null) =>
        Ingestor.Ingest([folder.Write("load.sql", Table + bulk)], options ?? new IngestOptions());

    [Theory]
    [InlineData("\\t", "\\n", "1\tAnn\tx\r\n2\tBob\t\r\n")] // \n matches CR LF, as SQL Server reads it
    [InlineData("\\t", "\\n", "1\tAnn\tx\n2\tBob\t\n")] // ... or LF alone in a file made on Unix
    [InlineData("\\t", "0x0a", "1\tAnn\tx\n2\tBob\t")] // no terminator after the last row
    [InlineData("+|", "&|\\n", "1+|Ann+|x&|\n2+|Bob+|&|\n")]
    [InlineData("+|", "&|\\n", "1+|Ann+|x&|\r\n2+|Bob+|&|\r\n")]
    [InlineData(",", "|", "1,Ann,x|2,Bob,|")]
    public void Terminators_as_written(string field, string row, string data)
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", data);
        var result = Run(folder, $"BULK INSERT dbo.T FROM 't.dat' WITH (FIELDTERMINATOR = '{field}', ROWTERMINATOR = '{row}');");
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(new string?[] { "1", "Ann", "x" }, t.Row(0));
        Assert.Equal(new string?[] { "2", "Bob", null }, t.Row(1)); // an empty field is NULL
    }

    [Fact]
    public void Defaults_are_tab_and_newline_and_a_nul_field_is_an_empty_string()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\t\0\t\n");
        var result = Run(folder, "BULK INSERT dbo.T FROM 't.dat';");
        result.NoErrors();
        Assert.Equal(new string?[] { "1", "", null }, result.Table("T").Row(0));
    }

    [Fact]
    public void Firstrow_skips_a_header_and_lastrow_stops()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.csv", "Id,Name,Note\n1,Ann,x\n2,Bob,y\n3,Cy,z\n");
        var result = Run(folder, "BULK INSERT dbo.T FROM 't.csv' WITH (FIRSTROW = 2, LASTROW = 3, FIELDTERMINATOR = ',', ROWTERMINATOR = '0x0a');");
        result.NoErrors();
        Assert.Equal(new string?[] { "1", "2" }, result.Table("T").Column("Id"));
    }

    [Fact]
    public void Csv_format_reads_quoted_fields()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.csv", "1,\"Ann, Lee\",\"say \"\"hi\"\"\"\n2,Bob,\"two\nlines\"\n");
        var result = Run(folder, "BULK INSERT dbo.T FROM 't.csv' WITH (FORMAT = 'CSV', FIELDTERMINATOR = ',', ROWTERMINATOR = '0x0a');");
        result.NoErrors();
        var t = result.Table("T");
        Assert.Equal(new string?[] { "1", "Ann, Lee", "say \"hi\"" }, t.Row(0));
        Assert.Equal(new string?[] { "2", "Bob", "two\nlines" }, t.Row(1));
    }

    [Fact]
    public void Code_pages_and_wide_characters()
    {
        using var folder = new ScriptFolder();
        folder.WriteBytes("acp.dat", Encoding.Latin1.GetBytes("1\tJosé\tx\n"));
        folder.WriteBytes("wide.dat", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("2\tZoë\ty\r\n")]);
        folder.WriteBytes("utf8.dat", Encoding.UTF8.GetBytes("3\tŁódź\tz\n"));
        var result = Run(folder, """
            BULK INSERT dbo.T FROM 'acp.dat' WITH (CODEPAGE = 'ACP', ROWTERMINATOR = '0x0a');
            BULK INSERT dbo.T FROM 'wide.dat' WITH (DATAFILETYPE = 'widechar');
            BULK INSERT dbo.T FROM 'utf8.dat' WITH (CODEPAGE = '65001', ROWTERMINATOR = '0x0a');
            """);
        result.NoErrors();
        Assert.Equal(new string?[] { "José", "Zoë", "Łódź" }, result.Table("T").Column("Name"));
    }

    [Fact]
    public void Invalid_utf8_under_codepage_65001_is_an_error_naming_the_line()
    {
        using var folder = new ScriptFolder();
        folder.WriteBytes("bad.dat", [.. Encoding.ASCII.GetBytes("1\ta\tb\n2\t"), 0xE9, .. Encoding.ASCII.GetBytes("\tc\n")]);
        var result = Run(folder, "BULK INSERT dbo.T FROM 'bad.dat' WITH (CODEPAGE = '65001', ROWTERMINATOR = '0x0a');");
        var error = result.SingleError();
        Assert.EndsWith("bad.dat", error.Location!.File);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_row_with_too_many_fields_is_an_error_naming_the_file_line()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\tAnn\tx\n2\tBob\ty\textra\n3\tCy\tz\n");
        var result = Run(folder, "BULK INSERT dbo.T FROM 't.dat' WITH (ROWTERMINATOR = '0x0a');");
        var error = result.SingleError();
        Assert.EndsWith("t.dat", error.Location!.File);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(new string?[] { "1", "3" }, result.Table("T").Column("Id"));
    }

    [Fact]
    public void The_path_is_read_after_sqlcmd_substitution_relative_to_the_script()
    {
        using var folder = new ScriptFolder();
        folder.Write("data/t.dat", "1\tAnn\tx\n");
        var result = Run(folder, ":setvar Data \"data\\\"\nBULK INSERT dbo.T FROM '$(Data)t.dat' WITH (ROWTERMINATOR = '0x0a');");
        result.NoErrors();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_path_that_does_not_exist_here_falls_back_to_the_script_folder_and_says_so()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\tAnn\tx\n");
        var result = Run(folder, @"BULK INSERT dbo.T FROM 'C:\Samples\Data\t.dat' WITH (ROWTERMINATOR = '0x0a');");
        result.NoErrors();
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains(@"C:\Samples\Data\", info.Message);
        Assert.Equal(1, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_missing_data_file_is_a_warning_naming_file_and_table()
    {
        using var folder = new ScriptFolder();
        var result = Run(folder, "\nBULK INSERT dbo.T FROM 'C:\\Samples\\Gone.csv';");
        result.NoErrors();
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("Gone.csv", warning.Message);
        Assert.Contains("dbo.T", warning.Message);
        Assert.Equal(4, warning.Location!.Line);
        Assert.Null(result.Table("T").Data);
    }

    [Theory]
    [InlineData("\\t", "\t", false)]
    [InlineData("\\n", "\n", true)]
    [InlineData("0x0a", "\n", false)]
    [InlineData("0x0d0a", "\r\n", false)]
    [InlineData("&|\\n", "&|\n", true)]
    [InlineData("\\r\\n", "\r\n", false)]
    [InlineData("|", "|", false)]
    [InlineData("\\\\", "\\", false)]
    public void Terminator_escapes(string written, string value, bool mayBeCrLf)
    {
        var t = Terminator.Parse(written);
        Assert.Equal(value, t.Value);
        Assert.Equal(mayBeCrLf, t.NewlineMayBeCrLf);
    }
}
