using System.Text.Json;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output.Json;

namespace SchemaNorm.Cli.Output;

/// <summary>One table's discovery: the table, what was found, and the bounds the run itself chose.</summary>
internal sealed record DiscoveredTable(Table Table, DiscoveryResult Result, IReadOnlyList<string> Notes);

/// <summary>
/// Writes the <see cref="DiscoveryDocument"/> (`discover --format json`) field by field, as the serializer
/// would, but with the FDs streamed: a wide table's FD list can run to gigabytes of JSON, so the writer
/// hands what it holds to the stream every <see cref="FlushBytes"/> bytes instead of building the whole
/// document in memory. Every part is written by hand rather than through the generated serializers: a
/// serializer's first use builds its type metadata (converters, attributes read by reflection), which
/// was a tenth of a small file's whole run.
/// </summary>
internal static class DiscoveryJsonWriter
{
    /// <summary>The most the writer holds before passing it on (a bound on the report's memory, whatever its size).</summary>
    public const int FlushBytes = 1 << 16;

    public static string Write(IReadOnlyList<DiscoveredTable> tables) => JsonOutput.Write(w => WriteTo(w, tables));

    /// <param name="currentDirectory">What file paths are shown relative to.</param>
    public static void WriteTo(Utf8JsonWriter w, IReadOnlyList<DiscoveredTable> tables, string? currentDirectory = null)
    {
        currentDirectory ??= Environment.CurrentDirectory;
        w.WriteStartObject();
        w.WriteTool();
        w.WriteStartArray("tables");
        foreach (var discovered in tables)
        {
            var t = DiscoveryTable.Of(discovered, currentDirectory, fds: false);
            w.WriteStartObject();
            w.WriteString("schema", t.Schema);
            w.WriteString("name", t.Name);
            w.WriteNumber("rows", t.Rows);
            w.WriteStringArray("columns", t.Columns);
            w.WriteString("nulls", t.Nulls);
            w.WriteNumber("maxError", t.MaxError);
            if (t.CsvFiles is not null) WriteCsvFiles(w, t.CsvFiles);
            WriteFds(w, discovered.Result.Fds, t.Columns);
            WriteColumnLists(w, "uniqueColumnCombinations", t.UniqueColumnCombinations);
            WriteColumnLists(w, "keyCandidates", t.KeyCandidates);
            w.WriteStartArray("mvds");
            foreach (var mvd in t.Mvds)
            {
                w.WriteStartObject();
                w.WriteStringArray("lhs", mvd.Lhs);
                w.WriteStringArray("rhs", mvd.Rhs);
                w.WriteEndObject();
                if (w.BytesPending >= FlushBytes) w.Flush();
            }
            w.WriteEndArray();
            w.WriteStartArray("jds");
            foreach (var jd in t.Jds)
            {
                w.WriteStartArray();
                foreach (var component in jd) w.WriteStringArray(component);
                w.WriteEndArray();
                if (w.BytesPending >= FlushBytes) w.Flush();
            }
            w.WriteEndArray();
            if (t.Limits is not null) w.WriteStringArray("limits", t.Limits);
            w.WriteEndObject();
            if (w.BytesPending >= FlushBytes) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCsvFiles(Utf8JsonWriter w, List<CsvFileLine> lines)
    {
        w.WriteStartArray("csvFiles");
        foreach (var line in lines)
        {
            w.WriteStartObject();
            w.WriteString("file", line.File);
            w.WriteString("firstLine", line.FirstLine);
            w.WriteString("decidedBy", line.DecidedBy);
            if (line.Reason is not null) w.WriteString("reason", line.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteColumnLists(Utf8JsonWriter w, string name, List<List<string>> lists)
    {
        w.WriteStartArray(name);
        foreach (var columns in lists)
        {
            w.WriteStringArray(columns);
            if (w.BytesPending >= FlushBytes) w.Flush();
        }
        w.WriteEndArray();
    }

    private static void WriteFds(Utf8JsonWriter w, IReadOnlyList<DiscoveredFd> fds, IReadOnlyList<string> names)
    {
        var list = fds as DiscoveredFdList;
        w.WriteStartArray("fds");
        foreach (var (lhs, start, end) in DiscoveredFdList.Groups(fds))
        {
            var lhsNames = lhs.Names(names);
            for (int i = start; i < end; i++)
            {
                w.WriteStartObject();
                w.WriteStringArray("lhs", lhsNames);
                w.WriteString("rhs", names[list?.RhsAt(i) ?? fds[i].Rhs]);
                w.WriteNumber("error", list?.ErrorAt(i) ?? fds[i].Error);
                w.WriteEndObject();
                if (w.BytesPending >= FlushBytes) w.Flush();
            }
        }
        w.WriteEndArray();
    }
}
