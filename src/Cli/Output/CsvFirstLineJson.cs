using System.Text.Json;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// "csvFiles" in the JSON reports: for each CSV file read for a table, whether its first line was read as
/// the header or as data, what decided it, and why, so that a wrong guess is visible and can be overridden.
/// </summary>
internal static class CsvFirstLineJson
{
    public static void Write(Utf8JsonWriter w, Table table, string currentDirectory)
    {
        if (table.CsvFirstLines.Count == 0) return;
        w.WriteStartArray("csvFiles");
        foreach (var line in table.CsvFirstLines)
        {
            w.WriteStartObject();
            w.WriteString("file", PathDisplay.Relative(line.Path, currentDirectory));
            w.WriteString("firstLine", line.IsHeader ? "header" : "data");
            w.WriteString("decidedBy", line.DecidedBy);
            if (line.Reason is { } reason) w.WriteString("reason", reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
