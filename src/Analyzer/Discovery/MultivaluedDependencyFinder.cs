using System.Numerics;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// MVDs and JDs in the rows (set semantics: duplicate rows count once).
/// <para>
/// MVDs: X ->> Y | Z holds when, in every X-group, the distinct rows are all combinations of their
/// Y-parts and Z-parts (the negative witness of a failure: two rows agreeing on X whose mix is missing).
/// The Y for which X ->> Y holds are closed under union, intersection and complement, so for each X the
/// search finds the atoms of that algebra (the dependency basis of X in the data): the smallest valid
/// subset of a block is an atom. Reported per X, one MVD per atom, unless X is a superkey (every MVD then
/// holds vacuously), the atom or its complement is functionally determined by X (an FD states it), or
/// it follows by augmentation from an X ∖ {a} (its basis already splits the same way).
/// </para>
/// <para>
/// JDs: only on all-key tables (no column is determined by the others). There, every join dependency
/// of three or more components coarsens to one of exactly three components R ∖ M1, R ∖ M2, R ∖ M3 with
/// pairwise disjoint non-empty M (a coarsening that merged two components into R would otherwise be a
/// nontrivial MVD), and validity is inherited by smaller M. The search is level-wise over |M1|+|M2|+|M3|
/// and reports the maximal valid ones, i.e. the finest three-component JDs.
/// </para>
/// </summary>
internal sealed class MultivaluedDependencyFinder
{
    private const long MaxTests = 200_000;
    private const long MaxJoinWork = 50_000_000;

    private readonly EncodedRelation _rel;
    private readonly DiscoveryOptions _options;
    private readonly RunControl _control;
    private readonly int _n, _m;
    private readonly ulong _all;
    private readonly Dictionary<ulong, (int[] Ids, int Count)> _idCache = [];
    private readonly KnownDependencies _known;
    private readonly int[]?[] _byColumn;
    private readonly List<int[]> _evicted = [], _spare = [];
    private int[] _byBoth = [], _start = [];
    private int[] _perY = [], _perZ = [], _seen = [];
    private int _stamp;
    private long _tests;

    /// <param name="known">Keys and exact FDs already found; they let the search skip left sides whose MVDs an FD states or a smaller left side gives.</param>
    public MultivaluedDependencyFinder(EncodedRelation rel, DiscoveryOptions options, RunControl control, KnownDependencies? known = null)
    {
        _rel = rel;
        _options = options;
        _control = control;
        _known = known ?? KnownDependencies.None;
        _n = rel.RowCount;
        _m = rel.ColumnCount;
        _all = _m >= 64 ? ulong.MaxValue : (1UL << _m) - 1;
        _byColumn = new int[]?[_m];
    }

    /// <summary>MVD and JD tests run so far (each reads every row).</summary>
    public long Tests => _tests;

    // ---- MVDs ----

    public List<DiscoveredMvd> FindMvds()
    {
        var result = new List<DiscoveredMvd>();
        if (_m < 3 || SettledByKeys(0)) return result;
        if (_m > Math.Min(_options.MvdMaxColumns, 63))
        {
            _control.AddLimit($"MVDs not searched: the table has {_m} columns, more than the bound of {Math.Min(_options.MvdMaxColumns, 63)}");
            return result;
        }
        var (_, distinctRows) = Ids(_all);
        var bases = new Dictionary<ulong, List<ulong>?>();
        int maxLhs = Math.Min(_options.MaxLhs ?? _m, _m - 2);
        for (int size = 0; size <= maxLhs; size++)
        {
            foreach (var x in Subsets(_all, size))
            {
                if (_control.ShouldStop || _tests > MaxTests)
                {
                    _control.AddLimit(_tests > MaxTests
                        ? $"MVD search stopped after {MaxTests} tests: left-hand sides of {size} or more columns not searched completely"
                        : $"time limit reached: MVDs searched only for left-hand sides of fewer than {size} columns");
                    return Sorted(result);
                }
                ReuseEvicted();
                if (SettledByKeys(x))
                {
                    bases[x] = null; // as a superkey: nothing to report, nothing to augment
                    continue;
                }
                if (DeterminedInside(x) is var c and >= 0)
                {
                    // X ∖ {c} -> c: X has the groups of X ∖ {c}, so its basis is that one without the atom {c},
                    // and each of its MVDs follows from X ∖ {c} by augmentation (nothing to report).
                    var smaller = bases[x & ~(1UL << c)];
                    bases[x] = smaller?.Where(atom => atom != 1UL << c).ToList();
                    continue;
                }
                var (xIds, xCount) = Ids(x);
                if (xCount == distinctRows)
                {
                    bases[x] = null; // superkey
                    continue;
                }
                var basis = Basis(x, xIds, xCount);
                bases[x] = basis;
                _control.Report(DiscoveryPhase.Mvds, size, _tests, result.Count);
                if (basis.Count < 2) continue;
                var rest = _all & ~x;
                for (int i = 0; i < basis.Count; i++)
                {
                    var block = basis[i];
                    if (basis.Count == 2 && i == 1) break; // X ->> Y and X ->> Z state the same
                    if (Determines(x, block) || Determines(x, rest & ~block)) continue;
                    if (FollowsFromSubset(x, block, bases)) continue;
                    result.Add(new DiscoveredMvd(ToSet(x), ToSet(block), ToSet(rest & ~block)));
                }
            }
        }
        return Sorted(result);
    }

