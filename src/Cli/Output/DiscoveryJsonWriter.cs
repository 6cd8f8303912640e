using System.Text.Json;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Output;

/// <summary>One table's discovery: the table, what was found, and the bounds the run itself chose.</summary>
internal sealed record DiscoveredTable(Table Table, DiscoveryResult Result, IReadOnlyList<string> Notes);

/// <summary>
/// The `discover --format json` document of CONTRACT.md: per table its rows, columns, NULL semantics,
/// error bound, minimal FDs (one column on the right), minimal unique column combinations and MVDs.
/// Additions: JDs, key candidates (UCCs without NULLs) and "limits" (what was bounded, in words).
/// </summary>
internal static class DiscoveryJsonWriter
{
    public static string Write(IReadOnlyList<DiscoveredTable> tables) => JsonOutput.Write(w => WriteTo(w, tables));

    /// <param name="currentDirectory">What file paths are shown relative to.</param>
    public static void WriteTo(Utf8JsonWriter w, IReadOnlyList<DiscoveredTable> tables, string? currentDirectory = null)
    {
        w.WriteStartObject();
        w.WriteTool();
        w.WriteStartArray("tables");
        foreach (var (table, r, notes) in tables)
        {
            var names = table.ColumnNames;
            w.WriteStartObject();
            if (table.Name.Schema is null) w.WriteNull("schema");
            else w.WriteString("schema", table.Name.Schema);
            w.WriteString("name", table.Name.Name);
            w.WriteNumber("rows", r.RowCount);
            w.WriteStringArray("columns", names);
            w.WriteString("nulls", r.Nulls == NullSemantics.Equal ? "equal" : "distinct");
            w.WriteNumber("maxError", r.MaxError);
            CsvFirstLineJson.Write(w, table, currentDirectory ?? Environment.CurrentDirectory);

            w.WriteStartArray("fds");
            foreach (var fd in r.Fds)
            {
                w.WriteStartObject();
                w.WriteStringArray("lhs", fd.Lhs.Names(names));
                w.WriteString("rhs", names[fd.Rhs]);
                w.WriteNumber("error", fd.Error);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("uniqueColumnCombinations");
            foreach (var ucc in r.UniqueColumnCombinations) w.WriteStringArray(ucc.Names(names));
            w.WriteEndArray();
            w.WriteStartArray("keyCandidates");
            foreach (var key in r.KeyCandidates) w.WriteStringArray(key.Names(names));
            w.WriteEndArray();

            w.WriteStartArray("mvds");
            foreach (var m in r.Mvds)
            {
                w.WriteStartObject();
                w.WriteStringArray("lhs", m.Lhs.Names(names));
                w.WriteStringArray("rhs", m.Rhs.Names(names));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("jds");
            foreach (var j in r.Jds)
            {
                w.WriteStartArray();
                foreach (var c in j.Components) w.WriteStringArray(c.Names(names));
                w.WriteEndArray();
            }
            w.WriteEndArray();

            var limits = notes.Concat(r.Limits).ToList();
            if (limits.Count > 0) w.WriteStringArray("limits", limits);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
