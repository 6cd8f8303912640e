using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Discovery.Engine;

/// <summary>
/// The positive cover: candidate minimal FDs X -> A kept in a prefix tree over the attributes of X in
/// ascending order (FDep: Flach &amp; Savnik 1999; HyFD: Papenbrock &amp; Naumann 2016). Each node holds the
/// right-hand sides of the FDs whose left side is its path, and the union of right-hand sides in its
/// subtree, which prunes the subset searches. Nodes live in parallel arrays with first-child /
/// next-sibling links (children in ascending attribute order): a node costs a few dozen bytes whatever
/// the table width, which matters for wide tables and for covers of hundreds of thousands of FDs.
/// The tree is an antichain per right-hand side: no FD in it has a proper generalisation in it.
/// </summary>
internal sealed class FdTree<T> where T : struct, IBits<T>, IEquatable<T>
{
    public const int Root = 0;

    private readonly int _attributes;
    private T[] _fds;
    private T[] _rhs;
    private int[] _firstChild;
    private int[] _nextSibling;
    private int[] _parent;
    private short[] _attr;
    private short[] _depth;
    private int _slots;
    private int _free = -1;
    private readonly List<(int Node, T Lhs, T Rhs)> _found = [];
    private long[] _fdsPerLevel;

    /// <param name="attributes">Left-hand sides range over attributes 0 .. attributes-1.</param>
    /// <param name="maxDepth">The largest left-hand side the tree may hold.</param>
    public FdTree(int attributes, int maxDepth)
    {
        _attributes = attributes;
        MaxDepth = maxDepth;
        int capacity = 1024;
        _fds = new T[capacity];
        _rhs = new T[capacity];
        _firstChild = new int[capacity];
        _nextSibling = new int[capacity];
        _parent = new int[capacity];
        _attr = new short[capacity];
        _depth = new short[capacity];
        _fdsPerLevel = new long[attributes + 2];
        NewNode(-1, -1, 0);
    }

    /// <summary>The largest left-hand side the tree may hold; specialisations beyond it are dropped.</summary>
    public int MaxDepth { get; private set; }

    public long FdCount { get; private set; }
    public int NodeCount { get; private set; }

    /// <summary>Specialisations not added because they would exceed <see cref="MaxDepth"/>.</summary>
    public long DroppedByDepth { get; private set; }

    public long MemoryBytes => (long)_fds.Length * (2L * Unsafe.SizeOf<T>() + 16);

    public long FdsAtLevel(int depth) => depth < _fdsPerLevel.Length ? _fdsPerLevel[depth] : 0;

    /// <summary>The deepest level that holds an FD, or -1.</summary>
    public int DeepestLevel()
    {
        for (int d = _fdsPerLevel.Length - 1; d >= 0; d--)
            if (_fdsPerLevel[d] > 0) return d;
        return -1;
    }

    public T RootRhs => _rhs[Root];

    // ---- building ----

    private int NewNode(int attribute, int parent, int depth)
    {
        int node;
        if (_free >= 0)
        {
            node = _free;
            _free = _nextSibling[node];
        }
        else
        {
            if (_slots == _fds.Length) GrowNodes();
            node = _slots++;
        }
        _fds[node] = T.Empty;
        _rhs[node] = T.Empty;
        _firstChild[node] = -1;
        _nextSibling[node] = -1;
        _parent[node] = parent;
        _attr[node] = (short)attribute;
        _depth[node] = (short)depth;
        NodeCount++;
        return node;
    }

    private void GrowNodes()
    {
        int size = _fds.Length * 2;
        Array.Resize(ref _fds, size);
        Array.Resize(ref _rhs, size);
        Array.Resize(ref _firstChild, size);
        Array.Resize(ref _nextSibling, size);
        Array.Resize(ref _parent, size);
        Array.Resize(ref _attr, size);
        Array.Resize(ref _depth, size);
    }

    private int ChildOrCreate(int node, int attribute)
    {
        int prev = -1, c = _firstChild[node];
        while (c >= 0 && _attr[c] < attribute)
        {
            prev = c;
            c = _nextSibling[c];
        }
        if (c >= 0 && _attr[c] == attribute) return c;
        int created = NewNode(attribute, node, _depth[node] + 1);
        _nextSibling[created] = c;
        if (prev < 0) _firstChild[node] = created;
        else _nextSibling[prev] = created;
        return created;
    }