    /// <summary>
    /// True when some key K has at most one column outside X: then every MVD X ->> Y | Z that holds is
    /// stated by an FD, so the search for X can only skip what it finds. Proof: say K ∖ X ⊆ Y (it has at
    /// most one column). Two rows of an X-group, (y1, z1) and (y2, z2): the MVD needs a row (y1, z2), which
    /// agrees with the first on X ∪ Y ⊇ K, so it is the first row and z2 = z1; hence X -> Z. The same holds
    /// for every superset of X, and with a one-column key for X = ∅, i.e. for the whole search; JDs need an
    /// all-key table, which a one-column key rules out on three or more columns.
    /// </summary>
    private bool SettledByKeys(ulong x)
    {
        foreach (var key in _known.Keys)
            if (BitOperations.PopCount(key & ~x) <= 1) return true;
        return false;
    }

    /// <summary>A column of X that a known FD with its left side inside the rest of X determines, or -1.</summary>
    private int DeterminedInside(ulong x)
    {
        foreach (var (lhs, rhs) in _known.Fds)
            if ((x >> rhs & 1) != 0 && (lhs & ~x) == 0 && (lhs >> rhs & 1) == 0) return rhs;
        return -1;
    }

    private static List<DiscoveredMvd> Sorted(List<DiscoveredMvd> list)
    {
        list.Sort((a, b) =>
        {
            int c = a.Lhs.CompareTo(b.Lhs);
            return c != 0 ? c : a.Rhs.CompareTo(b.Rhs);
        });
        return list;
    }

    /// <summary>
    /// The atoms of the MVDs X ->> Y that hold, each block found as the smallest valid union of what is
    /// left. Before any row is read the known FDs narrow the question: a column X determines is an atom of
    /// its own, and a split must leave each determined column A on a side that holds, with X, the left
    /// side of an FD into A (see <see cref="FdSides"/>). Columns that every such left side ties to A
    /// stay together, so the search runs over those groups and tests only the splits the FDs allow.
    /// </summary>
    private List<ulong> Basis(ulong x, int[] xIds, int xCount)
    {
        var atoms = new List<ulong>();
        var rest = _all & ~x;
        var sides = FdSides(x, rest, out ulong determined);
        for (ulong d = determined; d != 0; d &= d - 1) atoms.Add(d & (ulong)-(long)d);
        var parts = Groups(rest & ~determined, sides);
        var queue = new Stack<ulong>();
        if (parts.Count > 0) queue.Push(parts.Count == 64 ? ulong.MaxValue : (1UL << parts.Count) - 1);
        while (queue.Count > 0)
        {
            var block = queue.Pop(); // a set of groups
            int size = BitOperations.PopCount(block);
            ulong atom = 0;
            for (int s = 1; s <= size / 2 && atom == 0; s++)
            {
                foreach (var sub in Subsets(block, s))
                {
                    // With two halves of equal size, try only the half holding the block's first group.
                    if (2 * s == size && (sub & (block & (ulong)-(long)block)) == 0) continue;
                    var y = Columns(parts, sub);
                    if (Allowed(sides, y, rest & ~y) && MvdHolds(x, xIds, xCount, y))
                    {
                        atom = sub;
                        break;
                    }
                }
            }
            if (atom == 0) atoms.Add(Columns(parts, block));
            else
            {
                atoms.Add(Columns(parts, atom));
                queue.Push(block & ~atom);
            }
        }
        atoms.Sort((a, b) => BitOperations.TrailingZeroCount(a).CompareTo(BitOperations.TrailingZeroCount(b)));
        return atoms;
    }

