using System.ComponentModel;
using System.Text.Json.Serialization;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>
/// One entry of "csvFiles": whether a CSV file's first line was read as the header or as data, what
/// decided it and why, so that a wrong guess is visible and can be overridden.
/// </summary>
internal sealed record CsvFileLine(
    [property: Description("The CSV file, relative to the current folder.")] string File,
    [property: Description("\"header\" or \"data\".")] string FirstLine,
    [property: Description("What decided how the first line was read.")] string DecidedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason)
{
    /// <summary>The entries of a table, null (left out of the document) when it was read from no CSV file.</summary>
    public static List<CsvFileLine>? Of(Table table, string currentDirectory) =>
        table.CsvFirstLines.Count == 0
            ? null
            : table.CsvFirstLines.Select(l => new CsvFileLine(
                PathDisplay.Relative(l.Path, currentDirectory), l.IsHeader ? "header" : "data", l.DecidedBy, l.Reason)).ToList();
}
