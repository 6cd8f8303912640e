using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Evidence;

/// <summary>
/// How an FD X -> Y fares in sample rows: the groups of rows that agree on X (rows with NULL in X are left
/// out, as FD discovery does), those that repeat one Y value (the redundancy) and those that break it.
/// </summary>
internal sealed record FdCheck(int Support, IReadOnlyList<IReadOnlyList<int>> Repeats, IReadOnlyList<IReadOnlyList<int>> Conflicts)
{
    public static FdCheck Run(DataView view, AttributeSet lhs, AttributeSet rhs)
    {
        var repeats = new List<IReadOnlyList<int>>();
        var conflicts = new List<IReadOnlyList<int>>();
        int support = 0;
        foreach (var group in view.GroupBy(lhs, skipNulls: true))
        {
            support += group.Count;
            if (group.Count < 2) continue;
            if (view.DistinctCount(group, rhs) == 1) repeats.Add(group);
            else conflicts.Add(FirstDisagreement(view, group, rhs));
        }
        repeats.Sort((a, b) => b.Count.CompareTo(a.Count));
        return new FdCheck(support, repeats, conflicts);
    }

    private static IReadOnlyList<int> FirstDisagreement(DataView view, List<int> group, AttributeSet rhs)
    {
        foreach (var r in group.Skip(1))
            foreach (var a in rhs)
                if (view.Code(r, a) != view.Code(group[0], a)) return [group[0], r];
        return group;
    }
}