    /// <summary>
    /// For each column A outside X that the FDs determine but X does not, the left sides (cut to R ∖ X) of
    /// the FDs into A; <paramref name="determined"/> gets the columns X determines. Why they bound the
    /// splits: let X ->> Y | Z hold with A in Z, and two rows of an X-group agree on Z ∖ {A} but not on A.
    /// The MVD gives two rows that agree on everything but A, which an FD into A forbids; so X ∪ Z ∖ {A}
    /// -> A, and with every minimal FD known, some FD L -> A has L ⊆ X ∪ Z ∖ {A}. That needs the whole
    /// FD list: with only part of it known, no side is ruled out.
    /// </summary>
    private List<(ulong Column, List<ulong> Lhs)> FdSides(ulong x, ulong rest, out ulong determined)
    {
        determined = 0;
        var byColumn = new Dictionary<int, List<ulong>>();
        foreach (var (lhs, rhs) in _known.Fds)
        {
            if ((x >> rhs & 1) != 0) continue;
            if ((lhs & ~x) == 0) determined |= 1UL << rhs;
            else if (_known.FdsComplete) (byColumn.TryGetValue(rhs, out var list) ? list : byColumn[rhs] = []).Add(lhs & rest);
        }
        var sides = new List<(ulong, List<ulong>)>();
        foreach (var (a, lhs) in byColumn)
            if ((determined >> a & 1) == 0) sides.Add((1UL << a, lhs));
        return sides;
    }