    /// <summary>Adds X -> A for every A in <paramref name="rhs"/> (the caller has checked minimality).</summary>
    public void Add(T lhs, T rhs)
    {
        int node = Root;
        _rhs[Root] |= rhs;
        for (int a = lhs.First(); a >= 0; a = lhs.Next(a))
        {
            node = ChildOrCreate(node, a);
            _rhs[node] |= rhs;
        }
        var added = rhs.AndNot(_fds[node]);
        _fds[node] |= rhs;
        int n = added.Count;
        FdCount += n;
        _fdsPerLevel[_depth[node]] += n;
    }

    // ---- queries ----

    /// <summary>The attributes A of <paramref name="mask"/> for which some X -> A with X ⊆ <paramref name="lhs"/> is in the tree.</summary>
    public T GeneralizationRhs(T lhs, T mask)
    {
        var found = T.Empty;
        if (_rhs[Root].Overlaps(mask)) Generalizations(Root, lhs, lhs.Last(), mask, ref found);
        return found;
    }

    private void Generalizations(int node, T lhs, int last, T mask, ref T found)
    {
        found |= _fds[node] & mask;
        var remaining = mask.AndNot(found);
        if (remaining.IsEmpty) return;
        for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c])
        {
            int a = _attr[c];
            if (a > last) break;
            if (!lhs.Contains(a) || !_rhs[c].Overlaps(remaining)) continue;
            Generalizations(c, lhs, last, remaining, ref found);
            remaining = mask.AndNot(found);
            if (remaining.IsEmpty) return;
        }
    }

    /// <summary>Every node whose path X ⊆ <paramref name="lhs"/> holds an FD with right side in <paramref name="mask"/>.</summary>
    private void CollectGeneralizations(int node, T path, T lhs, int last, T mask)
    {
        var hits = _fds[node] & mask;
        if (!hits.IsEmpty) _found.Add((node, path, hits));
        for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c])
        {
            int a = _attr[c];
            if (a > last) break;
            if (!lhs.Contains(a) || !_rhs[c].Overlaps(mask)) continue;
            CollectGeneralizations(c, path.With(a), lhs, last, mask);
        }
    }

    /// <summary>Whether X -> A is in the tree for every A of <paramref name="rhs"/>.</summary>
    public bool Contains(T lhs, int rhs)
    {
        int node = Root;
        for (int a = lhs.First(); a >= 0 && node >= 0; a = lhs.Next(a)) node = Child(node, a);
        return node >= 0 && _fds[node].Contains(rhs);
    }

    private int Child(int node, int attribute)
    {
        for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c])
        {
            if (_attr[c] == attribute) return c;
            if (_attr[c] > attribute) break;
        }
        return -1;
    }

    // ---- specialisation (induction from the negative cover) ----

    /// <summary>
    /// Applies one non-FD: two rows agree exactly on <paramref name="agree"/>, so no X ⊆ agree determines an
    /// attribute outside it. Every such X -> A is removed and replaced by its minimal specialisations
    /// X ∪ {B} -> A with B outside the agree set (and B ≠ A), unless a generalisation of one is already
    /// in the tree. <paramref name="rhsUniverse"/> is every right-hand side the tree searches for.
    /// Returns the number of FDs removed.
    /// </summary>
    public int Specialize(T agree, T rhsUniverse)
    {
        var mask = rhsUniverse.AndNot(agree) & _rhs[Root];
        if (mask.IsEmpty) return 0;
        _found.Clear();
        CollectGeneralizations(Root, T.Empty, agree, agree.Last(), mask);
        if (_found.Count == 0) return 0;
        int removed = 0;
        foreach (var (node, _, bits) in _found)
        {
            _fds[node] = _fds[node].AndNot(bits);
            int n = bits.Count;
            removed += n;
            FdCount -= n;
            _fdsPerLevel[_depth[node]] -= n;
        }
        var outside = T.FirstN(_attributes).AndNot(agree);
        foreach (var (_, lhs, bits) in _found)
        {
            if (lhs.Count >= MaxDepth)
            {
                DroppedByDepth += bits.Count;
                continue;
            }
            for (int b = outside.First(); b >= 0; b = outside.Next(b))
            {
                var want = bits.Without(b);
                if (want.IsEmpty) continue;
                var specialised = lhs.With(b);
                var add = want.AndNot(GeneralizationRhs(specialised, want));
                if (!add.IsEmpty) Add(specialised, add);
            }
        }
        foreach (var (node, _, bits) in _found)
            if (_depth[node] >= 0) Repair(node, bits);
        return removed;
    }

    /// <summary>
    /// After FDs with right sides <paramref name="bits"/> left <paramref name="node"/>, clears those bits from
    /// the subtree unions up the path where nothing below still needs them, and frees emptied nodes.
    /// </summary>
    private void Repair(int node, T bits)
    {
        while (node >= 0 && !bits.IsEmpty)
        {
            var keep = _fds[node];
            for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c]) keep |= _rhs[c];
            var clear = bits.AndNot(keep) & _rhs[node];
            if (clear.IsEmpty) return;
            _rhs[node] = _rhs[node].AndNot(clear);
            int parent = _parent[node];
            if (node != Root && _rhs[node].IsEmpty) Free(node);
            node = parent;
            bits = clear;
        }
    }

    private void Free(int node)
    {
        int parent = _parent[node];
        int prev = -1;
        for (int c = _firstChild[parent]; c >= 0; c = _nextSibling[c])
        {
            if (c == node)
            {
                if (prev < 0) _firstChild[parent] = _nextSibling[c];
                else _nextSibling[prev] = _nextSibling[c];
                break;
            }
            prev = c;
        }
        // An emptied node has no FDs and no children left (each child's union is inside its own).
        _depth[node] = -1;
        _nextSibling[node] = _free;
        _free = node;
        NodeCount--;
    }

    /// <summary>Removes X -> A for the given node and right sides (a candidate found invalid).</summary>
    public void Remove(int node, T bits)
    {
        bits &= _fds[node];
        if (bits.IsEmpty) return;
        _fds[node] = _fds[node].AndNot(bits);
        int n = bits.Count;
        FdCount -= n;
        _fdsPerLevel[_depth[node]] -= n;
        Repair(node, bits);
    }

    // ---- traversal ----

    /// <summary>The nodes at <paramref name="depth"/> that hold FDs, with their left-hand sides.</summary>
    public void CollectLevel(int depth, List<(int Node, T Lhs, T Rhs)> output)
    {
        output.Clear();
        if (depth == 0)
        {
            if (!_fds[Root].IsEmpty) output.Add((Root, T.Empty, _fds[Root]));
            return;
        }
        CollectLevel(Root, T.Empty, depth, output);
    }

    private void CollectLevel(int node, T path, int depth, List<(int Node, T Lhs, T Rhs)> output)
    {
        for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c])
        {
            var p = path.With(_attr[c]);
            if (_depth[c] == depth)
            {
                if (!_fds[c].IsEmpty) output.Add((c, p, _fds[c]));
            }
            else CollectLevel(c, p, depth, output);
        }
    }

    /// <summary>Every FD in the tree, grouped by left-hand side.</summary>
    public void CollectAll(List<(int Node, T Lhs, T Rhs)> output, int maxDepth = int.MaxValue)
    {
        output.Clear();
        if (maxDepth < 0) return;
        if (!_fds[Root].IsEmpty) output.Add((Root, T.Empty, _fds[Root]));
        CollectAll(Root, T.Empty, maxDepth, output);
    }

    private void CollectAll(int node, T path, int maxDepth, List<(int Node, T Lhs, T Rhs)> output)
    {
        for (int c = _firstChild[node]; c >= 0; c = _nextSibling[c])
        {
            if (_depth[c] > maxDepth) continue;
            var p = path.With(_attr[c]);
            if (!_fds[c].IsEmpty) output.Add((c, p, _fds[c]));
            CollectAll(c, p, maxDepth, output);
        }
    }

    /// <summary>Lowers <see cref="MaxDepth"/> and drops every FD deeper than it (to stay within a memory budget).</summary>
    public void Truncate(int maxDepth)
    {
        var keep = new List<(int Node, T Lhs, T Rhs)>();
        CollectAll(keep, maxDepth);
        long dropped = FdCount - keep.Sum(k => (long)k.Rhs.Count);
        int capacity = 1024;
        _fds = new T[capacity];
        _rhs = new T[capacity];
        _firstChild = new int[capacity];
        _nextSibling = new int[capacity];
        _parent = new int[capacity];
        _attr = new short[capacity];
        _depth = new short[capacity];
        _slots = 0;
        _free = -1;
        NodeCount = 0;
        FdCount = 0;
        Array.Clear(_fdsPerLevel);
        MaxDepth = maxDepth;
        NewNode(-1, -1, 0);
        foreach (var (_, lhs, rhs) in keep) Add(lhs, rhs);
        DroppedByDepth += dropped;
    }
}
