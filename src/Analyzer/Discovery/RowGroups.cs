using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// Rows grouped by their values on some columns, under a null semantics: dense group ids per row.
/// For the on-demand helpers (evidence, plausibility), which look at one dependency at a time.
/// </summary>
public static class RowGroups
{
    /// <summary>The code of a row in a column, with each NULL made unique under <see cref="NullSemantics.Distinct"/>.</summary>
    public static long Code(ColumnData column, int row, NullSemantics nulls) =>
        nulls == NullSemantics.Distinct && column.Codes[row] == ColumnData.NullCode ? -1L - row : column.Codes[row];

    /// <summary>Group ids 0..count-1 per row, numbered in order of first appearance.</summary>
    public static int[] Ids(TableData data, AttributeSet columns, NullSemantics nulls, out int count)
    {
        int n = data.RowCount;
        var ids = new int[n];
        count = n > 0 ? 1 : 0;
        var map = new Dictionary<(int, long), int>();
        foreach (var c in columns)
        {
            var column = data.Columns[c];
            map.Clear();
            for (int r = 0; r < n; r++)
            {
                var key = (ids[r], Code(column, r, nulls));
                if (!map.TryGetValue(key, out int id)) map[key] = id = map.Count;
                ids[r] = id;
            }
            count = map.Count;
        }
        return ids;
    }

    /// <summary>The rows of each group, in row order.</summary>
    public static List<int>[] Members(int[] ids, int count)
    {
        var members = new List<int>[count];
        for (int g = 0; g < count; g++) members[g] = [];
        for (int r = 0; r < ids.Length; r++) members[ids[r]].Add(r);
        return members;
    }
}
