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
    private Node[] _nodes;
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
        _nodes = new Node[1024];
        _fdsPerLevel = new long[attributes + 2];
        NewNode(-1, -1, 0);
    }

    /// <summary>The largest left-hand side the tree may hold; specialisations beyond it are dropped.</summary>
    public int MaxDepth { get; private set; }

    public long FdCount { get; private set; }
    public int NodeCount { get; private set; }

    /// <summary>Specialisations not added because they would exceed <see cref="MaxDepth"/>.</summary>
    public long DroppedByDepth { get; private set; }

    public long MemoryBytes => (long)_nodes.Length * Unsafe.SizeOf<Node>();

    /// <summary>One node: kept together so that a scan of a child list touches one cache line per child.</summary>
    private struct Node
    {
        public T Fds;          // right sides of the FDs whose left side is this node's path
        public T Rhs;          // union of Fds over the subtree
        public int FirstChild;
        public int NextSibling; // also links the free list
        public int Parent;
        public short Attr;     // the attribute of the edge into the node; -1 for the root
        public short Depth;    // -1 once freed
    }

    public long FdsAtLevel(int depth) => depth < _fdsPerLevel.Length ? _fdsPerLevel[depth] : 0;

    /// <summary>The deepest level that holds an FD, or -1.</summary>
    public int DeepestLevel()
    {
        for (int d = _fdsPerLevel.Length - 1; d >= 0; d--)
            if (_fdsPerLevel[d] > 0) return d;
        return -1;
    }

    public T RootRhs => _nodes[Root].Rhs;

    // ---- building ----

    private int NewNode(int attribute, int parent, int depth)
    {
        int node;
        if (_free >= 0)
        {
            node = _free;
            _free = _nodes[node].NextSibling;
        }
        else
        {
            if (_slots == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
            node = _slots++;
        }
        _nodes[node] = new Node
        {
            Fds = T.Empty,
            Rhs = T.Empty,
            FirstChild = -1,
            NextSibling = -1,
            Parent = parent,
            Attr = (short)attribute,
            Depth = (short)depth,
        };
        NodeCount++;
        return node;
    }

    private int ChildOrCreate(int node, int attribute)
    {
        int prev = -1, c = _nodes[node].FirstChild;
        while (c >= 0 && _nodes[c].Attr < attribute)
        {
            prev = c;
            c = _nodes[c].NextSibling;
        }
        if (c >= 0 && _nodes[c].Attr == attribute) return c;
        int created = NewNode(attribute, node, _nodes[node].Depth + 1);
        _nodes[created].NextSibling = c;
        if (prev < 0) _nodes[node].FirstChild = created;
        else _nodes[prev].NextSibling = created;
        return created;
    }

    /// <summary>Adds X -> A for every A in <paramref name="rhs"/> (the caller has checked minimality).</summary>
    public void Add(T lhs, T rhs)
    {
        int node = Root;
        _nodes[Root].Rhs |= rhs;
        for (int a = lhs.First(); a >= 0; a = lhs.Next(a))
        {
            node = ChildOrCreate(node, a);
            _nodes[node].Rhs |= rhs;
        }
        var added = rhs.AndNot(_nodes[node].Fds);
        _nodes[node].Fds |= rhs;
        int n = added.Count;
        FdCount += n;
        _fdsPerLevel[_nodes[node].Depth] += n;
    }

    // ---- queries ----

    /// <summary>The attributes A of <paramref name="mask"/> for which some X -> A with X ⊆ <paramref name="lhs"/> is in the tree.</summary>
    public T GeneralizationRhs(T lhs, T mask)
    {
        var found = T.Empty;
        if (_nodes[Root].Rhs.Overlaps(mask)) Generalizations(Root, lhs, lhs.Last(), mask, ref found);
        return found;
    }

    private void Generalizations(int node, T lhs, int last, T mask, ref T found)
    {
        found |= _nodes[node].Fds & mask;
        var remaining = mask.AndNot(found);
        if (remaining.IsEmpty) return;
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            int a = _nodes[c].Attr;
            if (a > last) break;
            if (!lhs.Contains(a) || !_nodes[c].Rhs.Overlaps(remaining)) continue;
            Generalizations(c, lhs, last, remaining, ref found);
            remaining = mask.AndNot(found);
            if (remaining.IsEmpty) return;
        }
    }

    /// <summary>
    /// Like <see cref="GeneralizationRhs"/>, but only through paths that contain <paramref name="required"/>:
    /// during specialisation every generalisation without it lay inside the agree set and has just been removed.
    /// </summary>
    private T GeneralizationRhsThrough(T lhs, int required, T mask)
    {
        var found = T.Empty;
        if (_nodes[Root].Rhs.Overlaps(mask)) GeneralizationsThrough(Root, lhs, required, lhs.Last(), mask, ref found);
        return found;
    }

    private void GeneralizationsThrough(int node, T lhs, int required, int last, T mask, ref T found)
    {
        // Below the required attribute every path holds it: the plain search takes over.
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            ref var child = ref _nodes[c];
            int a = child.Attr;
            if (a > required) break;
            if (!lhs.Contains(a) || !child.Rhs.Overlaps(mask.AndNot(found))) continue;
            if (a == required) Generalizations(c, lhs, last, mask.AndNot(found), ref found);
            else GeneralizationsThrough(c, lhs, required, last, mask, ref found);
            if (mask.AndNot(found).IsEmpty) return;
        }
    }

    /// <summary>Every node whose path X ⊆ <paramref name="lhs"/> holds an FD with right side in <paramref name="mask"/>.</summary>
    private void CollectGeneralizations(int node, T path, T lhs, int last, T mask)
    {
        var hits = _nodes[node].Fds & mask;
        if (!hits.IsEmpty) _found.Add((node, path, hits));
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            int a = _nodes[c].Attr;
            if (a > last) break;
            if (!lhs.Contains(a) || !_nodes[c].Rhs.Overlaps(mask)) continue;
            CollectGeneralizations(c, path.With(a), lhs, last, mask);
        }
    }

    /// <summary>Whether X -> A is in the tree for every A of <paramref name="rhs"/>.</summary>
    public bool Contains(T lhs, int rhs)
    {
        int node = Root;
        for (int a = lhs.First(); a >= 0 && node >= 0; a = lhs.Next(a)) node = Child(node, a);
        return node >= 0 && _nodes[node].Fds.Contains(rhs);
    }

    private int Child(int node, int attribute)
    {
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            if (_nodes[c].Attr == attribute) return c;
            if (_nodes[c].Attr > attribute) break;
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
        var mask = rhsUniverse.AndNot(agree) & _nodes[Root].Rhs;
        if (mask.IsEmpty) return 0;
        _found.Clear();
        CollectGeneralizations(Root, T.Empty, agree, agree.Last(), mask);
        if (_found.Count == 0) return 0;
        int removed = 0;
        foreach (var (node, _, bits) in _found)
        {
            _nodes[node].Fds = _nodes[node].Fds.AndNot(bits);
            int n = bits.Count;
            removed += n;
            FdCount -= n;
            _fdsPerLevel[_nodes[node].Depth] -= n;
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
                var add = want.AndNot(GeneralizationRhsThrough(specialised, b, want));
                if (!add.IsEmpty) Add(specialised, add);
            }
        }
        foreach (var (node, _, bits) in _found)
            if (_nodes[node].Depth >= 0) Repair(node, bits);
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
            var keep = _nodes[node].Fds;
            for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling) keep |= _nodes[c].Rhs;
            var clear = bits.AndNot(keep) & _nodes[node].Rhs;
            if (clear.IsEmpty) return;
            _nodes[node].Rhs = _nodes[node].Rhs.AndNot(clear);
            int parent = _nodes[node].Parent;
            if (node != Root && _nodes[node].Rhs.IsEmpty) Free(node);
            node = parent;
            bits = clear;
        }
    }

    private void Free(int node)
    {
        int parent = _nodes[node].Parent;
        int prev = -1;
        for (int c = _nodes[parent].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            if (c == node)
            {
                if (prev < 0) _nodes[parent].FirstChild = _nodes[c].NextSibling;
                else _nodes[prev].NextSibling = _nodes[c].NextSibling;
                break;
            }
            prev = c;
        }
        // An emptied node has no FDs and no children left (each child's union is inside its own).
        _nodes[node].Depth = -1;
        _nodes[node].NextSibling = _free;
        _free = node;
        NodeCount--;
    }

    /// <summary>Removes X -> A for the given node and right sides (a candidate found invalid).</summary>
    public void Remove(int node, T bits)
    {
        bits &= _nodes[node].Fds;
        if (bits.IsEmpty) return;
        _nodes[node].Fds = _nodes[node].Fds.AndNot(bits);
        int n = bits.Count;
        FdCount -= n;
        _fdsPerLevel[_nodes[node].Depth] -= n;
        Repair(node, bits);
    }

    // ---- traversal ----

    /// <summary>The nodes at <paramref name="depth"/> that hold FDs, with their left-hand sides.</summary>
    public void CollectLevel(int depth, List<(int Node, T Lhs, T Rhs)> output)
    {
        output.Clear();
        if (depth == 0)
        {
            if (!_nodes[Root].Fds.IsEmpty) output.Add((Root, T.Empty, _nodes[Root].Fds));
            return;
        }
        CollectLevel(Root, T.Empty, depth, output);
    }

    private void CollectLevel(int node, T path, int depth, List<(int Node, T Lhs, T Rhs)> output)
    {
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            var p = path.With(_nodes[c].Attr);
            if (_nodes[c].Depth == depth)
            {
                if (!_nodes[c].Fds.IsEmpty) output.Add((c, p, _nodes[c].Fds));
            }
            else CollectLevel(c, p, depth, output);
        }
    }

    /// <summary>Every FD in the tree, grouped by left-hand side.</summary>
    public void CollectAll(List<(int Node, T Lhs, T Rhs)> output, int maxDepth = int.MaxValue)
    {
        output.Clear();
        if (maxDepth < 0) return;
        if (!_nodes[Root].Fds.IsEmpty) output.Add((Root, T.Empty, _nodes[Root].Fds));
        CollectAll(Root, T.Empty, maxDepth, output);
    }

    private void CollectAll(int node, T path, int maxDepth, List<(int Node, T Lhs, T Rhs)> output)
    {
        for (int c = _nodes[node].FirstChild; c >= 0; c = _nodes[c].NextSibling)
        {
            if (_nodes[c].Depth > maxDepth) continue;
            var p = path.With(_nodes[c].Attr);
            if (!_nodes[c].Fds.IsEmpty) output.Add((c, p, _nodes[c].Fds));
            CollectAll(c, p, maxDepth, output);
        }
    }

    /// <summary>Lowers <see cref="MaxDepth"/> and drops every FD deeper than it (to stay within a memory budget).</summary>
    public void Truncate(int maxDepth)
    {
        var keep = new List<(int Node, T Lhs, T Rhs)>();
        CollectAll(keep, maxDepth);
        long dropped = FdCount - keep.Sum(k => (long)k.Rhs.Count);
        _nodes = new Node[1024];
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
