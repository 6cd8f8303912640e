using System.Globalization;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Databases.Common;

/// <summary>One right-side value of a violating group and the rows that carry it.</summary>
internal sealed record LiveValueCount(IReadOnlyList<string?> Values, long Rows);

/// <summary>A left-side value with more than one right-side value in the table: the dependency breaks here.</summary>
internal sealed record LiveViolationGroup(IReadOnlyList<string?> LhsValues, long Rows, IReadOnlyList<LiveValueCount> RhsValues);

/// <summary>What all rows of a table say about X -> Y, as the server counted them.</summary>
internal sealed record LiveCheckResult
{
    /// <summary>Rows in the table.</summary>
    public required long Rows { get; init; }

    /// <summary>Distinct left-side values (under the NULL rule used).</summary>
    public required long LhsGroups { get; init; }

    /// <summary>Left-side values with more than one right-side value.</summary>
    public required long ViolatingGroups { get; init; }

    /// <summary>Rows in those groups.</summary>
    public required long RowsInViolatingGroups { get; init; }

    /// <summary>Rows to delete for the dependency to hold: Rows − Σ over left-side groups of its largest right-side group.</summary>
    public required long RowsToDelete { get; init; }

    /// <summary>g3: the fraction of rows to delete for the dependency to hold (0 when it holds, and for an empty table).</summary>
    public double Error => Rows == 0 ? 0 : (double)RowsToDelete / Rows;

    public bool Holds => RowsToDelete == 0;

    /// <summary>The largest violating groups (as many as asked for), each with its right-side values, most rows first.</summary>
    public IReadOnlyList<LiveViolationGroup> Examples { get; init; } = [];
}

/// <summary>
/// Checks a dependency X -> Y on every row of a live table with set-based queries, so that the server does
/// the work on tables too big to copy: the rows are grouped by (X, Y) and then by X, and only counts (and a
/// few example groups) come back. A dependency found in a sample is a suggestion; this settles it.
/// Column names are the table's own, quoted for the dialect; no value is ever spliced into the text.
/// </summary>
internal static class LiveDependencyCheck
{
    /// <summary>
    /// X -> Y over column positions of a table read from <paramref name="db"/>. NULLs compare as in discovery:
    /// <see cref="NullSemantics.Equal"/> (NULL = NULL, GROUP BY's own rule) or <see cref="NullSemantics.Distinct"/>
    /// (a row with a NULL on the left is alone in its group; NULLs on the right all differ).
    /// </summary>
    public static LiveCheckResult Check(LiveDatabase db, Table table, AttributeSet lhs, AttributeSet rhs,
        NullSemantics nulls = NullSemantics.Equal, int examples = 3)
    {
        foreach (var c in lhs | rhs)
            if (c < 0 || c >= table.Columns.Count) throw new ArgumentOutOfRangeException(nameof(rhs), $"{table.Name} has no column {c}");
        return Check(db, table, lhs.ToArray().Select(c => table.Columns[c].Name).ToList(), rhs.ToArray().Select(c => table.Columns[c].Name).ToList(), nulls, examples);
    }

    /// <summary>X -> Y by column names (as the table has them; compared case-insensitively).</summary>
    public static LiveCheckResult Check(LiveDatabase db, Table table, IReadOnlyList<string> lhs, IReadOnlyList<string> rhs,
        NullSemantics nulls = NullSemantics.Equal, int examples = 3)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        if (rhs.Count == 0) throw new ArgumentException("the right side needs at least one column", nameof(rhs));
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        var left = lhs.Select(n => Resolve(table, n)).ToList();
        var right = rhs.Select(n => Resolve(table, n)).ToList();

        var query = new CheckQuery(db.Dialect, table, left, right, nulls);
        var activity = $"checking {Format(left, right)} on all rows of {table.Name}";
        LiveCheckResult? result = null;
        db.Read(query.Totals(), [], activity, r => result = new LiveCheckResult
        {
            Rows = r.GetInt64(0),
            LhsGroups = r.GetInt64(1),
            ViolatingGroups = r.GetInt64(2),
            RowsInViolatingGroups = r.GetInt64(3),
            RowsToDelete = r.GetInt64(4),
        });
        if (result is null) throw new LiveDatabaseException($"{activity} returned no row");
        if (result.ViolatingGroups == 0 || examples == 0) return result;

