using System.Text;
using System.Text.Json;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Output.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// The discover reports are handed to their destination in bounded pieces as they are written, however
/// many FDs there are: a wide table's list can run to gigabytes of JSON.
/// </summary>
public class DiscoveryReportStreamingTests
{
    /// <summary>A small table with thousands of minimal FDs: 14 columns of values 0..2 over 14 rows.</summary>
    private static DiscoveredTable ManyFds()
    {
        var t = new Table(new QualifiedName(null, "R"), new SourceLocation("r.csv", 1, 1));
        for (int c = 0; c < 14; c++) t.Columns.Add(new Column("c" + c, new SqlType("int"), new SourceLocation("r.csv", 1, 1)));
        var random = new Random(7);
        var b = new TableDataBuilder(t.ColumnNames);
        for (int r = 0; r < 14; r++)
            b.AddRow(Enumerable.Range(0, 14).Select(_ => (string?)random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        t.Data = b.Build();
        return new DiscoveredTable(t, DependencyDiscovery.Discover(t.Data), []);
    }

    /// <summary>Records the size of each piece written to it.</summary>
    private sealed class PieceStream : MemoryStream
    {
        public List<int> Pieces { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Pieces.Add(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Pieces.Add(buffer.Length);
            base.Write(buffer);
        }
    }

    private sealed class PieceWriter : StringWriter
    {
        public List<int> Pieces { get; } = [];

        public override void Write(char value)
        {
            Pieces.Add(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Pieces.Add(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Pieces.Add(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Pieces.Add(buffer.Length);
            base.Write(buffer);
        }
    }

    [Fact]
    public void Json_report_reaches_the_stream_in_bounded_pieces()
    {
        var table = ManyFds();
        Assert.True(table.Result.Fds.Count > 2000, $"{table.Result.Fds.Count} FDs");
        var stream = new PieceStream();
        JsonOutput.WriteTo(stream, w => DiscoveryJsonWriter.WriteTo(w, [table], "/"));
        Assert.True(stream.Length > 4 * DiscoveryJsonWriter.FlushBytes, $"{stream.Length} bytes");
        // One FD's JSON is far below the margin: nothing larger than the flush size and one FD is held.
        Assert.All(stream.Pieces, p => Assert.True(p < DiscoveryJsonWriter.FlushBytes + 4096, $"a piece of {p} bytes"));

        // The same document the serializer writes from the record types (which the report schema describes).
        var serialized = JsonOutput.Write(w => JsonSerializer.Serialize(w, DiscoveryDocument.Of([table], "/"), ReportJsonContext.Default.DiscoveryDocument));
        Assert.Equal(serialized, Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// Every optional part of a table's entry — CSV first lines with and without a reason, MVDs, a join
    /// dependency, limits — written by hand as the serializer writes it from the record types.
    /// </summary>
    [Fact]
    public void Json_report_has_the_serializers_shape_in_every_part()
    {
        // Every (course, teacher, book) combination: course ->> teacher | book, and a JD of the two projections.
        var t = new Table(new QualifiedName("dbo", "CTX"), new SourceLocation("ctx.csv", 1, 1));
        foreach (var name in new[] { "course", "teacher", "book" })
            t.Columns.Add(new Column(name, new SqlType("varchar"), new SourceLocation("ctx.csv", 1, 1)));
        var b = new TableDataBuilder(t.ColumnNames);
        foreach (var (course, teachers, books) in new[] { ("db", new[] { "ann", "bob" }, new[] { "date", "ullman" }), ("ai", new[] { "cy" }, new[] { "norvig", "russell" }) })
            foreach (var teacher in teachers)
                foreach (var book in books)
                    b.AddRow([course, teacher, book]);
        t.Data = b.Build();
        t.CsvFirstLines.Add(new CsvFirstLine("/data/ctx.csv", true, "option", null));
        t.CsvFirstLines.Add(new CsvFirstLine("/data/more \"ctx\".csv", false, "values", "the first line's types are the data's: é"));
        var result = DependencyDiscovery.Discover(t.Data, new DiscoveryOptions { Mvds = true, Jds = true, MaxLhs = 1 });
        Assert.NotEmpty(result.Mvds);
        var table = new DiscoveredTable(t, result, ["a note"]);

        var stream = new MemoryStream();
        JsonOutput.WriteTo(stream, w => DiscoveryJsonWriter.WriteTo(w, [table], "/data"));
        var serialized = JsonOutput.Write(w => JsonSerializer.Serialize(w, DiscoveryDocument.Of([table], "/data"), ReportJsonContext.Default.DiscoveryDocument));
        Assert.Contains("\"reason\"", serialized);
        Assert.Contains("\"limits\"", serialized);
        Assert.Equal(serialized, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Text_report_reaches_the_writer_in_bounded_pieces()
    {
        var table = ManyFds();
        var writer = new PieceWriter();
        DiscoveryTextWriter.Write([table], writer, flushAt: 4096);
        var text = writer.ToString();
        Assert.True(text.Length > 4 * 4096, $"{text.Length} characters");
        // Nothing larger than the flush size and one left side's line is held.
        Assert.All(writer.Pieces, p => Assert.True(p < 4096 + 1024, $"a piece of {p} characters"));
        Assert.Equal(DiscoveryTextWriter.Write([table]), text);
    }
}
