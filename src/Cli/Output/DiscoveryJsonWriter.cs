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
/// document in memory.
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
        var context = ReportJsonContext.Default;
        w.WriteStartObject();
        w.WritePropertyName("tool");
        JsonSerializer.Serialize(w, ToolStamp.Current, context.ToolStamp);
        w.WriteNumber("formatVersion", JsonOutput.FormatVersion);
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
            if (t.CsvFiles is not null)
            {
                w.WritePropertyName("csvFiles");
                JsonSerializer.Serialize(w, t.CsvFiles, context.ListCsvFileLine);
            }
            WriteFds(w, discovered.Result.Fds, t.Columns);
            w.WritePropertyName("uniqueColumnCombinations");
            JsonSerializer.Serialize(w, t.UniqueColumnCombinations, context.ListListString);
            w.WritePropertyName("keyCandidates");
            JsonSerializer.Serialize(w, t.KeyCandidates, context.ListListString);
            w.WritePropertyName("mvds");
            JsonSerializer.Serialize(w, t.Mvds, context.ListDiscoveredMultivaluedDependency);
            w.WritePropertyName("jds");
            JsonSerializer.Serialize(w, t.Jds, context.ListListListString);
            if (t.Limits is not null) w.WriteStringArray("limits", t.Limits);
            w.WriteEndObject();
            if (w.BytesPending >= FlushBytes) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
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
