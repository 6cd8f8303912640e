using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Ingest;

public class HeaderDetectionTests
{
    private static CsvTable Detect(string text)
    {
        var d = new DiagnosticBag();
        var t = CsvReader.Parse(text, "t.csv", new CsvOptions { DetectHeader = true }, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        return t!;
    }

    [Fact]
    public void Names_above_numbers_are_a_header()
    {
        var t = Detect("width,height\n1,2\n3,4\n");
        Assert.True(t.FirstLineIsHeader);
        Assert.Equal(["width", "height"], t.Header);
        Assert.Equal(2, t.Data.RowCount);
        Assert.Contains("'width' is text where column 1 holds numbers", t.DetectionReason);
    }

    [Fact]
    public void Numbers_above_numbers_are_data_and_the_columns_are_numbered()
    {
        var t = Detect("5.1,Iris-setosa\n4.9,Iris-setosa\n6.3,Iris-virginica\n");
        Assert.False(t.FirstLineIsHeader);
        Assert.Equal(["column1", "column2"], t.Header);
        Assert.Equal(3, t.Data.RowCount);
        Assert.Equal("5.1", t.Data.Value(0, 0));
    }

    [Fact]
    public void Text_that_recurs_below_is_data()
    {
        Assert.False(Detect("red,small\nred,large\nblue,small\n").FirstLineIsHeader);
    }

    [Fact]
    public void A_longer_word_above_one_letter_codes_is_a_header()
    {
        var t = Detect("edible,shape\np,x\ne,b\n");
        Assert.True(t.FirstLineIsHeader);
        Assert.Contains("'edible' is 6 characters long", t.DetectionReason);
    }

    [Fact]
    public void Without_evidence_the_first_line_stays_the_header()
    {
        Assert.True(Detect("planet,moon\nEarth,Moon\nMars,Phobos\n").FirstLineIsHeader);
        Assert.True(Detect("a,b\n").FirstLineIsHeader);
    }

    [Fact]
    public void Missing_value_markers_do_not_make_a_numeric_column_text()
    {
        // A header above numbers with NULL and ? among them; and data whose first field is '?'.
        Assert.True(Detect("qty,price\n1,NULL\n?,2.5\n3,4\n").FirstLineIsHeader);
        Assert.False(Detect("?,1\n2,3\n4,5\n").FirstLineIsHeader);
    }

    [Fact]
    public void Detection_is_not_asked_when_the_header_is_given()
    {
        var d = new DiagnosticBag();
        var t = CsvReader.Parse("1,2\n3,4\n", "t.csv", new CsvOptions(), d)!;
        Assert.True(t.FirstLineIsHeader);
        Assert.Null(t.DetectionReason);
    }

    /// <summary>Every benchmark file, with the Header column and row count of the datasets' own README.</summary>
    public static TheoryData<string, bool, int> BenchmarkFiles()
    {
        var data = new TheoryData<string, bool, int>();
        var row = new Regex(@"^\| `(?<file>[^`]+\.csv)` \| (?<rows>[\d,]+) \| \d+ \| [^|]+ \| (?<header>yes|no) \|");
        foreach (var line in File.ReadLines(TestPaths.SharedFile("datasets", "fd", "README.md")))
            if (row.Match(line) is { Success: true } m)
                data.Add(m.Groups["file"].Value, m.Groups["header"].Value == "yes", int.Parse(m.Groups["rows"].Value.Replace(",", "")));
        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkFiles))]
    public void Tells_the_header_of_every_benchmark_file(string file, bool header, int rows)
    {
        var d = new DiagnosticBag();
        var t = CsvReader.Read(Path.Combine(TestPaths.Datasets, file), new CsvOptions { DetectHeader = true }, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.True(header == t!.FirstLineIsHeader, t.DetectionReason);
        Assert.Equal(rows, t.Data.RowCount);
    }
}