        var groups = new List<LiveViolationGroup>();
        db.Read(query.Examples("@examples"), [("@examples", examples)], activity, r =>
        {
            var lhsValues = Values(db, r, 0, left.Count);
            var rhsValues = Values(db, r, left.Count, right.Count);
            long count = r.GetInt64(left.Count + right.Count);
            long total = r.GetInt64(left.Count + right.Count + 1);
            if (groups.Count == 0 || !groups[^1].LhsValues.SequenceEqual(lhsValues))
                groups.Add(new LiveViolationGroup(lhsValues, total, []));
            var last = groups[^1];
            groups[^1] = last with { RhsValues = [.. last.RhsValues, new LiveValueCount(rhsValues, count)] };
        });
        return result with { Examples = groups };
    }

    private static List<string?> Values(LiveDatabase db, System.Data.IDataRecord r, int start, int count)
    {
        var values = new List<string?>(count);
        for (int i = 0; i < count; i++) values.Add(db.Dialect.ReadText(r, start + i));
        return values;
    }

    private static Column Resolve(Table table, string name) =>
        table.FindColumn(name) ?? throw new ArgumentException($"{table.Name} has no column '{name}'", nameof(name));

    private static string Format(List<Column> left, List<Column> right) =>
        $"{string.Join(", ", left.Select(c => c.Name))} -> {string.Join(", ", right.Select(c => c.Name))}";

    /// <summary>
    /// The statement text. pairs: one row per distinct (X, Y) with its row count n. groups: one row per X with
    /// its rows (total), its largest Y group, its number of distinct Y values (k), and whether X holds a NULL
    /// (which, under <see cref="NullSemantics.Distinct"/>, makes each of its rows a group of one).
    /// </summary>
    internal sealed class CheckQuery(SqlDialect dialect, Table table, List<Column> left, List<Column> right, NullSemantics nulls)
    {
        private readonly List<string> _l = Aliases("l", left.Count);
        private readonly List<string> _r = Aliases("r", right.Count);

        private string Pairs()
        {
            var grouped = left.Select(c => dialect.GroupExpression(c.Type, dialect.Quote(c.Name)))
                .Concat(right.Select(c => dialect.GroupExpression(c.Type, dialect.Quote(c.Name)))).ToList();
            var aliases = _l.Concat(_r).ToList();
            var select = string.Concat(grouped.Select((g, i) => $"{g} AS {aliases[i]}, "));
            return $"pairs AS (SELECT {select}{dialect.CountRows} AS n FROM {dialect.Table(table)} GROUP BY {SqlText.List(grouped)})";
        }

        private string Groups()
        {
            string rhsNull = string.Join(" OR ", _r.Select(a => a + " IS NULL"));
            string lhsNull = left.Count == 0 || nulls == NullSemantics.Equal
                ? "0"
                : $"CASE WHEN {string.Join(" OR ", _l.Select(a => a + " IS NULL"))} THEN 1 ELSE 0 END";
            // Under Distinct every NULL on the right is a value of its own: k counts its rows, and each is a group of one.
            string k = nulls == NullSemantics.Equal ? "COUNT(*)" : $"SUM(CASE WHEN {rhsNull} THEN n ELSE 1 END)";
            string largest = nulls == NullSemantics.Equal ? "MAX(n)" : $"MAX(CASE WHEN {rhsNull} THEN 1 ELSE n END)";
            var groupBy = left.Count == 0 ? "" : " GROUP BY " + SqlText.List(_l);
            return $"groups AS (SELECT {string.Concat(_l.Select(a => a + ", "))}SUM(n) AS total, {largest} AS largest, {k} AS k, {lhsNull} AS lhsnull FROM pairs{groupBy})";
        }

        public string Totals() => $"""
            WITH {Pairs()},
            {Groups()}
            SELECT CAST(COALESCE(SUM(total), 0) AS bigint) AS total_rows,
                   CAST(COALESCE(SUM(CASE WHEN total IS NULL THEN 0 WHEN lhsnull = 1 THEN total ELSE 1 END), 0) AS bigint) AS lhs_groups,
                   CAST(COALESCE(SUM(CASE WHEN lhsnull = 0 AND k > 1 THEN 1 ELSE 0 END), 0) AS bigint) AS violating_groups,
                   CAST(COALESCE(SUM(CASE WHEN lhsnull = 0 AND k > 1 THEN total ELSE 0 END), 0) AS bigint) AS violating_rows,
                   CAST(COALESCE(SUM(CASE WHEN lhsnull = 0 THEN total - largest ELSE 0 END), 0) AS bigint) AS rows_to_delete
            FROM groups
            """;

        /// <summary>The largest violating groups, one row per (X, Y) in them: X, Y, rows with that Y, rows in the group.</summary>
        public string Examples(string limitParameter)
        {
            var worst = dialect.Limited(string.Concat(_l.Select(a => a + ", ")) + "total", "groups WHERE lhsnull = 0 AND k > 1",
                SqlText.List(["total DESC", .. _l]), limitParameter);
            var join = left.Count == 0 ? "1 = 1" : string.Join(" AND ", _l.Select(a => SqlDialect.NullSafeEquals("p." + a, "w." + a)));
            var values = left.Select((c, i) => dialect.GroupedValueExpression(c.Type, "w." + _l[i]))
                .Concat(right.Select((c, i) => dialect.GroupedValueExpression(c.Type, "p." + _r[i])));
            return $"""
                WITH {Pairs()},
                {Groups()},
                worst AS ({worst})
                SELECT {string.Concat(values.Select(v => v + ", "))}CAST(p.n AS bigint) AS n, CAST(w.total AS bigint) AS total
                FROM worst w JOIN pairs p ON {join}
                ORDER BY {SqlText.List(["w.total DESC", .. _l.Select(a => "w." + a), "p.n DESC"])}
                """;
        }

        private static List<string> Aliases(string prefix, int count) =>
            Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
