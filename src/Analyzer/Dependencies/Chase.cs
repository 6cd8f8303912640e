namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// The final tableau of a chase. Row r holds in column <c>Columns[i]</c> the symbol <c>Rows[r][i]</c>:
/// 0 is the distinguished symbol of every column, other numbers are the non-distinguished ones.
/// When <see cref="HasDistinguishedRow"/> is false the tableau, read as a relation, satisfies every
/// dependency it was chased with and is a counterexample: the join of its projections onto the
/// components holds the all-0 row, the tableau does not.
/// </summary>
public sealed class ChaseResult(IReadOnlyList<int> columns, IReadOnlyList<IReadOnlyList<int>> rows, bool hasDistinguishedRow)
{
    public IReadOnlyList<int> Columns { get; } = columns;
    public IReadOnlyList<IReadOnlyList<int>> Rows { get; } = rows;
    public bool HasDistinguishedRow { get; } = hasDistinguishedRow;
}

/// <summary>
/// The chase of a tableau by FDs, MVDs and JDs (Aho, Beeri &amp; Ullman, TODS 1979; Maier, Mendelzon &amp;
/// Sagiv, TODS 1979). Used for the lossless-join test and for MVD / JD / FD implication: start from one
/// row per component (distinguished symbols on the component, fresh symbols elsewhere), apply the
/// dependencies until nothing changes, and look for a row of distinguished symbols. FD steps equate
/// symbols (kept in a union-find, the distinguished one winning); MVD and JD steps add the rows of the
/// join of projections. No symbol is ever invented, so the chase ends; its tableau can still grow large,
/// and past <see cref="DefaultMaxRows"/> rows it stops with a <see cref="DependencyLimitException"/>.
/// Every dependency must lie within the universe, and every JD hypothesis must cover it (an embedded
/// JD as a hypothesis is a different, undecidable matter): otherwise <see cref="ArgumentException"/>.
/// An embedded JD as the conclusion is fine (<see cref="ImpliesEmbeddedJd"/>): the full dependencies
/// never invent symbols, so its chase ends too (Beeri &amp; Vardi, JACM 1984).
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
        if (!Covers(universe, components)) return false;
        if (universe.IsEmpty || components.Any(c => c == universe)) return true;
        var t = new Tableau(universe, components, fds, mvds, jds, maxRows);
        t.Run(t.HasDistinguishedRow);
        return t.HasDistinguishedRow();
    }

    /// <summary>
    /// Chases the tableau of <paramref name="components"/> to its end and returns it, e.g. to show the
    /// spurious rows a lossy decomposition makes.
    /// </summary>
    public static ChaseResult Run(
        AttributeSet universe, IReadOnlyList<AttributeSet> components,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        if (!Covers(universe, components))
            throw new ArgumentException("the components do not cover the universe", nameof(components));
        var t = new Tableau(universe, components, fds, mvds, jds, maxRows);
        t.Run(stop: null);
        return t.Result();
    }

    /// <summary>
    /// Chases any tableau of seed rows (distinguished on the seed's columns) to its end; with seeds
    /// [X, X] its first two rows show whether X -> Y is implied.
    /// </summary>
    internal static ChaseResult RunSeeds(
        AttributeSet universe, IReadOnlyList<AttributeSet> seeds,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        var t = new Tableau(universe, seeds, fds, mvds, jds, maxRows);
        t.Run(stop: null);
        return t.Result();
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

    /// <summary>
    /// Whether the dependencies imply the JD ⋈[components] embedded in S = ∪ components ⊆ U: that it holds
    /// in π_S(r) for every r that satisfies them. The tableau has one row per component, as for a full JD,
    /// and the chase succeeds when a row is distinguished on all of S. This is what a projection needs:
    /// whether a JD (or an MVD, <see cref="ImpliesEmbeddedMvd"/>) still holds among a new table's columns.
    /// With S = U it is <see cref="ImpliesJd"/>.
    /// </summary>
    public static bool ImpliesEmbeddedJd(
        AttributeSet universe, IReadOnlyList<AttributeSet> components,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows)
    {
        var target = AttributeSet.Empty;
        foreach (var c in components)
        {
            if (!c.IsSubsetOf(universe))
                throw new ArgumentException($"component {c} names a column outside the universe {universe}", nameof(components));
            target |= c;
        }
        if (components.Count == 0 || components.Any(c => c == target)) return true;
        var t = new Tableau(universe, components, fds, mvds, jds, maxRows);
        bool Done() => t.HasRowDistinguishedOn(target);
        t.Run(Done);
        return Done();
    }

    /// <summary>Whether the dependencies imply X ->> Y | Z among the columns X ∪ Y ∪ Z (Y and Z disjoint, outside X).</summary>
    public static bool ImpliesEmbeddedMvd(
        AttributeSet universe, AttributeSet x, AttributeSet y, AttributeSet z,
        IEnumerable<FunctionalDependency> fds,
        IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null,
        int maxRows = DefaultMaxRows) =>
        y.IsEmpty || z.IsEmpty || ImpliesEmbeddedJd(universe, [x | y, x | z], fds, mvds, jds, maxRows);

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
        if (!target.Lhs.IsSubsetOf(universe) || !target.Rhs.IsSubsetOf(universe))
            throw new ArgumentException($"FD {target} names a column outside the universe {universe}", nameof(target));
        // Two rows that agree exactly on X; X -> Y holds when the chase equates them on Y.
        var t = new Tableau(universe, [target.Lhs, target.Lhs], fds, mvds, jds, maxRows);
        bool Agree() => t.SeedsAgreeOn(target.Rhs);
        t.Run(Agree);
        return Agree();
    }

    private static bool Covers(AttributeSet universe, IReadOnlyList<AttributeSet> components)
    {
        var covered = AttributeSet.Empty;
        foreach (var c in components)
        {
            if (!c.IsSubsetOf(universe))
                throw new ArgumentException($"component {c} names a column outside the universe {universe}", nameof(components));
            covered |= c;
        }
        return covered == universe;
    }

    /// <summary>A tableau over the universe's columns, with symbol equalities in a union-find.</summary>
    private sealed class Tableau
    {
        private readonly int[] _columns;                 // universe columns, ascending
        private readonly int _maxRows;
        private readonly List<int> _parent = [0];        // union-find over symbols; 0 is distinguished
        private readonly List<int[]> _rows = [];
        private readonly HashSet<int[]> _rowSet = new(RowComparer.Instance);
        private readonly int[][] _seeds;
        private readonly List<(int[] Lhs, int[] Rhs)> _fds = [];
        private readonly List<int[][]> _joins = [];      // MVDs and JDs, as lists of component positions

        public Tableau(
            AttributeSet universe, IReadOnlyList<AttributeSet> seeds,
            IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency>? mvds, IEnumerable<JoinDependency>? jds,
            int maxRows)
        {
            _columns = universe.ToArray();
            _maxRows = maxRows;
            foreach (var fd in fds)
            {
                Check(universe, fd.Lhs | fd.Rhs, fd.ToString());
                var rhs = fd.Rhs - fd.Lhs;
                if (!rhs.IsEmpty) _fds.Add((Positions(fd.Lhs), Positions(rhs)));
            }
            foreach (var m in mvds ?? [])
            {
                Check(universe, m.Lhs | m.Rhs, m.ToString());
                if (!m.IsTrivial(universe)) _joins.Add([Positions(m.Lhs | m.Rhs), Positions(universe - (m.Rhs - m.Lhs))]);
            }
            foreach (var j in jds ?? [])
            {
                Check(universe, j.Attributes, j.ToString());
                if (j.Attributes != universe)
                    throw new ArgumentException($"JD {j} does not cover the universe {universe}; only full JDs can be chased", nameof(jds));
                if (!j.IsTrivial(universe)) _joins.Add(j.Components.Select(Positions).ToArray());
            }

            _seeds = new int[seeds.Count][];
            for (int s = 0; s < seeds.Count; s++)
            {
                var row = new int[_columns.Length];
                for (int i = 0; i < _columns.Length; i++) row[i] = seeds[s].Contains(_columns[i]) ? 0 : NewSymbol();
                _seeds[s] = row;
                if (_rowSet.Add(row)) _rows.Add(row);
            }
        }

        private static void Check(AttributeSet universe, AttributeSet attributes, string what)
        {
            if (!attributes.IsSubsetOf(universe))
                throw new ArgumentException($"dependency {what} names a column outside the universe {universe}");
        }

        private int NewSymbol()
        {
            _parent.Add(_parent.Count);
            return _parent.Count - 1;
        }

        private int[] Positions(AttributeSet set)
        {
            var list = new List<int>();
            for (int i = 0; i < _columns.Length; i++) if (set.Contains(_columns[i])) list.Add(i);
            return list.ToArray();
        }

        private int Find(int s)
        {
            int root = s;
            while (_parent[root] != root) root = _parent[root];
            while (_parent[s] != root) { int next = _parent[s]; _parent[s] = root; s = next; }
            return root;
        }

        /// <summary>Equates two symbols; the smaller survives, so the distinguished 0 always does.</summary>
        private bool Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a == b) return false;
            if (a < b) _parent[b] = a; else _parent[a] = b;
            return true;
        }

        /// <summary>FD steps to a fixpoint, then MVD / JD steps, until neither changes anything or <paramref name="stop"/> holds.</summary>
        public void Run(Func<bool>? stop)
        {
            while (true)
            {
                if (ApplyFds()) Canonicalize();
                if (stop?.Invoke() == true) return;
                bool added = false;
                foreach (var components in _joins) added |= ApplyJoin(components);
                if (!added) return;
            }
        }

        public bool HasDistinguishedRow()
        {
            foreach (var row in _rows)
            {
                bool all = true;
                foreach (var s in row) if (Find(s) != 0) { all = false; break; }
                if (all) return true;
            }
            return false;
        }

        /// <summary>Whether some row holds the distinguished symbol in every column of <paramref name="target"/>.</summary>
        public bool HasRowDistinguishedOn(AttributeSet target)
        {
            var positions = Positions(target);
            foreach (var row in _rows)
            {
                bool all = true;
                foreach (var i in positions) if (Find(row[i]) != 0) { all = false; break; }
                if (all) return true;
            }
            return false;
        }

        public bool SeedsAgreeOn(AttributeSet attributes)
        {
            foreach (var i in Positions(attributes))
                if (Find(_seeds[0][i]) != Find(_seeds[1][i])) return false;
            return true;
        }

        public ChaseResult Result()
        {
            Canonicalize();
            var rows = _rows.Select(r => (IReadOnlyList<int>)r.ToArray()).ToList();
            return new ChaseResult(_columns, rows, HasDistinguishedRow());
        }

        private bool ApplyFds()
        {
            bool any = false, changed = true;
            var groups = new Dictionary<int[], int>(RowComparer.Instance);
            while (changed)
            {
                changed = false;
                foreach (var (lhs, rhs) in _fds)
                {
                    groups.Clear();
                    for (int r = 0; r < _rows.Count; r++)
                    {
                        var key = new int[lhs.Length];
                        for (int i = 0; i < lhs.Length; i++) key[i] = Find(_rows[r][lhs[i]]);
                        if (!groups.TryGetValue(key, out int first)) { groups[key] = r; continue; }
                        foreach (var c in rhs)
                            if (Union(_rows[first][c], _rows[r][c])) changed = any = true;
                    }
                }
            }
            return any;
        }

        /// <summary>Rewrites every symbol to its representative and drops rows that became equal.</summary>
        private void Canonicalize()
        {
            _rowSet.Clear();
            int kept = 0;
            for (int r = 0; r < _rows.Count; r++)
            {
                var row = _rows[r];
                for (int i = 0; i < row.Length; i++) row[i] = Find(row[i]);
                if (_rowSet.Add(row)) _rows[kept++] = row;
            }
            _rows.RemoveRange(kept, _rows.Count - kept);
        }

        /// <summary>
        /// Adds every row of the join of the tableau's projections onto the components (rows are
        /// canonical here). Components are joined in an order that keeps each step a hash join on
        /// the columns already bound.
        /// </summary>
        private bool ApplyJoin(int[][] components)
        {
            int n = _columns.Length;
            var order = JoinOrder(components, n);
            var bound = new bool[n];
            var partial = new List<int[]> { NewPartial(n) };
            foreach (var comp in order)
            {
                var common = comp.Where(c => bound[c]).ToArray();
                var fresh = comp.Where(c => !bound[c]).ToArray();
                // Distinct values of the fresh columns, by the values of the common ones.
                var index = new Dictionary<int[], HashSet<int[]>>(RowComparer.Instance);
                foreach (var row in _rows)
                {
                    var key = Pick(row, common);
                    if (!index.TryGetValue(key, out var values)) index[key] = values = new HashSet<int[]>(RowComparer.Instance);
                    values.Add(Pick(row, fresh));
                }
                var next = new List<int[]>();
                foreach (var p in partial)
                {
                    if (!index.TryGetValue(Pick(p, common), out var values)) continue;
                    foreach (var v in values)
                    {
                        var row = (int[])p.Clone();
                        for (int i = 0; i < fresh.Length; i++) row[fresh[i]] = v[i];
                        next.Add(row);
                        if (next.Count > 4 * _maxRows)
                            throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows (a join step made {next.Count:N0})");
                    }
                }
                foreach (var c in fresh) bound[c] = true;
                partial = next;
            }

            bool changed = false;
            foreach (var row in partial)
            {
                if (!_rowSet.Add(row)) continue;
                _rows.Add(row);
                changed = true;
                if (_rows.Count > _maxRows)
                    throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows");
            }
            return changed;
        }

        private static int[] NewPartial(int n)
        {
            var p = new int[n];
            Array.Fill(p, -1);
            return p;
        }

        private static int[] Pick(int[] row, int[] positions)
        {
            var key = new int[positions.Length];
            for (int i = 0; i < positions.Length; i++) key[i] = row[positions[i]];
            return key;
        }

        /// <summary>Largest component first, then always the one sharing most columns with those taken.</summary>
        private static List<int[]> JoinOrder(int[][] components, int n)
        {
            var left = components.OrderByDescending(c => c.Length).ToList();
            var bound = new bool[n];
            var order = new List<int[]>(left.Count);
            while (left.Count > 0)
            {
                int best = 0, bestShared = -1;
                for (int i = 0; i < left.Count; i++)
                {
                    int shared = left[i].Count(c => bound[c]);
                    if (shared > bestShared) { bestShared = shared; best = i; }
                }
                foreach (var c in left[best]) bound[c] = true;
                order.Add(left[best]);
                left.RemoveAt(best);
            }
            return order;
        }
    }

    private sealed class RowComparer : IEqualityComparer<int[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] row)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
            return h.ToHashCode();
        }
    }
}
