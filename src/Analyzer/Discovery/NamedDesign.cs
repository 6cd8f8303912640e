using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// The design a table's names and layout show when its sample is too small to weigh any dependency.
/// A wide table lists each row's columns together with its row stamps last (ProductName ... Product_rowguid,
/// ProductModifiedDate), a referencing row before the row it references. In a handful of rows every FD
/// holds and none repeats a left-side value, so the evidence rules (<see cref="Plausibility"/>) can neither
/// accept nor reject one; then a block of columns that ends in stamps named for an entity, listed after the
/// identifier that names the same entity (ProductID; SizeUnitMeasureCode for SizeUnitMeasureCodeName,
/// SizeUnitMeasureCodeModifiedDate), is taken as that identifier's facts, provided the rows do not
/// contradict it. The basis is the names, not the rows, and is reported as such.
/// </summary>
public static class NamedDesign
{
    /// <summary>
    /// The fewest rows in which an FD could pass the evidence rules at all: some left-side values repeat
    /// and, in the most favourable layout (g repeated values of k rows each, the other rows distinct, one
    /// right-side value per group), the chance of holding by accident is at most
    /// <see cref="Plausibility.MaxAccidentChance"/>. Fewer rows cannot confirm a dependency, whatever they hold.
    /// </summary>
    public static int FewestRowsToWeigh { get; } = ComputeFewestRows();

    private static int ComputeFewestRows()
    {
        for (int n = 2; ; n++)
            for (int k = 2; k <= n; k++)
                for (int g = 1; g * k <= n; g++)
                {
                    // Each group of k rows agrees by chance with probability Σ_v p_v^k.
                    double p = g * Math.Pow((double)k / n, k) + (n - g * k) * Math.Pow(1.0 / n, k);
                    if (g * Math.Log10(p) <= Math.Log10(Plausibility.MaxAccidentChance)) return n;
                }
    }

    /// <summary>Whether <paramref name="rows"/> sample rows are too few to weigh a dependency (<see cref="FewestRowsToWeigh"/>).</summary>
    public static bool TooFewRows(int rows) => rows > 0 && rows < FewestRowsToWeigh;

    /// <summary>
    /// The FDs the names and layout show (identifier -> the block of columns stamped for its entity), each
    /// holding in the rows; empty when the sample is large enough to weigh or the names show none.
    /// </summary>
    /// <param name="keyColumns">Columns of declared keys: a block holding one is not a referenced row's.</param>
    public static IReadOnlyList<FunctionalDependency> Find(TableData data, AttributeSet keyColumns)
    {
        if (!TooFewRows(data.RowCount)) return [];
        var names = data.ColumnNames;
        var groups = StampGroupsInOrder(names);
        var stamped = groups.Aggregate(AttributeSet.Empty, (a, g) => a | g.Columns);
        var result = new List<FunctionalDependency>();
        int start = 0;
        foreach (var (owner, columns) in groups)
        {
            int end = columns.ToArray().Max();
            var block = AttributeSet.Empty;
            for (int c = start; c <= end; c++) block = block.With(c);
            start = end + 1;
            if (owner.Length == 0) continue;
            // Another entity's stamps inside the block, a declared key, or nothing but stamps: not one row's columns.
            if ((block & stamped) != columns || block.Overlaps(keyColumns) || block == columns) continue;
            // The identifier is listed before the block: the referencing row comes first.
            if (NamedIdentifier(owner, names, block.ToArray().Min()) is not { } id) continue;
            var x = AttributeSet.Single(id);
            if (!HoldsInRows(data, x, block)) continue;
            result.Add(new FunctionalDependency(x, block));
        }
        return result;
    }

    /// <summary>
    /// The table's own identifier: a column before every stamped block, named as an identifier of the entity the
    /// table is named for (ShoppingCartItemID in ...ShoppingCartItem), whose values are distinct in the rows.
    /// </summary>
    public static int? OwnIdentifier(TableData data, string tableName, IReadOnlyList<FunctionalDependency> blocks)
    {
        var names = data.ColumnNames;
        var inBlocks = blocks.Aggregate(AttributeSet.Empty, (a, fd) => a | fd.Rhs);
        for (int c = 0; c < names.Count; c++)
        {
            if (inBlocks.Contains(c) || KeyLikeness.Role(names[c], null) != ColumnRole.Identifier) continue;
            if (KeyLikeness.Stem(names[c]) is not { Length: > 2 } stem || !tableName.EndsWith(stem, StringComparison.OrdinalIgnoreCase)) continue;
            if (data.Columns[c].HasNulls) continue;
            RowGroups.Ids(data, AttributeSet.Single(c), NullSemantics.Equal, out int count);
            if (count == data.RowCount) return c;
        }
        return null;
    }

    /// <summary>The reason a user reads beside such an FD.</summary>
    public static string Basis(int rows) =>
        $"the column names and their layout, not the rows: {rows} sample row{(rows == 1 ? "" : "s")} (fewer than {FewestRowsToWeigh}) are too few to confirm or refute it";

    /// <summary>The stamp groups by the entity they are named for ("" for the table's own), in the order of their last column.</summary>
    private static List<(string Owner, AttributeSet Columns)> StampGroupsInOrder(IReadOnlyList<string> names) =>
        StampGroups.Of(AttributeSet.Range(names.Count), names).Select(g => (g.Key, g.Value)).OrderBy(g => g.Value.ToArray().Max()).ToList();

    /// <summary>
    /// The identifier listed before column <paramref name="before"/> that names the entity: the name itself
    /// (SizeUnitMeasureCode), else one whose stem is the name (ProductID for Product). Null when none or several.
    /// </summary>
    private static int? NamedIdentifier(string owner, IReadOnlyList<string> names, int before)
    {
        int? found = null;
        for (int c = 0; c < before; c++)
        {
            var name = names[c];
            if (DesignDependencies.StampOwner(name) is not null || KeyLikeness.Role(name, null) != ColumnRole.Identifier) continue;
            bool named = name.Equals(owner, StringComparison.OrdinalIgnoreCase)
                         || (KeyLikeness.Stem(name) is { Length: > 2 } stem && stem.Equals(owner, StringComparison.OrdinalIgnoreCase));
            if (!named) continue;
            if (found is not null) return null;
            found = c;
        }
        return found;
    }

    /// <summary>Whether X -> Y holds in the rows (NULL as one value, as a referenced row's columns are NULL where the reference is).</summary>
    private static bool HoldsInRows(TableData data, AttributeSet x, AttributeSet y)
    {
        RowGroups.Ids(data, x, NullSemantics.Equal, out int left);
        RowGroups.Ids(data, x | y, NullSemantics.Equal, out int both);
        return left == both;
    }
}