    /// <summary>Whether the split Y | Z leaves every determined column on a side that holds a left side of an FD into it.</summary>
    private static bool Allowed(List<(ulong Column, List<ulong> Lhs)> sides, ulong y, ulong z)
    {
        foreach (var (a, lhs) in sides)
        {
            var side = (a & y) != 0 ? y : z;
            bool any = false;
            foreach (var l in lhs)
                if ((l & ~side) == 0) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    /// <summary>The columns grouped so that no allowed split separates a group: A with the columns every left side into it holds.</summary>
    private static List<ulong> Groups(ulong columns, List<(ulong Column, List<ulong> Lhs)> sides)
    {
        var groups = new List<ulong>();
        for (ulong c = columns; c != 0; c &= c - 1) groups.Add(c & (ulong)-(long)c);
        foreach (var (a, lhs) in sides)
        {
            if ((a & columns) == 0) continue;
            // Every left side into A lies, outside X, on A's side: so does what they all share.
            var shared = columns;
            foreach (var l in lhs) shared &= l;
            var tied = a | shared;
            ulong merged = 0;
            for (int i = groups.Count - 1; i >= 0; i--)
                if ((groups[i] & tied) != 0)
                {
                    merged |= groups[i];
                    groups.RemoveAt(i);
                }
            groups.Add(merged);
        }
        groups.Sort((p, q) => BitOperations.TrailingZeroCount(p).CompareTo(BitOperations.TrailingZeroCount(q)));
        return groups;
    }

    private static ulong Columns(List<ulong> groups, ulong which)
    {
        ulong columns = 0;
        for (ulong w = which; w != 0; w &= w - 1) columns |= groups[BitOperations.TrailingZeroCount(w)];
        return columns;
    }

    /// <summary>
    /// X ->> Y holds iff every X-group has (distinct XY parts) × (distinct XZ parts) distinct rows. A group
    /// never has more, so it is enough that the products summed over the groups come to the distinct rows.
    /// </summary>
    private bool MvdHolds(ulong x, int[] xIds, int xCount, ulong y)
    {
        _tests++;
        var z = _all & ~x & ~y;
        var (xy, xyCount) = Ids(x | y);
        var (xz, xzCount) = Ids(x | z);
        var (_, fullCount) = Ids(_all);
        if (_perY.Length < xCount) (_perY, _perZ) = (new int[xCount], new int[xCount]);
        CountPerGroup(xIds, xCount, xy, xyCount, _perY);
        CountPerGroup(xIds, xCount, xz, xzCount, _perZ);
        long products = 0;
        for (int g = 0; g < xCount; g++)
            if ((products += (long)_perY[g] * _perZ[g]) > fullCount) return false;
        return products == fullCount;
    }

    /// <summary>For each group of a coarse partition, how many classes of a finer one it holds (into <paramref name="counts"/>).</summary>
    private void CountPerGroup(int[] coarse, int coarseCount, int[] fine, int fineCount, int[] counts)
    {
        Array.Clear(counts, 0, coarseCount);
        // A class is counted at its first row: rows stamped with the current call's number are seen.
        if (_seen.Length < fineCount || _stamp == int.MaxValue) (_seen, _stamp) = (new int[Math.Max(fineCount, _n)], 0);
        int stamp = ++_stamp;
        var seen = _seen;
        for (int r = 0; r < _n; r++)
        {
            int f = fine[r];
            if (seen[f] == stamp) continue;
            seen[f] = stamp;
            counts[coarse[r]]++;
        }
    }

    private bool Determines(ulong x, ulong y)
    {
        if (y == 0) return true;
        return Ids(x).Count == Ids(x | y).Count;
    }

    /// <summary>X ->> B follows from X ∖ {a} ->> Y by augmentation when B is a union of that basis's blocks (cut to R ∖ X).</summary>
    private bool FollowsFromSubset(ulong x, ulong block, Dictionary<ulong, List<ulong>?> bases)
    {
        for (ulong rest = x; rest != 0; rest &= rest - 1)
        {
            var sub = x & ~(rest & (ulong)-(long)rest);
            if (!bases.TryGetValue(sub, out var basis) || basis is null) continue;
            bool union = true;
            foreach (var b in basis)
            {
                var part = b & ~x;
                if ((part & block) != 0 && (part & ~block) != 0) { union = false; break; }
            }
            if (union) return true;
        }
        return false;
    }

    // ---- JDs ----

    public List<DiscoveredJd> FindJds()
    {
        var result = new List<DiscoveredJd>();
        if (_m < 3 || SettledByKeys(0)) return result;
        int bound = Math.Min(_options.JdMaxColumns, 63);
        if (_m > bound)
        {
            _control.AddLimit($"JDs not searched: the table has {_m} columns, more than the bound of {bound}");
            return result;
        }
        // All-key: no column is determined by all the others (otherwise an FD holds and 5NF is not the question).
        if (_known.Fds.Count > 0) return result;
        var (_, distinctRows) = Ids(_all);
        for (int a = 0; a < _m; a++)
            if (Ids(_all & ~(1UL << a)).Count == distinctRows) return result;

        var valid = new HashSet<(ulong, ulong, ulong)>();
        var level = new List<(ulong, ulong, ulong)>();
        for (int a = 0; a < _m; a++)
        for (int b = a + 1; b < _m; b++)
        for (int c = b + 1; c < _m; c++)
            level.Add((1UL << a, 1UL << b, 1UL << c));
        var maximal = new List<(ulong, ulong, ulong)>();
        long work = 0;
        while (level.Count > 0)
        {
            var holding = new List<(ulong, ulong, ulong)>();
            foreach (var t in level)
            {
                if (_control.ShouldStop)
                {
                    _control.AddLimit("time limit reached: the JD search is incomplete");
                    return ToJds(MaximalOf(valid));
                }
                _control.Report(DiscoveryPhase.Jds, 0, _tests, valid.Count);
                if (!JdHolds(t, ref work))
                {
                    if (work > MaxJoinWork)
                    {
                        _control.AddLimit($"JD search stopped after {MaxJoinWork} join steps: the result is incomplete");
                        return ToJds(MaximalOf(valid));
                    }
                    continue;
                }
                valid.Add(t);
                holding.Add(t);
            }
            // Grow each valid triple by one column in one of its missing sets; keep those whose every shrink is valid.
            var next = new HashSet<(ulong, ulong, ulong)>();
            foreach (var (m1, m2, m3) in holding)
            {
                var used = m1 | m2 | m3;
                for (ulong free = _all & ~used; free != 0; free &= free - 1)
                {
                    var bit = free & (ulong)-(long)free;
                    foreach (var grown in new[] { Canonical(m1 | bit, m2, m3), Canonical(m1, m2 | bit, m3), Canonical(m1, m2, m3 | bit) })
                        if (!next.Contains(grown) && AllShrinksValid(grown, valid)) next.Add(grown);
                }
            }
            level = next.ToList();
        }
        return ToJds(MaximalOf(valid));
    }

    private List<DiscoveredJd> ToJds(List<(ulong, ulong, ulong)> triples)
    {
        var jds = triples.Select(t => new DiscoveredJd(new JoinDependency(new[] { t.Item1, t.Item2, t.Item3 }
            .Select(missing => ToSet(_all & ~missing))).Components)).ToList();
        jds.Sort((a, b) => string.CompareOrdinal(string.Join(";", a.Components), string.Join(";", b.Components)));
        return jds;
    }

    private static List<(ulong, ulong, ulong)> MaximalOf(HashSet<(ulong, ulong, ulong)> valid) =>
        valid.Where(t => !valid.Any(u => u != t && Finer(u, t))).ToList();

    /// <summary>Whether u's missing sets contain t's (u is a finer JD), matching sets by containment.</summary>
    private static bool Finer((ulong, ulong, ulong) u, (ulong, ulong, ulong) t)
    {
        ulong[] a = [u.Item1, u.Item2, u.Item3], b = [t.Item1, t.Item2, t.Item3];
        foreach (var p in new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] })
            if ((b[0] & ~a[p[0]]) == 0 && (b[1] & ~a[p[1]]) == 0 && (b[2] & ~a[p[2]]) == 0) return true;
        return false;
    }

