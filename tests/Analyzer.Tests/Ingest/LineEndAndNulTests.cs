using System.Text;
using SchemaNorm.Analyzer.Ingest;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>Lines end at LF, CR LF or a lone CR alike; a NUL is refused wherever it is.</summary>
public class LineEndAndNulTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_end_counts_as_a_line(string end)
    {
        var result = ScriptFolder.Ingest(string.Join(end, "CREATE TABLE A (Id int);", "-- comment", "  INSERT INTO Nowhere VALUES (1);", "GO", "CREATE TABLE C (Id int);"));

        Assert.Equal((3, 3), (result.SingleError().Location!.Line, result.SingleError().Location!.Column));
        Assert.NotNull(result.Model.Find("C"));
    }

    [Fact]
    public void A_line_comment_ends_at_a_lone_cr()
    {
        var result = ScriptFolder.Ingest("-- one\rINSERT INTO T VALUES (1);\rCREATE TABLE T (Id int);\r");
        result.NoErrors();
        Assert.Equal(1, result.Table("T").Data!.RowCount);
    }

    [Fact]
    public void A_bad_byte_is_reported_on_its_line_after_lone_crs()
    {
        using var folder = new ScriptFolder();
        var path = folder.WriteBytes("s.sql", [.. "CREATE TABLE T (Id int);\r-- x\r-- "u8, 0xE9, .. "\r"u8]);

        var result = Ingestor.Ingest([path], new IngestOptions());

        Assert.Equal((3, 4), (result.SingleError().Location!.Line, result.SingleError().Location!.Column));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(20000)]
    public void A_nul_byte_is_refused_wherever_it_is(int offset)
    {
        using var folder = new ScriptFolder();
        var text = Encoding.ASCII.GetBytes("CREATE TABLE T (Id int);\n" + new string('-', 30000));
        text[offset + 25] = 0;
        var path = folder.WriteBytes("s.sql", text);

        var result = Ingestor.Ingest([path], new IngestOptions());

        Assert.Contains("NUL", result.SingleError().Message);
        Assert.Equal((2, offset + 1), (result.SingleError().Location!.Line, result.SingleError().Location!.Column));
    }

    [Fact]
    public void A_nul_character_in_utf16_is_refused_too()
    {
        using var folder = new ScriptFolder();
        var path = folder.WriteBytes("s.sql", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("CREATE TABLE T (Id int);\n--\0\n")]);

        var result = Ingestor.Ingest([path], new IngestOptions());

        Assert.Equal((2, 3), (result.SingleError().Location!.Line, result.SingleError().Location!.Column));
    }

    [Fact]
    public void Csv_rows_are_located_after_lone_crs()
    {
        using var folder = new ScriptFolder();
        var csv = folder.Write("t.csv", "A,B\r1,2\r3\r");

        var result = Ingestor.Ingest([csv], new IngestOptions());

        Assert.Equal(3, result.SingleError().Location!.Line);
    }
}
