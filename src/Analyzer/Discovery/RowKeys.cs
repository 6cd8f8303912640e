using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// The key a table without a declared one is analysed with: of the minimal unique column combinations
/// found in its rows (without NULLs), the one a designer would declare. A combination holding a long text
/// (a comment that happens to be unique in the sample) is no key at all; the rest rank by
/// <see cref="KeyLikeness"/>, then by fewer columns, then by fewer columns that are themselves the
/// determinant of other columns (a reference to another entity: (l_orderkey, l_linenumber) before
/// (l_orderkey, l_partkey)), then by column order.
/// </summary>
public static class RowKeys
{
    /// <summary>Values longer than this on average are prose, not identifiers.</summary>
    public const double MaxValueLength = 40;

    public static AttributeSet? Choose(
        TableData data, IReadOnlyList<AttributeSet> uniqueCombinations, IReadOnlyList<Column>? columns,
        IReadOnlyCollection<AttributeSet>? determinants = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = data.ColumnNames;
        var referencing = (determinants ?? []).Where(d => d.Count == 1).Aggregate(AttributeSet.Empty, (a, d) => a | d);
        var ranked = uniqueCombinations
            .Where(u => !u.IsEmpty && u.ToArray().All(c => !data.Columns[c].HasNulls && AverageLength(data.Columns[c]) <= MaxValueLength))
            .OrderByDescending(u => Math.Round(KeyLikeness.Score(u, names, columns, data), 2))
            .ThenBy(u => u.Count)
            .ThenBy(u => (u & referencing).Count)
            .ThenBy(u => u)
            .ToList();
        return ranked.Count == 0 ? null : ranked[0];
    }

    private static double AverageLength(ColumnData column)
    {
        long total = 0;
        int counted = 0;
        foreach (var code in column.Codes)
        {
            if (code == ColumnData.NullCode) continue;
            total += column.Values[code]?.Length ?? 0;
            counted++;
        }
        return counted == 0 ? 0 : (double)total / counted;
    }
}
