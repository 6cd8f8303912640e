using System.ComponentModel;
using System.Text.Json.Serialization;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>
/// The `discover --format json` document of CONTRACT.md: per table its rows, columns, NULL semantics,
/// error bound, minimal FDs (one column on the right), minimal unique column combinations and MVDs.
/// Additions: JDs, key candidates (UCCs without NULLs) and "limits" (what was bounded, in words).
/// </summary>
[Description("The document `schemanorm discover --format json` writes.")]
internal sealed record DiscoveryDocument(
    ToolStamp Tool,
    [property: Description("The version of the document's shape; it goes up only when a field is removed, renamed or changes meaning.")] int FormatVersion,
    List<DiscoveryTable> Tables)
{
    public static DiscoveryDocument Of(IReadOnlyList<DiscoveredTable> tables, string currentDirectory) =>
        new(ToolStamp.Current, JsonOutput.FormatVersion, tables.Select(t => DiscoveryTable.Of(t, currentDirectory)).ToList());
}

/// <summary>What discovery found in one table's rows.</summary>
internal sealed record DiscoveryTable(
    string? Schema,
    string Name,
    [property: Description("Rows read.")] int Rows,
    [property: Description("The columns, in table order; every column array of the table uses this order.")] List<string> Columns,
    [property: Description("\"equal\" or \"distinct\": how NULLs compared.")] string Nulls,
    [property: Description("The largest g3 error a dependency may have and still be reported.")] double MaxError,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<CsvFileLine>? CsvFiles,
    [property: Description("Minimal functional dependencies, one column on the right.")] List<DiscoveredFunctionalDependency> Fds,
    [property: Description("Minimal unique column combinations.")] List<List<string>> UniqueColumnCombinations,
    [property: Description("Unique column combinations without NULLs.")] List<List<string>> KeyCandidates,
    [property: Description("Multivalued dependencies.")] List<DiscoveredMultivaluedDependency> Mvds,
    [property: Description("Join dependencies, each a list of components (column lists).")] List<List<List<string>>> Jds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("What bounded the search, in words; absent when nothing did.")] List<string>? Limits)
{
    /// <param name="fds">False: the FDs are left out (the writer streams them; a wide table can have millions).</param>
    public static DiscoveryTable Of(DiscoveredTable discovered, string currentDirectory, bool fds = true)
    {
        var (table, r, notes) = discovered;
        var names = table.ColumnNames;
        var limits = notes.Concat(r.Limits).ToList();
        return new DiscoveryTable(
            table.Name.Schema,
            table.Name.Name,
            r.RowCount,
            [.. names],
            r.Nulls == NullSemantics.Equal ? "equal" : "distinct",
            r.MaxError,
            CsvFileLine.Of(table, currentDirectory),
            fds ? r.Fds.Select(fd => new DiscoveredFunctionalDependency([.. fd.Lhs.Names(names)], names[fd.Rhs], fd.Error)).ToList() : [],
            r.UniqueColumnCombinations.Select(u => u.Names(names).ToList()).ToList(),
            r.KeyCandidates.Select(k => k.Names(names).ToList()).ToList(),
            r.Mvds.Select(m => new DiscoveredMultivaluedDependency([.. m.Lhs.Names(names)], [.. m.Rhs.Names(names)])).ToList(),
            r.Jds.Select(j => j.Components.Select(c => c.Names(names).ToList()).ToList()).ToList(),
            limits.Count > 0 ? limits : null);
    }
}

/// <summary>lhs -> rhs, with its g3 error (0 when it holds exactly).</summary>
internal sealed record DiscoveredFunctionalDependency(List<string> Lhs, string Rhs, double Error);

/// <summary>lhs ->-> rhs.</summary>
internal sealed record DiscoveredMultivaluedDependency(List<string> Lhs, List<string> Rhs);
