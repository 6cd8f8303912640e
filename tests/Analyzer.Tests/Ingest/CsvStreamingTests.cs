using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Csv;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// A file is read a chunk at a time; the records that straddle chunks, the lines counted across them and
/// the errors found far into a file must come out as from the text held whole.
/// </summary>
public sealed class CsvStreamingTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("schemanorm-csv-stream");

    public void Dispose() => _dir.Delete(true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Records with every construct the parser knows, in random order, long enough to span many chunks.</summary>
    private static string RandomCsv(int seed, int records)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,name,note\n");
        string[] ends = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"];
        for (int r = 0; r < records; r++)
        {
            int fields = random.Next(50) == 0 ? 2 : 3; // now and then a ragged row
            for (int f = 0; f < fields; f++)
            {
                if (f > 0) text.Append(',');
                text.Append(random.Next(8) switch
                {
                    0 => "",
                    1 => "\"\"",
                    2 => "\"a, \"\"quoted\"\"\r\nvalue " + random.Next(100) + "\"",
                    3 => "\"two\nlines\rthree\"",
                    4 => "mid\"quote" + random.Next(10),
                    _ => new string((char)('a' + random.Next(26)), random.Next(1, 40)),
                });
            }
            text.Append(ends[random.Next(ends.Length)]);
        }
        return text.ToString();
    }

    private static void AssertSameTable(CsvTable? expected, DiagnosticBag expectedDiagnostics, CsvTable? actual, DiagnosticBag actualDiagnostics)
    {
        Assert.Equal(expectedDiagnostics.Items.Select(d => d.ToString()), actualDiagnostics.Items.Select(d => d.ToString()));
        Assert.Equal(expected is null, actual is null);
        if (expected is null) return;
        Assert.Equal(expected.Header, actual!.Header);
        Assert.Equal(expected.FirstLineIsHeader, actual.FirstLineIsHeader);
        Assert.Equal(expected.Data.RowCount, actual.Data.RowCount);
        for (int c = 0; c < expected.Data.ColumnCount; c++)
            for (int r = 0; r < expected.Data.RowCount; r++)
                Assert.Equal(expected.Data.Value(r, c), actual.Data.Value(r, c));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void A_file_read_in_chunks_gives_the_rows_and_messages_of_its_text_read_whole(int seed, bool detectHeader)
    {
        var text = RandomCsv(seed, 9000);
        Assert.True(text.Length > 4 * 65536, "the file spans several chunks");
        var path = WriteFile("random.csv", Encoding.UTF8.GetBytes(text));
        var options = new CsvOptions { DetectHeader = detectHeader };

        var whole = new DiagnosticBag();
        var expected = CsvReader.Parse(text, path, options, whole);
        var streamed = new DiagnosticBag();
        var actual = CsvReader.Read(path, options, streamed);

        Assert.Contains(whole.Items, d => d.Message.Contains("fields, but the"));
        AssertSameTable(expected, whole, actual, streamed);
    }

    [Fact]
    public void Multibyte_characters_split_between_chunks_decode_whole()
    {
        // Three-byte characters from the start, so that some chunk boundary falls inside one.
        var text = "k,v\n" + string.Concat(Enumerable.Range(0, 30000).Select(i => $"{i},€ü{i % 7}\n"));
        var path = WriteFile("utf8.csv", Encoding.UTF8.GetBytes(text));
        var d = new DiagnosticBag();
        var t = CsvReader.Read(path, new CsvOptions(), d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(30000, t!.Data.RowCount);
        Assert.Equal("€ü6", t.Data.Value(6, 1));
        Assert.Equal("€ü4", t.Data.Value(29999, 1));
    }

    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_reads_in_chunks()
    {
        var text = "k,v\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i},Ω{i % 3}\r\n"));
        var path = WriteFile("utf16.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        var d = new DiagnosticBag();
        var t = CsvReader.Read(path, new CsvOptions(), d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(["k", "v"], t!.Header);
        Assert.Equal(20000, t.Data.RowCount);
        Assert.Equal("Ω1", t.Data.Value(19999, 1));
    }

    [Fact]
    public void A_bad_byte_far_into_the_file_is_located_and_the_rows_before_it_report_nothing()
    {
        var good = "a,b\n" + string.Concat(Enumerable.Range(0, 40000).Select(i => i == 5 ? "ragged\n" : $"{i},x\n"));
        var bytes = Encoding.UTF8.GetBytes(good + "1,\n");
        bytes[^2] = 0xFF; // not UTF-8, on line 40002
        var d = new DiagnosticBag();
        Assert.Null(CsvReader.Read(WriteFile("bad.csv", bytes), new CsvOptions(), d));
        var e = Assert.Single(d.Items);
        Assert.Contains("not valid utf-8", e.Message);
        Assert.Equal(40002, e.Location!.Line);
    }

    [Fact]
    public void A_nul_far_into_the_file_is_located()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(0, 40000).Select(i => $"{i},x\n")) + "1,\0\n");
        var d = new DiagnosticBag();
        Assert.Null(CsvReader.Read(WriteFile("nul.csv", bytes), new CsvOptions(), d));
        var e = Assert.Single(d.Items);
        Assert.Contains("not a text file", e.Message);
        Assert.Equal(40002, e.Location!.Line);
    }

    [Fact]
    public void A_line_over_the_limit_far_into_the_file_is_located()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 40000).Select(i => $"{i},x\n")) + "1," + new string('y', 5000) + "\n";
        var d = new DiagnosticBag();
        var limits = ReadLimits.Default with { MaxLineBytes = 4096 };
        Assert.Null(CsvReader.Read(WriteFile("long.csv", Encoding.UTF8.GetBytes(text)), new CsvOptions { Limits = limits }, d));
        var e = Assert.Single(d.Items);
        Assert.Contains("line 40002 is longer than", e.Message);
        Assert.Equal(40002, e.Location!.Line);
    }

    [Fact]
    public void A_file_over_the_whole_file_limit_is_read_in_chunks()
    {
        // CSV files are streamed, so they may be larger than a script: only the streamed limit applies.
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i},x{i % 7}\n"));
        var limits = ReadLimits.Default with { MaxFileBytes = 1024 };
        var d = new DiagnosticBag();
        var table = CsvReader.Read(WriteFile("big.csv", Encoding.UTF8.GetBytes(text)), new CsvOptions { Limits = limits }, d);
        Assert.Empty(d.Items);
        Assert.Equal(1000, table!.Data.RowCount);

        var tooLarge = limits with { MaxStreamedFileBytes = 2048 };
        Assert.Null(CsvReader.Read(WriteFile("bigger.csv", Encoding.UTF8.GetBytes(text)), new CsvOptions { Limits = tooLarge }, d));
        Assert.Contains("more than the 2,048 bytes a CSV file may be", Assert.Single(d.Items).Message);
    }

    [Fact]
    public void A_bad_byte_in_a_file_over_the_whole_file_limit_is_an_error_near_its_line()
    {
        var good = "a,b\n" + string.Concat(Enumerable.Range(0, 40000).Select(i => $"{i},x\n"));
        var bytes = Encoding.UTF8.GetBytes(good + "1,\n");
        bytes[^2] = 0xFF;
        var d = new DiagnosticBag();
        var limits = ReadLimits.Default with { MaxFileBytes = 1024 };
        Assert.Null(CsvReader.Read(WriteFile("bad-big.csv", bytes), new CsvOptions { Limits = limits }, d));
        var e = Assert.Single(d.Items);
        Assert.Contains("is not plain text within the limits by line", e.Message);
        Assert.InRange(e.Location!.Line, 40002, 40003); // the line reached by the end of the chunk that held the bad byte
    }

    [Fact]
    public void A_file_of_blank_lines_is_empty()
    {
        var d = new DiagnosticBag();
        Assert.Null(CsvReader.Read(WriteFile("blank.csv", Encoding.UTF8.GetBytes(new string('\n', 200000) + "  \r\n")), new CsvOptions(), d));
        Assert.Equal("the file is empty", Assert.Single(d.Items).Message);
    }

    [Fact]
    public void The_text_is_never_held_whole()
    {
        // 20,000 rows of two 100-character values, few distinct: about 4 MB of UTF-8 and 8 MB as text.
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"{new string((char)('a' + i % 3), 100)},{new string((char)('k' + i % 5), 100)}\n"));
        var path = WriteFile("big.csv", Encoding.UTF8.GetBytes(text));
        var d = new DiagnosticBag();
        CsvReader.Read(path, new CsvOptions(), d); // warm up: what is allocated once per process is not counted
        long before = GC.GetAllocatedBytesForCurrentThread();
        var t = CsvReader.Read(path, new CsvOptions(), d);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20000, t!.Data.RowCount);
        // The codes (2 x 20,000 ints, grown by doubling) and the window: about 1 MB, not the 12 MB of the
        // file's bytes and its text.
        Assert.True(allocated < text.Length / 2, $"{allocated:N0} bytes allocated to read {text.Length:N0} characters");
    }
}
