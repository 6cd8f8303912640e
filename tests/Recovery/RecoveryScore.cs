namespace SchemaNorm.Recovery;

public enum RecoveryStatus
{
    /// <summary>A proposed table with the same columns and the same key; or, for a table whose own schema declares a dependency inside it, the two tables of a split on exactly that dependency.</summary>
    Exact,
    /// <summary>The proposed table matched to it (holding more than half its columns) differs in columns or key.</summary>
    Partial,
    /// <summary>No proposed table comes near it.</summary>
    Missing,
}

/// <summary>How one original table came back.</summary>
public sealed record TableScore(
    ExpectedTable Expected,
    RecoveryStatus Status,
    IReadOnlyList<ProposedTable> Matches,
    IReadOnlyList<string> MissingColumns,
    IReadOnlyList<string> ExtraColumns,
    string Detail);

/// <summary>How the original tables of one wide table came back from one proposal.</summary>
public sealed record RecoveryScore(IReadOnlyList<TableScore> Tables, IReadOnlyList<ProposedTable> Extra)
{
    public int Expected => Tables.Count;
    public int Exact => Tables.Count(t => t.Status == RecoveryStatus.Exact);
    public int Partial => Tables.Count(t => t.Status == RecoveryStatus.Partial);
    public int Missing => Tables.Count(t => t.Status == RecoveryStatus.Missing);

    /// <summary>
    /// Matches proposed tables to the original ones, one to one: first exact matches (same column set and
    /// same key set), then splits on a dependency the source schema declares inside a table, then, among
    /// the remaining pairs where the proposed table holds more than half the original's columns, the
    /// nearest first (Jaccard index of the column sets) as partial matches. Proposed tables matched to
    /// none are extra.
    /// </summary>
    public static RecoveryScore Of(IReadOnlyList<ExpectedTable> expected, IReadOnlyList<ProposedTable> proposed)
    {
        var used = new bool[proposed.Count];
        var scores = new TableScore?[expected.Count];

        for (int e = 0; e < expected.Count; e++)
        {
            var x = expected[e];
            int p = Find(proposed, used, x.Columns, x.Key);
            if (p < 0) continue;
            used[p] = true;
            scores[e] = new TableScore(x, RecoveryStatus.Exact, [proposed[p]], [], [], "");
        }

        for (int e = 0; e < expected.Count; e++)
        {
            if (scores[e] is not null) continue;
            var x = expected[e];
            foreach (var (lhs, rhs) in x.DesignedSplits)
            {
                var rest = x.Columns.Where(c => !Contains(rhs, c)).ToList();
                var split = x.Columns.Where(c => Contains(lhs, c) || Contains(rhs, c)).ToList();
                int main = Find(proposed, used, rest, x.Key);
                if (main < 0) continue;
                used[main] = true;
                int part = Find(proposed, used, split, lhs);
                if (part < 0) { used[main] = false; continue; }
                used[part] = true;
                scores[e] = new TableScore(x, RecoveryStatus.Exact, [proposed[main], proposed[part]], [], [],
                    $"split on its own {List(lhs)} -> {List(rhs)}");
                break;
            }
        }

        var pairs = new List<(int E, int P, double Similarity, bool SameKey)>();
        for (int e = 0; e < expected.Count; e++)
        {
            if (scores[e] is not null) continue;
            for (int p = 0; p < proposed.Count; p++)
            {
                if (used[p]) continue;
                if (2 * Shared(expected[e].Columns, proposed[p].Columns) <= expected[e].Columns.Count) continue;
                pairs.Add((e, p, Jaccard(expected[e].Columns, proposed[p].Columns), SameSet(expected[e].Key, proposed[p].Key)));
            }
        }
        foreach (var (e, p, _, _) in pairs.OrderByDescending(x => x.Similarity).ThenByDescending(x => x.SameKey).ThenBy(x => x.E).ThenBy(x => x.P))
        {
            if (scores[e] is not null || used[p]) continue;
            used[p] = true;
            scores[e] = PartialMatch(expected[e], proposed[p]);
        }

        var tables = expected.Select((x, e) => scores[e] ?? new TableScore(x, RecoveryStatus.Missing, [], x.Columns, [], "no proposed table left holds more than half its columns")).ToList();
        return new RecoveryScore(tables, proposed.Where((_, p) => !used[p]).ToList());
    }

    private static TableScore PartialMatch(ExpectedTable x, ProposedTable p)
    {
        var missing = x.Columns.Where(c => !Contains(p.Columns, c)).ToList();
        var extra = p.Columns.Where(c => !Contains(x.Columns, c)).ToList();
        var parts = new List<string>();
        if (!SameSet(x.Key, p.Key)) parts.Add($"key {List(p.Key)} instead of {List(x.Key)}");
        if (missing.Count > 0) parts.Add("without " + string.Join(", ", missing));
        if (extra.Count > 0) parts.Add("with " + string.Join(", ", extra));
        return new TableScore(x, RecoveryStatus.Partial, [p], missing, extra, string.Join("; ", parts));
    }

    private static int Find(IReadOnlyList<ProposedTable> proposed, bool[] used, IReadOnlyList<string> columns, IReadOnlyList<string> key)
    {
        for (int p = 0; p < proposed.Count; p++)
            if (!used[p] && SameSet(proposed[p].Columns, columns) && SameSet(proposed[p].Key, key)) return p;
        return -1;
    }

    private static bool Contains(IReadOnlyList<string> set, string column) => set.Contains(column, StringComparer.OrdinalIgnoreCase);

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b);

    private static int Shared(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var x = new HashSet<string>(a, StringComparer.OrdinalIgnoreCase);
        return b.Count(x.Contains);
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int shared = Shared(a, b);
        int union = a.Count + b.Count - shared;
        return union == 0 ? 1 : (double)shared / union;
    }

    public static string List(IReadOnlyList<string> columns) => "(" + string.Join(", ", columns) + ")";
}
