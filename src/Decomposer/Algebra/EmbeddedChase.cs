using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Algebra;

/// <summary>
/// Implication of an embedded join dependency by full dependencies (FDs, MVDs, full JDs), by the chase
/// (Maier, Mendelzon &amp; Sagiv, TODS 1979; Beeri &amp; Vardi, JACM 1984): ⋈[S1, ..., Sk] over the columns
/// S = S1 ∪ ... ∪ Sk ⊆ U holds in π_S(r) for every r satisfying D exactly when the chase of the tableau
/// "row j distinguished on Sj, fresh symbols elsewhere" by D produces a row distinguished on all of S.
/// Because D is full (no dependency invents symbols) the chase ends; the tableau is bounded by
/// <c>maxRows</c> all the same and a <see cref="DependencyLimitException"/> says when it grew past it.
/// <para>
/// This is what a projection needs: whether X ->> Y | Z holds among the columns of a new table (the
/// embedded MVD ⋈[XY, XZ]), and whether a join dependency projected onto a new table still holds there.
/// With S = U it is the ordinary lossless-join test.
/// </para>
/// </summary>
public static class EmbeddedChase
{
    public const int DefaultMaxRows = 5_000;

    /// <summary>Whether D implies the join dependency ⋈[components] embedded in the columns the components cover.</summary>
    public static bool Implies(
        AttributeSet universe, IReadOnlyList<AttributeSet> components,
        IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null, int maxRows = DefaultMaxRows)
    {
        var target = AttributeSet.Empty;
        foreach (var c in components)
        {
            if (!c.IsSubsetOf(universe)) throw new ArgumentException($"component {c} lies outside the universe {universe}", nameof(components));
            target |= c;
        }
        if (components.Count == 0) return true;
        if (components.Any(c => c == target)) return true;
        var tableau = new Tableau(universe, components, fds, mvds ?? [], jds ?? [], maxRows);
        return tableau.Run(target);
    }

    /// <summary>Whether D implies X ->> Y | Z within the columns X ∪ Y ∪ Z (Y, Z disjoint and outside X).</summary>
    public static bool ImpliesMvd(
        AttributeSet universe, AttributeSet x, AttributeSet y, AttributeSet z,
        IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency>? mvds = null,
        IEnumerable<JoinDependency>? jds = null, int maxRows = DefaultMaxRows)
    {
        if (y.IsEmpty || z.IsEmpty) return true;
        return Implies(universe, [x | y, x | z], fds, mvds, jds, maxRows);
    }

    private sealed class Tableau
    {
        private readonly int[] _columns;                     // universe columns in ascending order
        private readonly List<int> _parent = [0];            // union-find over symbols; 0 is distinguished
        private readonly List<int[]> _rows = [];
        private readonly HashSet<int[]> _seen = new(RowComparer.Instance);
        private readonly List<(int[] Lhs, int[] Rhs)> _fds = [];
        private readonly List<int[][]> _joins = [];          // MVDs and JDs as lists of column positions
        private readonly int _maxRows;

        public Tableau(AttributeSet universe, IReadOnlyList<AttributeSet> seeds,
            IEnumerable<FunctionalDependency> fds, IEnumerable<MultivaluedDependency> mvds, IEnumerable<JoinDependency> jds, int maxRows)
        {
            _columns = universe.ToArray();
            _maxRows = maxRows;
            foreach (var fd in fds)
            {
                if (!(fd.Lhs | fd.Rhs).IsSubsetOf(universe)) throw new ArgumentException($"FD {fd} lies outside the universe");
                var rhs = fd.Rhs - fd.Lhs;
                if (!rhs.IsEmpty) _fds.Add((Positions(fd.Lhs), Positions(rhs)));
            }
            foreach (var m in mvds)
            {
                if (!(m.Lhs | m.Rhs).IsSubsetOf(universe)) throw new ArgumentException($"MVD {m} lies outside the universe");
                if (!m.IsTrivial(universe)) _joins.Add([Positions(m.Lhs | m.Rhs), Positions(universe - (m.Rhs - m.Lhs))]);
            }
            foreach (var j in jds)
            {
                if (j.Attributes != universe) throw new ArgumentException($"JD {j} must cover the universe {universe}");
                if (!j.IsTrivial(universe)) _joins.Add(j.Components.Select(Positions).ToArray());
            }
            foreach (var s in seeds)
            {
                var row = new int[_columns.Length];
                for (int i = 0; i < row.Length; i++) row[i] = s.Contains(_columns[i]) ? 0 : NewSymbol();
                Add(row);
            }
        }

        /// <summary>Chases until some row is distinguished on <paramref name="target"/>, or nothing changes.</summary>
        public bool Run(AttributeSet target)
        {
            var goal = Positions(target);
            while (true)
            {
                ApplyFds();
                Canonicalize();
                if (Reached(goal)) return true;
                bool added = false;
                foreach (var join in _joins) added |= ApplyJoin(join);
                if (!added) return Reached(goal);
            }
        }

        private bool Reached(int[] goal)
        {
            foreach (var row in _rows)
            {
                bool all = true;
                foreach (var p in goal)
                    if (Find(row[p]) != 0) { all = false; break; }
                if (all) return true;
            }
            return false;
        }

        private int NewSymbol()
        {
            _parent.Add(_parent.Count);
            return _parent.Count - 1;
        }

        private int Find(int s)
        {
            while (_parent[s] != s)
            {
                _parent[s] = _parent[_parent[s]];
                s = _parent[s];
            }
            return s;
        }

        private bool Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a == b) return false;
            if (a < b) _parent[b] = a; else _parent[a] = b;
            return true;
        }

        private int[] Positions(AttributeSet set)
        {
            var list = new List<int>();
            for (int i = 0; i < _columns.Length; i++) if (set.Contains(_columns[i])) list.Add(i);
            return list.ToArray();
        }

        private void Add(int[] row)
        {
            if (!_seen.Add(row)) return;
            _rows.Add(row);
            if (_rows.Count > _maxRows)
                throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows");
        }

        private void ApplyFds()
        {
            bool changed = true;
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
                        foreach (var c in rhs) changed |= Union(_rows[first][c], _rows[r][c]);
                    }
                }
            }
        }

        private void Canonicalize()
        {
            _seen.Clear();
            var kept = new List<int[]>(_rows.Count);
            foreach (var row in _rows)
            {
                for (int i = 0; i < row.Length; i++) row[i] = Find(row[i]);
                if (_seen.Add(row)) kept.Add(row);
            }
            _rows.Clear();
            _rows.AddRange(kept);
        }

        /// <summary>Adds the rows of the join of the tableau's projections onto the components.</summary>
        private bool ApplyJoin(int[][] components)
        {
            int n = _columns.Length;
            var partial = new List<int[]> { Filled(n) };
            var bound = new bool[n];
            foreach (var comp in components.OrderByDescending(c => c.Length))
            {
                var common = comp.Where(c => bound[c]).ToArray();
                var fresh = comp.Where(c => !bound[c]).ToArray();
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
                            throw new DependencyLimitException($"the chase tableau grew past {_maxRows:N0} rows");
                    }
                }
                foreach (var c in fresh) bound[c] = true;
                partial = next;
            }
            int before = _rows.Count;
            foreach (var row in partial) Add(row);
            return _rows.Count > before;
        }

        private static int[] Filled(int n)
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
    }

    private sealed class RowComparer : IEqualityComparer<int[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] row)
        {
            var h = new HashCode();
            foreach (var v in row) h.Add(v);
            return h.ToHashCode();
        }
    }
}
