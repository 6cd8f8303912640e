using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

public class CsvReaderTests
{
    private static (CsvTable? table, DiagnosticBag diagnostics) Parse(string text, CsvOptions? options = null)
    {
        var d = new DiagnosticBag();
        return (CsvReader.Parse(text, "t.csv", options ?? new CsvOptions(), d), d);
    }

    [Fact]
    public void Reads_quoted_fields_with_separators_quotes_and_newlines()
    {
        var (t, d) = Parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\r\n");
        Assert.False(d.HasErrors);
        Assert.Equal(["a", "b", "c"], t!.Header);
        Assert.Equal(2, t.Data.RowCount);
        Assert.Equal("x, y", t.Data.Value(0, 1));
        Assert.Equal("say \"hi\"", t.Data.Value(0, 2));
        Assert.Equal("two\nlines", t.Data.Value(1, 1));
        Assert.Equal("z", t.Data.Value(1, 2));
    }

    [Fact]
    public void Empty_fields_quoted_or_not_are_null()
    {
        var (t, _) = Parse("a,b,c\n,\"\",x\n");
        Assert.Null(t!.Data.Value(0, 0));
        Assert.Null(t.Data.Value(0, 1));
        Assert.True(t.Data.Columns[0].HasNulls);
        Assert.False(t.Data.Columns[2].HasNulls);
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n4;5;6\n", ';')]
    [InlineData("a\tb\n1\t2\n", '\t')]
    [InlineData("a|b|c\n1|2,5|3\n", '|')]
    [InlineData("name,note\n\"Smith; John\",x\n", ',')]
    public void Detects_the_delimiter(string text, char expected)
    {
        var (t, _) = Parse(text);
        Assert.Equal(expected, t!.Delimiter);
    }

    [Fact]
    public void A_ragged_row_is_an_error_naming_its_line_and_is_left_out()
    {
        var (t, d) = Parse("a,b\n1,2\n3\n4,5\n");
        var e = Assert.Single(d.Items);
        Assert.Equal(DiagnosticSeverity.Error, e.Severity);
        Assert.Equal(3, e.Location!.Line);
        Assert.Contains("1 fields", e.Message);
        Assert.Equal(2, t!.Data.RowCount);
    }

    [Fact]
    public void Line_numbers_count_newlines_inside_quotes()
    {
        var (_, d) = Parse("a,b\n\"x\ny\",2\n3\n");
        Assert.Equal(4, Assert.Single(d.Items).Location!.Line);
    }

    [Fact]
    public void Without_a_header_columns_are_numbered()
    {
        var (t, _) = Parse("1,2\n3,4\n", new CsvOptions { HasHeader = false });
        Assert.Equal(["column1", "column2"], t!.Header);
        Assert.Equal(2, t.Data.RowCount);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        var (t, d) = Parse("a,b\n1,\"open\n2,3\n");
        Assert.Null(t);
        Assert.Contains(d.Items, x => x.Message.Contains("never closed") && x.Location!.Line == 2);
    }

    [Fact]
    public void Empty_binary_and_non_utf8_files_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("schemanorm-csv");
        try
        {
            var empty = Path.Combine(dir.FullName, "empty.csv");
            File.WriteAllText(empty, "");
            var binary = Path.Combine(dir.FullName, "binary.csv");
            File.WriteAllBytes(binary, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
            var latin1 = Path.Combine(dir.FullName, "latin1.csv");
            File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("name\nJosé\n"));

            foreach (var (path, words) in new[] { (empty, "empty"), (binary, "not a text file"), (latin1, "not valid utf-8") })
            {
                var d = new DiagnosticBag();
                Assert.Null(CsvReader.Read(path, new CsvOptions(), d));
                Assert.Contains(d.Items, x => x.Message.Contains(words, StringComparison.OrdinalIgnoreCase));
            }

            // The same Latin-1 file reads when its encoding is named.
            var ok = new DiagnosticBag();
            var t = CsvReader.Read(latin1, new CsvOptions { Encoding = Encoding.Latin1 }, ok);
            Assert.Equal("José", t!.Data.Value(0, 0));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_utf8_bom_is_not_part_of_the_first_column_name()
    {
        var dir = Directory.CreateTempSubdirectory("schemanorm-csv");
        try
        {
            var path = Path.Combine(dir.FullName, "bom.csv");
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id,name\n1,x\n")]);
            var t = CsvReader.Read(path, new CsvOptions(), new DiagnosticBag());
            Assert.Equal("id", t!.Header[0]);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    // Row and column counts of the benchmark files, as their README lists them.
    [Theory]
    [InlineData("iris.csv", false, 150, 5)]
    [InlineData("adult.csv", false, 32561, 15)]
    [InlineData("abalone.csv", false, 4177, 9)]
    [InlineData("ncvoter_1001r_19c.csv", true, 1000, 19)]
    [InlineData("LineItem.csv", true, 536, 16)]
    [InlineData("uniprot_1001r_223c.csv", true, 1000, 223)]
    public void Reads_the_benchmark_datasets(string file, bool header, int rows, int columns)
    {
        var d = new DiagnosticBag();
        var t = CsvReader.Read(Path.Combine(TestPaths.Datasets, file), new CsvOptions { HasHeader = header }, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(rows, t!.Data.RowCount);
        Assert.Equal(columns, t.Data.ColumnCount);
    }
}
