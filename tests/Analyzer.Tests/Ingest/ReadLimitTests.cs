using System.Diagnostics;
using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Every bound on reading is a located error naming the limit, reached without running out of memory or time.</summary>
public class ReadLimitTests
{
    private const string Table = "CREATE TABLE dbo.T (Id int, Name nvarchar(20));\nGO\n";

    [Theory]
    [InlineData("2000000000")]
    [InlineData("99999999999999")]
    public void A_go_count_over_the_limit_is_an_error_at_its_line(string count)
    {
        var result = ScriptFolder.Ingest(Table + $"INSERT dbo.T VALUES (1, 'a');\n  GO {count}\n");

        var error = result.SingleError();
        Assert.Equal((4, 3), (error.Location!.Line, error.Location.Column));
        Assert.Contains("10,000", error.Message);
        Assert.Equal(1, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_go_count_within_the_limit_repeats_the_batch()
    {
        var result = ScriptFolder.Ingest(Table + "INSERT dbo.T VALUES (1, 'a');\nGO 10000\n");
        result.NoErrors();
        Assert.Equal(10_000, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void Includes_that_multiply_are_stopped_at_the_include_limit()
    {
        // f1 includes f2 ten times, f2 includes f3 ten times ... : 10^8 expansions unbounded.
        using var folder = new ScriptFolder();
        for (int i = 1; i < 9; i++)
            folder.Write($"f{i}.sql", string.Concat(Enumerable.Repeat($":r f{i + 1}.sql\n", 10)));
        folder.Write("f9.sql", "PRINT 'x';\n");
        var main = folder.Write("main.sql", ":r f1.sql\nCREATE TABLE T (Id int);\n");
        var clock = Stopwatch.StartNew();

        var result = Ingestor.Ingest([main], new IngestOptions());

        // At the :r that went over the limit, deep down the chain.
        var error = result.SingleError();
        Assert.Contains("10,000", error.Message);
        Assert.Equal("f8.sql", Path.GetFileName(error.Location!.File));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        Assert.NotNull(result.Model.Find("T"));
    }

    [Fact]
    public void Included_text_over_the_limit_is_an_error_at_the_include()
    {
        using var folder = new ScriptFolder();
        folder.Write("big.sql", "CREATE TABLE Big (Id int);" + new string(' ', 200));
        var main = folder.Write("main.sql", "CREATE TABLE T (Id int);\n:r big.sql\n");

        var result = Ingestor.Ingest([main], new IngestOptions { Limits = new ReadLimits { MaxIncludedChars = 100 } });

        Assert.Equal(new SourceLocation(main, 2, 1), result.SingleError().Location);
        Assert.Contains("100 bytes", result.SingleError().Message);
        Assert.Null(result.Model.Find("Big"));
    }

    [Fact]
    public void Includes_nested_deeper_than_the_limit_are_an_error()
    {
        using var folder = new ScriptFolder();
        for (int i = 1; i < 6; i++) folder.Write($"f{i}.sql", $"CREATE TABLE T{i} (Id int);\n:r f{i + 1}.sql\n");
        folder.Write("f6.sql", "CREATE TABLE T6 (Id int);\n");

        var result = Ingestor.Ingest([Path.Combine(folder.Path, "f1.sql")], new IngestOptions { Limits = new ReadLimits { MaxIncludeDepth = 3 } });

        Assert.Contains("3 deep", result.SingleError().Message);
        Assert.NotNull(result.Model.Find("T4"));
        Assert.Null(result.Model.Find("T5"));
    }

    [Fact]
    public void A_data_line_longer_than_the_limit_is_an_error_at_that_line()
    {
        using var folder = new ScriptFolder();
        var csv = folder.Write("t.csv", "Id,Name\n1,Ann\n2," + new string('x', 50) + "\n3,Bob\n");

        var result = Ingestor.Ingest([csv], new IngestOptions { Limits = new ReadLimits { MaxLineBytes = 20 } });

        Assert.Equal(new SourceLocation(csv, 3, 1), result.SingleError().Location);
        Assert.Contains("20 bytes", result.SingleError().Message);
    }

    [Fact]
    public void A_bulk_insert_data_line_longer_than_the_limit_is_an_error_at_that_line()
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\tAnn\r\n2\t" + new string('x', 50) + "\r\n");
        var script = folder.Write("load.sql", Table + "BULK INSERT dbo.T FROM 't.dat';\n");

        var result = Ingestor.Ingest([script], new IngestOptions { Limits = new ReadLimits { MaxLineBytes = 20 } });

        Assert.Equal(new SourceLocation(Path.Combine(folder.Path, "t.dat"), 2, 1), result.SingleError().Location);
    }

    [Fact]
    public void A_line_over_16_MiB_is_an_error_without_reading_the_rest()
    {
        using var folder = new ScriptFolder();
        var csv = Path.Combine(folder.Path, "t.csv");
        using (var stream = File.Create(csv))
        {
            stream.Write("Id\n"u8);
            var chunk = Encoding.ASCII.GetBytes(new string('7', 1 << 20));
            for (int i = 0; i < 17; i++) stream.Write(chunk);
        }

        var result = Ingestor.Ingest([csv], new IngestOptions());

        Assert.Equal(new SourceLocation(csv, 2, 1), result.SingleError().Location);
        Assert.Contains("16 MiB", result.SingleError().Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_before_it_is_read()
    {
        using var folder = new ScriptFolder();
        var csv = Path.Combine(folder.Path, "huge.csv");
        using (var stream = File.Create(csv)) stream.SetLength(1_000_000_000); // sparse: takes no disk

        var result = Ingestor.Ingest([csv], new IngestOptions());

        Assert.Equal(new SourceLocation(csv, 1, 1), result.SingleError().Location);
        Assert.Contains("512 MiB", result.SingleError().Message);
    }

    [Theory]
    [InlineData("FIELDTERMINATOR = ''")]
    [InlineData("ROWTERMINATOR = ''")]
    public void An_empty_terminator_is_an_error_at_the_statement(string option)
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\tAnn\n");
        var script = folder.Write("load.sql", Table + $"\n  BULK INSERT dbo.T FROM 't.dat' WITH ({option});\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        Assert.Equal(new SourceLocation(script, 4, 3), result.SingleError().Location);
        Assert.Contains(option.Split(' ')[0], result.SingleError().Message);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("0")]
    public void A_code_page_out_of_range_is_an_error_at_the_statement(string codePage)
    {
        using var folder = new ScriptFolder();
        folder.Write("t.dat", "1\tAnn\n");
        var script = folder.Write("load.sql", Table + $"BULK INSERT dbo.T FROM 't.dat' WITH (CODEPAGE = '{codePage}');\n");

        var result = Ingestor.Ingest([script], new IngestOptions());

        Assert.Equal(new SourceLocation(script, 3, 1), result.SingleError().Location);
        Assert.Contains("CODEPAGE", result.SingleError().Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("internal error"));
    }
}
