using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>Rows that store the same fact again: one left-side value with one right-side value, in every one of <see cref="Rows"/>.</summary>
public sealed record FdRedundancyGroup(IReadOnlyList<string?> LhsValues, string? RhsValue, IReadOnlyList<int> Rows);

/// <summary>The rows of one left-side value that carry one right-side value.</summary>
public sealed record FdRhsRows(string? RhsValue, IReadOnlyList<int> Rows);

/// <summary>
/// A left-side value with more than one right-side value: the FD breaks here. <see cref="RowsToDelete"/>
/// are the rows outside the most common right-side value (what g3 counts).
/// </summary>
public sealed record FdViolationGroup(IReadOnlyList<string?> LhsValues, IReadOnlyList<FdRhsRows> Values, IReadOnlyList<int> RowsToDelete);

/// <summary>What the rows say about one FD X -> A. Row numbers are 0-based positions in the table data.</summary>
public sealed record FdEvidence
{
    public required int Rows { get; init; }

    /// <summary>Distinct value combinations of the left side.</summary>
    public required int DistinctLhsValues { get; init; }

    /// <summary>Left-side values shared by two or more rows: the support of the FD beyond uniqueness.</summary>
    public required int RepeatedLhsGroups { get; init; }

    /// <summary>g3: the fraction of rows to delete for the FD to hold.</summary>
    public required double Error { get; init; }

    public required int RowsToDelete { get; init; }

    /// <summary>Rows that repeat a fact already stated by another row of their group: Σ (k − 1) over consistent groups of k rows.</summary>
    public required int RedundantRows { get; init; }

    public bool Holds => RowsToDelete == 0;

    /// <summary>No two rows share a left-side value: the FD holds trivially, as a key does.</summary>
    public bool LhsIsUnique => RepeatedLhsGroups == 0;

    /// <summary>The largest groups that store the same fact again (at most the number asked for).</summary>
    public IReadOnlyList<FdRedundancyGroup> Redundancy { get; init; } = [];

    /// <summary>The groups that break the FD, largest first (at most the number asked for).</summary>
    public IReadOnlyList<FdViolationGroup> Violations { get; init; } = [];
}

/// <summary>Evidence for findings, computed on demand for one dependency (never for all of them).</summary>
public static class DependencyEvidence
{
    public static FdEvidence ForFd(TableData data, DiscoveredFd fd, NullSemantics nulls = NullSemantics.Equal, int maxGroups = 5, int maxRowsPerGroup = 20) =>
        ForFd(data, fd.Lhs, fd.Rhs, nulls, maxGroups, maxRowsPerGroup);

    public static FdEvidence ForFd(TableData data, AttributeSet lhs, int rhs, NullSemantics nulls = NullSemantics.Equal, int maxGroups = 5, int maxRowsPerGroup = 20)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rhs < 0 || rhs >= data.ColumnCount) throw new ArgumentOutOfRangeException(nameof(rhs));
        int n = data.RowCount;
        var ids = RowGroups.Ids(data, lhs, nulls, out int count);
        var members = RowGroups.Members(ids, count);
        var rhsColumn = data.Columns[rhs];

        int repeated = 0, toDelete = 0, redundant = 0;
        var consistent = new List<(int Group, long Code)>();
        var broken = new List<(int Group, List<(long Code, List<int> Rows)> Values)>();
        for (int g = 0; g < count; g++)
        {
            var rows = members[g];
            if (rows.Count < 2) continue;
            repeated++;
            var byValue = new List<(long Code, List<int> Rows)>();
            foreach (var r in rows)
            {
                long code = RowGroups.Code(rhsColumn, r, nulls);
                int i = byValue.FindIndex(v => v.Code == code);
                if (i < 0) byValue.Add((code, [r]));
                else byValue[i].Rows.Add(r);
            }
            if (byValue.Count == 1)
            {
                redundant += rows.Count - 1;
                consistent.Add((g, byValue[0].Code));
            }
            else
            {
                byValue.Sort((a, b) => b.Rows.Count != a.Rows.Count ? b.Rows.Count.CompareTo(a.Rows.Count) : a.Rows[0].CompareTo(b.Rows[0]));
                toDelete += rows.Count - byValue[0].Rows.Count;
                broken.Add((g, byValue));
            }
        }

        IReadOnlyList<string?> LhsValues(int g) => lhs.ToArray().Select(c => data.Value(members[g][0], c)).ToList();
        IReadOnlyList<int> Cap(IEnumerable<int> rows) => rows.Take(maxRowsPerGroup).ToList();

        return new FdEvidence
        {
            Rows = n,
            DistinctLhsValues = count,
            RepeatedLhsGroups = repeated,
            Error = n == 0 ? 0 : (double)toDelete / n,
            RowsToDelete = toDelete,
            RedundantRows = redundant,
            Redundancy = consistent
                .OrderByDescending(c => members[c.Group].Count).ThenBy(c => members[c.Group][0])
                .Take(maxGroups)
                .Select(c => new FdRedundancyGroup(LhsValues(c.Group), data.Value(members[c.Group][0], rhs), Cap(members[c.Group])))
                .ToList(),
            Violations = broken
                .OrderByDescending(b => members[b.Group].Count).ThenBy(b => members[b.Group][0])
                .Take(maxGroups)
                .Select(b => new FdViolationGroup(
                    LhsValues(b.Group),
                    b.Values.Select(v => new FdRhsRows(data.Value(v.Rows[0], rhs), Cap(v.Rows))).ToList(),
                    Cap(b.Values.Skip(1).SelectMany(v => v.Rows).Order())))
                .ToList(),
        };
    }
}