    private static (ulong, ulong, ulong) Canonical(ulong a, ulong b, ulong c)
    {
        Span<ulong> s = [a, b, c];
        s.Sort((x, y) => BitOperations.TrailingZeroCount(x).CompareTo(BitOperations.TrailingZeroCount(y)));
        return (s[0], s[1], s[2]);
    }

    private static bool AllShrinksValid((ulong, ulong, ulong) t, HashSet<(ulong, ulong, ulong)> valid)
    {
        ulong[] parts = [t.Item1, t.Item2, t.Item3];
        for (int i = 0; i < 3; i++)
        {
            if (BitOperations.PopCount(parts[i]) < 2) continue;
            for (ulong bits = parts[i]; bits != 0; bits &= bits - 1)
            {
                var shrunk = (ulong[])parts.Clone();
                shrunk[i] &= ~(bits & (ulong)-(long)bits);
                if (!valid.Contains(Canonical(shrunk[0], shrunk[1], shrunk[2]))) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// ⋈[R∖M1, R∖M2, R∖M3] = r? With C = R ∖ M1 ∖ M2, the join of the first two components pairs, within
    /// each C-group, every distinct (C, M2) part with every distinct (C, M1) part; the JD fails when such a
    /// pair passes the third component but is not a row.
    /// </summary>
    private bool JdHolds((ulong M1, ulong M2, ulong M3) t, ref long work)
    {
        _tests++;
        ReuseEvicted();
        var c = _all & ~t.M1 & ~t.M2;
        var (cIds, cCount) = Ids(c);
        var (r1, _) = Ids(_all & ~t.M1);
        var (r2, _) = Ids(_all & ~t.M2);
        var (u, _) = Ids((c & ~t.M3) | t.M2);
        var (v, _) = Ids(t.M1);
        var third = new HashSet<long>();
        var rows = new HashSet<long>();
        for (int r = 0; r < _n; r++)
        {
            third.Add(((long)u[r] << 32) | (uint)v[r]);
            rows.Add(((long)r1[r] << 32) | (uint)r2[r]);
        }
        // Distinct R1 and R2 parts per C-group, each with one row that has it.
        var left = new List<int>[cCount];
        var right = new List<int>[cCount];
        var seenLeft = new HashSet<int>();
        var seenRight = new HashSet<int>();
        for (int r = 0; r < _n; r++)
        {
            if (seenLeft.Add(r1[r])) (left[cIds[r]] ??= []).Add(r);
            if (seenRight.Add(r2[r])) (right[cIds[r]] ??= []).Add(r);
        }
        for (int g = 0; g < cCount; g++)
        {
            if (left[g] is null || right[g] is null) continue;
            foreach (var a in left[g])
            foreach (var b in right[g])
            {
                if (++work > MaxJoinWork) return false;
                if (third.Contains(((long)u[a] << 32) | (uint)v[b]) && !rows.Contains(((long)r1[a] << 32) | (uint)r2[b]))
                    return false;
            }
        }
        return true;
    }

    // ---- helpers ----

    /// <summary>
    /// Dense ids of the rows' values on a set of columns (equal ids = equal values), and how many: the ids
    /// of the set without its last column, refined by that column with two stable counting sorts (by code,
    /// then by id), so rows of one (id, code) pair end up adjacent. Cached, so shared prefixes are refined once.
    /// </summary>
    private (int[] Ids, int Count) Ids(ulong columns)
    {
        if (_idCache.TryGetValue(columns, out var cached)) return cached;
        (int[] Ids, int Count) result;
        if (columns == 0) result = (new int[_n], _n > 0 ? 1 : 0);
        else
        {
            int last = 63 - BitOperations.LeadingZeroCount(columns);
            var (prefix, prefixCount) = Ids(columns & ~(1UL << last));
            result = Refine(prefix, prefixCount, last);
        }
        // Bound the cache to about 16 MB of ids; past it, keep the single columns every refinement starts
        // from. What leaves is reused once no caller can hold it (see ReuseEvicted).
        if ((long)_idCache.Count * _n > 4_000_000)
            foreach (var key in _idCache.Keys.Where(k => BitOperations.PopCount(k) > 1).ToList())
            {
                _evicted.Add(_idCache[key].Ids);
                _idCache.Remove(key);
            }
        return _idCache[columns] = result;
    }

    /// <summary>Lets Refine reuse the arrays the cache let go; called only between tests, when no ids are held.</summary>
    private void ReuseEvicted()
    {
        _spare.AddRange(_evicted);
        _evicted.Clear();
    }

    private (int[] Ids, int Count) Refine(int[] ids, int idCount, int column)
    {
        // The rows by the column's code are kept per column; one stable counting sort by id then puts the
        // rows of one (id, code) pair next to each other. Only the ids are new memory.
        var codes = _rel.Codes[column];
        if (_byColumn[column] is not { } byCode)
        {
            byCode = _byColumn[column] = new int[_n];
            CountingSort(null, codes, _rel.Distinct[column], byCode);
        }
        if (_byBoth.Length != _n) _byBoth = new int[_n];
        CountingSort(byCode, ids, idCount, _byBoth);
        var byBoth = _byBoth;
        int[] result;
        if (_spare.Count > 0)
        {
            result = _spare[^1];
            _spare.RemoveAt(_spare.Count - 1);
        }
        else result = new int[_n];
        int count = 0;
        for (int i = 0; i < _n; i++)
        {
            int r = byBoth[i];
            if (i > 0)
            {
                int p = byBoth[i - 1];
                if (ids[p] != ids[r] || codes[p] != codes[r]) count++;
            }
            result[r] = count;
        }
        return (result, _n == 0 ? 0 : count + 1);
    }

    /// <summary>Rows (all of them in order when <paramref name="rows"/> is null) sorted stably by key into <paramref name="sorted"/>.</summary>
    private void CountingSort(int[]? rows, int[] keys, int keyCount, int[] sorted)
    {
        if (_start.Length < keyCount + 1) _start = new int[Math.Max(keyCount + 1, _n + 1)];
        var start = _start;
        Array.Clear(start, 0, keyCount + 1);
        for (int i = 0; i < _n; i++) start[keys[rows is null ? i : rows[i]] + 1]++;
        for (int k = 0; k < keyCount; k++) start[k + 1] += start[k];
        for (int i = 0; i < _n; i++)
        {
            int r = rows is null ? i : rows[i];
            sorted[start[keys[r]]++] = r;
        }
    }

    // The positions fit one word, so the shared enumerator's sets are read back as that word.
    private static IEnumerable<ulong> Subsets(ulong of, int size) =>
        Dependencies.Subsets.OfSize(AttributeSet.FromWords([of]), size).Select(s => s.Word(0));

    private AttributeSet ToSet(ulong positions)
    {
        var set = AttributeSet.Empty;
        for (ulong r = positions; r != 0; r &= r - 1) set = set.With(_rel.ColumnOf[BitOperations.TrailingZeroCount(r)]);
        return set;
    }
}
