using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Verification;

/// <summary>
/// Checks a decomposition on the sample rows: each new table gets the distinct projection of the rows,
/// the projections are joined back (natural join, one table at a time, always one that shares columns with
/// those joined so far), and the join is compared with the distinct source rows: spurious rows (in the join,
/// not in the source) and lost rows (the other way round) are counted. A lossless decomposition gives
/// neither on rows that satisfy its dependencies; on rows that break one, the spurious rows show it.
/// </summary>
public static class DataVerifier
{
    public static DataVerification Verify(TableData data, IReadOnlyList<ProposedTable> tables, int maxJoinRows = 5_000_000)
    {
        var universe = AttributeSet.Range(data.ColumnCount);
        var source = RowSet.Project(data, universe);
        var parts = tables.Select(t => RowSet.Project(data, t.Columns)).ToList();

        var order = JoinOrder(tables.Select(t => t.Columns).ToList());
        RowSet? joined = parts[order[0]];
        for (int i = 1; i < order.Count && joined is not null; i++) joined = joined.Join(parts[order[i]], maxJoinRows);

        // Past the bound (or when the tables do not cover the columns) the join is not compared.
        int joinedRows = -1, matched = 0;
        if (joined is not null && AttributeSet.Of(joined.Columns) == universe)
        {
            joinedRows = joined.Count;
            matched = joined.CountShared(source);
        }

        return new DataVerification
        {
            SourceRows = data.RowCount,
            DistinctSourceRows = source.Count,
            JoinedRows = joinedRows,
            SpuriousRows = joinedRows < 0 ? -1 : joinedRows - matched,
            LostRows = joinedRows < 0 ? -1 : source.Count - matched,
            UnstorableRows = Unstorable(data, tables),
            TableRows = tables.Select((t, i) => (t.Name, parts[i].Count)).ToList(),
            Redundancy = Redundancy(data, tables, parts),
        };
    }

    /// <summary>Largest table first, then always one sharing the most columns with those taken.</summary>
    private static List<int> JoinOrder(List<AttributeSet> tables)
    {
        var left = Enumerable.Range(0, tables.Count).OrderByDescending(i => tables[i].Count).ToList();
        var order = new List<int>();
        var bound = AttributeSet.Empty;
        while (left.Count > 0)
        {
            int best = left.OrderByDescending(i => (tables[i] & bound).Count).First();
            order.Add(best);
            bound |= tables[best];
            left.Remove(best);
        }
        return order;
    }

    /// <summary>
    /// Rows a SQL migration cannot move: a table referenced by a foreign key has a primary key, which is
    /// never NULL, so a source row whose key columns for it hold NULL while one of its other columns does
    /// not has nowhere to keep that value.
    /// </summary>
    private static int Unstorable(TableData data, IReadOnlyList<ProposedTable> tables)
    {
        var bad = new HashSet<int>();
        foreach (var t in tables.Where(t => !t.IsRemainder))
        {
            var key = t.PrimaryKey.ToArray();
            var others = (t.Columns - t.PrimaryKey).ToArray();
            if (others.Length == 0) continue;
            for (int r = 0; r < data.RowCount; r++)
            {
                bool nullKey = key.Any(c => data.Columns[c].Codes[r] == ColumnData.NullCode);
                if (nullKey && others.Any(c => data.Columns[c].Codes[r] != ColumnData.NullCode)) bad.Add(r);
            }
        }
        return bad.Count;
    }

    /// <summary>For each column that now lives outside the table keeping the source's key, how often it was stored before and after.</summary>
    private static List<RedundancyChange> Redundancy(TableData data, IReadOnlyList<ProposedTable> tables, List<RowSet> parts)
    {
        var result = new List<RedundancyChange>();
        for (int i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            if (t.IsRemainder) continue;
            foreach (var c in t.Columns - t.PrimaryKey)
            {
                if (tables.Any(o => !ReferenceEquals(o, t) && o.Columns.Contains(c))) continue;
                if (parts[i].Count < data.RowCount)
                    result.Add(new RedundancyChange(data.ColumnNames[c], t.Name, data.RowCount, parts[i].Count));
            }
        }
        return result;
    }
}
