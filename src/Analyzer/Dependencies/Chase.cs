namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// The chase of a tableau by FDs, MVDs and JDs (Aho, Beeri &amp; Ullman, TODS 1979; Maier, Mendelzon &amp;
/// Sagiv 1979). Used for the lossless-join test and for MVD / JD implication: start from one row per
/// component (distinguished symbols on the component, fresh symbols elsewhere), apply the dependencies
/// until nothing changes, and look for a row of distinguished symbols. Symbols are never invented, so
/// the chase ends; its tableau can still grow large, and past <see cref="DefaultMaxRows"/> rows it stops
/// with a <see cref="DependencyLimitException"/>.
/// </summary>
public static class Chase
{
    public const int DefaultMaxRows = 20_000;

    /// <summary>Whether the decomposition into <paramref name="components"/> is a lossless join under the dependencies.</summary>
    public static bool IsLossless(
        AttributeSet universe, IReadOnlyList<AttributeSet> components,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        var covered = AttributeSet.Empty;
        foreach (var c in components) covered |= c;
        if (covered != universe) return false;
        var tableau = new Tableau(universe, components, maxRows);
        return tableau.Run(fds.ToList(), mvds?.ToList() ?? [], jds?.ToList() ?? []);
    }

    /// <summary>Whether the dependencies imply the join dependency.</summary>
    public static bool ImpliesJd(
        AttributeSet universe, JoinDependency jd,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        if (jd.IsTrivial(universe)) return true;
        return IsLossless(universe, jd.Components, fds, mvds, jds, maxRows);
    }

    /// <summary>Whether the dependencies imply X ->> Y (the JD ⋈[XY, X(U−Y)]).</summary>
    public static bool ImpliesMvd(
        AttributeSet universe, MultivaluedDependency mvd,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows) =>
        mvd.IsTrivial(universe) || ImpliesJd(universe, JoinDependency.FromMvd(mvd, universe), fds, mvds, jds, maxRows);

    /// <summary>Whether the dependencies (FDs with MVDs or JDs) imply X -> Y.</summary>
    public static bool ImpliesFd(
        AttributeSet universe, FunctionalDependency target,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        if (target.IsTrivial) return true;
        // Two rows that agree exactly on X; X -> Y holds when the chase equates them on Y.
        var tableau = new Tableau(universe, [target.Lhs, target.Lhs], maxRows);
        tableau.Run(fds.ToList(), mvds?.ToList() ?? [], jds?.ToList() ?? []);
        return tableau.RowsAgreeOn(0, 1, target.Rhs);
    }

    /// <summary>
    /// A tableau over the columns of the universe. Symbol 0 in column c is the distinguished symbol of c;
    /// others are fresh. FD steps rename symbols (towards the distinguished / smaller one) everywhere.
    /// </summary>
    private sealed class Tableau
    {
        private readonly int[] _columns;      // universe columns, in order
        private readonly int _maxRows;
        private readonly List<int[]> _rows = [];
        private readonly HashSet<RowKey> _rowSet = [];
        private int _nextSymbol = 1;

        public Tableau(AttributeSet universe, IReadOnlyList<AttributeSet> seeds, int maxRows)
        {
            _columns = universe.ToArray();
            _maxRows = maxRows;
            foreach (var seed in seeds)
            {
                var row = new int[_columns.Length];
                for (int i = 0; i < _columns.Length; i++) row[i] = seed.Contains(_columns[i]) ? 0 : _nextSymbol++;
                _rows.Add(row);
                _rowSet.Add(new RowKey(row));
            }
        }

        /// <summary>Chases to a fixpoint; true when a row of distinguished symbols appears.</summary>
        public bool Run(List<FunctionalDependency> fds, List<MultivaluedDependency> mvds, List<JoinDependency> jds)
        {
            var jdRules = new List<IReadOnlyList<AttributeSet>>(jds.Select(j => j.Components));
            var universe = AttributeSet.Of(_columns);
            foreach (var m in mvds) jdRules.Add(JoinDependency.FromMvd(m, universe).Components);

            while (true)
            {
                if (HasDistinguishedRow()) return true;
                bool changed = false;
                foreach (var fd in fds) changed |= ApplyFd(fd);
                foreach (var components in jdRules) changed |= ApplyJd(components);
                if (!changed) return HasDistinguishedRow();
            }
        }

