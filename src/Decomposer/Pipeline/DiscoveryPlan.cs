using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Discovery;
namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>
/// Turns the run's discovery settings into the options for one table. A table wider than
/// <see cref="WideTableColumns"/> observed columns, with no --max-lhs given, is searched for left sides
/// of at most <see cref="WideTableMaxLhs"/> columns: its minimal FDs can number in the millions, and the
/// bound is reported with the results.
/// </summary>
public static class DiscoveryPlan
{
    public const int WideTableColumns = 64;
    public const int WideTableMaxLhs = 3;

    public static DiscoveryOptions Base(DiscoverySettings settings, TimeSpan? timeLimit = null) => new()
    {
        Nulls = settings.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct,
        MaxLhs = settings.MaxLhs,
        MaxError = settings.MaxError ?? 0,
        TimeLimit = timeLimit,
    };

    /// <summary>Options for one table, and a sentence for each bound the plan itself chose.</summary>
    public static (DiscoveryOptions Options, IReadOnlyList<string> Notes) ForTable(
        DiscoveryOptions options, DiscoverySettings settings, TableData data, bool mvds)
    {
        var notes = new List<string>();
        int columns = data.ObservedColumns.Count;
        if (settings.MaxLhs is null && columns > WideTableColumns)
        {
            options = options with { MaxLhs = WideTableMaxLhs };
            notes.Add($"left-hand sides bounded to {WideTableMaxLhs} columns because the table has {columns} columns (give --max-lhs to choose)");
        }
        // MVDs and JDs are searched where the search is cheap; discovery itself reports what it skipped.
        options = options with { Mvds = mvds, Jds = mvds };
        return (options, notes);
    }
}
