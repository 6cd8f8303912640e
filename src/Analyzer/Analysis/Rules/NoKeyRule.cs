using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN1001 (1NF): the table declares no key (no PRIMARY KEY, UNIQUE constraint or unfiltered unique
/// index), so nothing stops two identical rows: it is a bag, not a relation. With sample rows, duplicate
/// rows are named (and raise the severity to error). A table read only from a data file has no DDL to
/// declare a key in: it is reported only when its rows hold duplicates.
/// </summary>
public sealed class NoKeyRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN1001";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Table has no key", NormalForm.First, Severity.Warning,
        "No PRIMARY KEY, UNIQUE constraint or unique index: rows can repeat.")
    {
        SeverityNote = "error when sample rows repeat",
    };

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        if (ctx.DeclaredKeys.Count > 0) yield break;
        // SQL Server forbids a temporal history table a key; an edge table's rows are links that may repeat.
        if (ctx.Table.Kind is TableKind.TemporalHistory or TableKind.GraphEdge) yield break;
        var duplicates = Duplicates(ctx);
        if (ctx.Table.FromDataOnly && duplicates.Count == 0) yield break;

        string t = ctx.Table.Name.ToString();
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Insertion, "the same row can be inserted twice, and nothing says which copy is the fact"),
            new(AnomalyKind.Update, "an UPDATE cannot single out one of two identical rows"),
            new(AnomalyKind.Deletion, "a DELETE cannot remove one of two identical rows without the other"),
        };
        var head = ctx.Table.FromDataOnly
            ? $"{t} holds duplicate rows and has no key"
            : $"{t} has no PRIMARY KEY, UNIQUE constraint or unique index, so nothing stops two identical rows";
        var suggested = ctx.AssumedKey ?? ctx.Keys.FirstOrDefault(k => k != ctx.Universe);
        var fix = suggested.IsEmpty
            ? "declare a PRIMARY KEY on the columns that identify a row (add an identifying column if none do)"
            : ctx.AssumedKeySource == DependencySource.Data
                ? $"declare PRIMARY KEY {ctx.Tuple(suggested)}, which is unique in the sample rows (found in the rows: the analysis used it as the key)"
                : $"declare PRIMARY KEY {ctx.Tuple(suggested)}, which the declared dependencies make a key";
        string? assumed = ctx.AssumedKey is { } key
            ? ctx.AssumedKeySource == DependencySource.Data
                ? $"The table is analysed with the key {ctx.Tuple(key)}, found in the rows (no two rows share it)"
                : $"The table is analysed with the key {ctx.Tuple(key)}, which its declared dependencies imply"
            : null;

        var view = ctx.Data!;
        var witnesses = duplicates.Take(ctx.Options.MaxWitnesses)
            .Select(g => $"rows {Wording.Rows(g.Take(6))} are identical ({Describe(ctx, view, g[0])})")
            .ToList();
        yield return new Finding
        {
            Rule = Descriptor,
            Table = ctx.Table.Name,
            Severity = duplicates.Count > 0 ? Severity.Error : Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies,
                duplicates.Count > 0 ? $"The sample has {duplicates.Count} group(s) of identical rows" : assumed),
            Fix = fix,
            Location = ctx.Table.Location,
            Anomalies = anomalies,
            Witnesses = witnesses,
            Columns = ctx.Universe,
        };
    }

    private static List<List<int>> Duplicates(TableContext ctx)
    {
        var view = ctx.Data;
        if (view is null || view.Observed.IsEmpty) return [];
        return view.GroupBy(view.Observed, skipNulls: false).Where(g => g.Count > 1).OrderByDescending(g => g.Count).ToList();
    }

    private static string Describe(TableContext ctx, DataView view, int row)
    {
        var cols = view.Observed.ToArray().Take(4).ToArray();
        var text = string.Join(", ", cols.Select(c => $"{ctx.Names[c]} {view.Quote(row, c)}"));
        return view.Observed.Count > cols.Length ? text + ", ..." : text;
    }
}