        public bool RowsAgreeOn(int r1, int r2, AttributeSet attributes)
        {
            foreach (var a in attributes)
            {
                int i = Array.IndexOf(_columns, a);
                if (i < 0 || _rows[r1][i] != _rows[r2][i]) return false;
            }
            return true;
        }

        private bool HasDistinguishedRow() => _rows.Any(r => Array.TrueForAll(r, s => s == 0));

        private int[] Positions(AttributeSet set)
        {
            var list = new List<int>();
            for (int i = 0; i < _columns.Length; i++) if (set.Contains(_columns[i])) list.Add(i);
            return list.ToArray();
        }

        private bool ApplyFd(FunctionalDependency fd)
        {
            var lhs = Positions(fd.Lhs);
            var rhs = Positions(fd.Rhs - fd.Lhs);
            if (rhs.Length == 0) return false;
            bool changed = false;
            bool again = true;
            while (again)
            {
                again = false;
                var groups = new Dictionary<RowKey, int>();
                for (int r = 0; r < _rows.Count; r++)
                {
                    var key = new RowKey(Project(_rows[r], lhs));
                    if (!groups.TryGetValue(key, out int first)) { groups[key] = r; continue; }
                    foreach (var c in rhs)
                    {
                        int s1 = _rows[first][c], s2 = _rows[r][c];
                        if (s1 == s2) continue;
                        Rename(c, Math.Max(s1, s2), Math.Min(s1, s2));
                        changed = again = true;
                    }
                }
            }
            if (changed) Deduplicate();
            return changed;
        }

        private void Rename(int column, int from, int to)
        {
            foreach (var row in _rows)
                if (row[column] == from) row[column] = to;
        }

        private void Deduplicate()
        {
            _rowSet.Clear();
            var kept = new List<int[]>(_rows.Count);
            foreach (var row in _rows)
                if (_rowSet.Add(new RowKey(row))) kept.Add(row);
            _rows.Clear();
            _rows.AddRange(kept);
        }

        /// <summary>Adds every row of the join of the tableau's projections onto the components.</summary>
        private bool ApplyJd(IReadOnlyList<AttributeSet> components)
        {
            var positions = components.Select(Positions).ToList();
            var projections = positions
                .Select(p => _rows.Select(r => Project(r, p)).Distinct(RowArrayComparer.Instance).ToList())
                .ToList();

            // Join component by component; a partial row holds -1 where nothing is bound yet.
            var partial = new List<int[]> { Enumerable.Repeat(-1, _columns.Length).ToArray() };
            for (int k = 0; k < positions.Count; k++)
            {
                var next = new List<int[]>();
                foreach (var p in partial)
                    foreach (var proj in projections[k])
                    {
                        bool fits = true;
                        for (int i = 0; i < positions[k].Length && fits; i++)
                        {
                            int have = p[positions[k][i]];
                            fits = have < 0 || have == proj[i];
                        }
                        if (!fits) continue;
                        var row = (int[])p.Clone();
                        for (int i = 0; i < positions[k].Length; i++) row[positions[k][i]] = proj[i];
                        next.Add(row);
                        if (next.Count > _maxRows * 4)
                            throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows");
                    }
                partial = next;
            }

            bool changed = false;
            foreach (var row in partial)
            {
                if (Array.IndexOf(row, -1) >= 0) continue; // components did not cover every column
                if (!_rowSet.Add(new RowKey(row))) continue;
                _rows.Add(row);
                changed = true;
                if (_rows.Count > _maxRows)
                    throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows");
            }
            return changed;
        }

        private static int[] Project(int[] row, int[] positions)
        {
            var result = new int[positions.Length];
            for (int i = 0; i < positions.Length; i++) result[i] = row[positions[i]];
            return result;
        }
    }

    private readonly struct RowKey(int[] row) : IEquatable<RowKey>
    {
        private readonly int[] _row = row;
        public bool Equals(RowKey other) => _row.AsSpan().SequenceEqual(other._row);
        public override bool Equals(object? obj) => obj is RowKey k && Equals(k);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var s in _row) h.Add(s);
            return h.ToHashCode();
        }
    }

    private sealed class RowArrayComparer : IEqualityComparer<int[]>
    {
        public static readonly RowArrayComparer Instance = new();
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(int[] obj) => new RowKey(obj).GetHashCode();
    }
}
