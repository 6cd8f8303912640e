using System.Runtime.CompilerServices;
using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

/// <summary>
/// The positive cover: candidate minimal FDs X -> A kept in a prefix tree over the attributes of X in
/// ascending order (FDep: Flach &amp; Savnik 1999; HyFD: Papenbrock &amp; Naumann 2016). Each node holds the
/// right-hand sides of the FDs whose left side is its path, and the union of right-hand sides in its
/// subtree, which prunes the subset searches. The tree is an antichain per right-hand side: no FD in
/// it has a proper generalisation in it.
/// <para>
/// Layout: nodes are small structs in one array. A node knows which attributes it has children for (a
/// bit set) and keeps them contiguously in attribute order in a shared pool, so the children worth
/// visiting in a subset search are <c>children ∩ lhs</c>, each found by its rank (a popcount), without
/// touching the others. A child's subtree union sits in the pool entry beside its index, not in the node:
/// a search rejects most children it looks at, and reading the parent's block sequentially for that costs
/// far less than a cache miss on each child node. Node and pool slots are recycled.
/// </para>
/// </summary>
internal sealed class FdTree<T> where T : struct, IBits<T>, IEquatable<T>
{
    public const int Root = 0;
    private const int MaxBlockLog = 11; // child blocks of up to 2048 entries (> 1023 attributes)

    private readonly int _attributes;
    private Node[] _nodes = new Node[1024];
    private int _slots;
    private int _freeNode = -1;
    private Child[] _pool = new Child[4096];
    private T _rootRhs;
    private int _poolUsed;
    private readonly int[] _freeBlock = new int[MaxBlockLog + 1];
    private readonly List<(int Node, T Lhs, T Rhs)> _found = [];
    private readonly long[] _fdsPerLevel;

    /// <summary>One node: the fields a subset search reads sit together.</summary>
    private struct Node
    {
        public T Fds;          // right sides of the FDs whose left side is this node's path
        public T Children;     // attributes that have a child
        public int ChildStart; // offset of the child indices in the pool (in attribute order)
        public int Parent;     // also links the free list
        public short Attr;     // the attribute of the edge into the node; -1 for the root
        public short Depth;    // -1 once freed
        public byte BlockLog;  // the pool block holds 2^BlockLog child entries
    }

    /// <summary>A pool entry: a child and the union of Fds over its subtree.</summary>
    private struct Child
    {
        public T Rhs;
        public int Node;       // also links the free blocks
    }

    /// <param name="attributes">Left-hand sides range over attributes 0 .. attributes-1.</param>
    /// <param name="maxDepth">The largest left-hand side the tree may hold.</param>
    public FdTree(int attributes, int maxDepth)
    {
        _attributes = attributes;
        MaxDepth = maxDepth;
        _fdsPerLevel = new long[attributes + 2];
        Array.Fill(_freeBlock, -1);
        NewNode(-1, -1, 0);
    }

    /// <summary>The largest left-hand side the tree may hold; specialisations beyond it are dropped.</summary>
    public int MaxDepth { get; private set; }

    public long FdCount { get; private set; }
    public int NodeCount { get; private set; }

    /// <summary>Specialisations not added because they would exceed <see cref="MaxDepth"/>.</summary>
    public long DroppedByDepth { get; private set; }

    /// <summary>
    /// Most nodes the tree may hold (from the memory budget). One specialisation of a wide table can add
    /// millions of nodes, so the bound is enforced inside <see cref="Specialize"/>: past it, <see cref="MaxDepth"/>
    /// drops one below the deepest level (once per call) and <see cref="DepthLowered"/> tells the caller to
    /// <see cref="Truncate"/>.
    /// </summary>
    public long NodeBudget { get; set; } = long.MaxValue;

    public bool DepthLowered { get; set; }

    /// <summary>
    /// What a node costs: itself and its entry in its parent's child block, counted three times because
    /// blocks are powers of two (up to half empty) and outgrown blocks wait on free lists for a block of
    /// their size. Counting the entry as an index only (it also holds the subtree's right sides) let a
    /// wide table without a bound outgrow the budget twice over.
    /// </summary>
    public static int BytesPerNode => Unsafe.SizeOf<Node>() + 3 * Unsafe.SizeOf<Child>();

    /// <summary>Bytes in live nodes and child blocks (what the budget watches: freed slots are reused).</summary>
    public long MemoryBytes => (long)NodeCount * Unsafe.SizeOf<Node>() + (long)_poolUsed * Unsafe.SizeOf<Child>();

    /// <summary>The deepest level that holds an FD, or -1.</summary>
    public int DeepestLevel()
    {
        for (int d = _fdsPerLevel.Length - 1; d >= 0; d--)
            if (_fdsPerLevel[d] > 0) return d;
        return -1;
    }

    // ---- nodes and child blocks ----

    private int NewNode(int attribute, int parent, int depth)
    {
        int node;
        if (_freeNode >= 0)
        {
            node = _freeNode;
            _freeNode = _nodes[node].Parent;
        }
        else
        {
            // Large arrays grow by half, so that old and new copy together stay near the budget.
            if (_slots == _nodes.Length)
                Array.Resize(ref _nodes, _nodes.Length < 1 << 20 ? _nodes.Length * 2 : _nodes.Length + _nodes.Length / 2);
            node = _slots++;
        }
        _nodes[node] = new Node
        {
            Fds = T.Empty,
            Children = T.Empty,
            ChildStart = -1,
            Parent = parent,
            Attr = (short)attribute,
            Depth = (short)depth,
        };
        NodeCount++;
        return node;
    }

    private int AllocateBlock(int log)
    {
        int offset = _freeBlock[log];
        if (offset >= 0)
        {
            _freeBlock[log] = _pool[offset].Node;
            return offset;
        }
        int size = 1 << log;
        // Like the node array, a large pool grows by half, so that the old and new copies fit the budget.
        if (_poolUsed + size > _pool.Length)
            Array.Resize(ref _pool, Math.Max(_pool.Length < 1 << 20 ? _pool.Length * 2 : _pool.Length + _pool.Length / 2, _poolUsed + size));
        offset = _poolUsed;
        _poolUsed += size;
        return offset;
    }

    private void FreeBlock(int offset, int log)
    {
        _pool[offset].Node = _freeBlock[log];
        _freeBlock[log] = offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Child EntryAt(in Node node, int attribute) => ref _pool[node.ChildStart + node.Children.CountBelow(attribute)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ChildAt(in Node node, int attribute) => EntryAt(node, attribute).Node;

    /// <summary>The union of Fds over the node's subtree.</summary>
    private ref T RhsOf(int node) => ref node == Root ? ref _rootRhs : ref EntryAt(_nodes[_nodes[node].Parent], _nodes[node].Attr).Rhs;

    /// <summary>The pool index of the node's entry for the child on <paramref name="attribute"/>, made if missing.</summary>
    private int EntryOrCreate(int node, int attribute)
    {
        ref var parent = ref _nodes[node];
        if (parent.Children.Contains(attribute)) return parent.ChildStart + parent.Children.CountBelow(attribute);
        int created = NewNode(attribute, node, _nodes[node].Depth + 1);
        ref var n = ref _nodes[node];
        int count = n.Children.Count;
        int rank = n.Children.CountBelow(attribute);
        if (n.ChildStart < 0)
        {
            n.ChildStart = AllocateBlock(0);
            n.BlockLog = 0;
        }
        else if (count == 1 << n.BlockLog)
        {
            int grown = AllocateBlock(n.BlockLog + 1);
            Array.Copy(_pool, n.ChildStart, _pool, grown, count);
            FreeBlock(n.ChildStart, n.BlockLog);
            n.ChildStart = grown;
            n.BlockLog++;
        }
        Array.Copy(_pool, n.ChildStart + rank, _pool, n.ChildStart + rank + 1, count - rank);
        _pool[n.ChildStart + rank] = new Child { Rhs = T.Empty, Node = created };
        n.Children = n.Children.With(attribute);
        return n.ChildStart + rank;
    }

    /// <summary>Unlinks an emptied node from its parent and recycles it (it has no FDs and no children left).</summary>
    private void Free(int node)
    {
        int parent = _nodes[node].Parent;
        int attribute = _nodes[node].Attr;
        ref var p = ref _nodes[parent];
        int count = p.Children.Count;
        int rank = p.Children.CountBelow(attribute);
        Array.Copy(_pool, p.ChildStart + rank + 1, _pool, p.ChildStart + rank, count - rank - 1);
        p.Children = p.Children.Without(attribute);
        if (count == 1)
        {
            FreeBlock(p.ChildStart, p.BlockLog);
            p.ChildStart = -1;
        }
        ref var n = ref _nodes[node];
        if (n.ChildStart >= 0) FreeBlock(n.ChildStart, n.BlockLog);
        n.Depth = -1;
        n.Parent = _freeNode;
        _freeNode = node;
        NodeCount--;
    }

    // ---- building ----

    /// <summary>Adds X -> A for every A in <paramref name="rhs"/> (the caller has checked minimality).</summary>
    public void Add(T lhs, T rhs)
    {
        int node = Root;
        _rootRhs |= rhs;
        for (int a = lhs.First(); a >= 0; a = lhs.Next(a))
        {
            // The entry is in hand here: no second rank through the parent to reach the child's union.
            int at = EntryOrCreate(node, a); // first: it may grow the pool
            ref var entry = ref _pool[at];
            entry.Rhs |= rhs;
            node = entry.Node;
        }
        ref var n = ref _nodes[node];
        var added = rhs.AndNot(n.Fds);
        n.Fds |= rhs;
        int k = added.Count;
        FdCount += k;
        _fdsPerLevel[n.Depth] += k;
    }

    // ---- queries ----

    /// <summary>The attributes A of <paramref name="mask"/> for which some X -> A with X ⊆ <paramref name="lhs"/> is in the tree.</summary>
    public T GeneralizationRhs(T lhs, T mask)
    {
        var found = T.Empty;
        if (_rootRhs.Overlaps(mask)) Generalizations(Root, lhs, mask, ref found);
        return found;
    }

    private void Generalizations(int node, T lhs, T mask, ref T found)
    {
        ref var n = ref _nodes[node];
        found |= n.Fds & mask;
        var remaining = mask.AndNot(found);
        if (remaining.IsEmpty) return;
        var next = n.Children & lhs;
        for (int a = next.First(); a >= 0; a = next.Next(a))
        {
            ref var e = ref EntryAt(_nodes[node], a);
            if (!e.Rhs.Overlaps(remaining)) continue;
            Generalizations(e.Node, lhs, remaining, ref found);
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
        if (_rootRhs.Overlaps(mask)) GeneralizationsThrough(Root, lhs, required, mask, ref found);
        return found;
    }

    private void GeneralizationsThrough(int node, T lhs, int required, T mask, ref T found)
    {
        // Only attributes up to the required one; below it, every path holds it and the plain search takes over.
        var next = _nodes[node].Children & lhs;
        for (int a = next.First(); a >= 0 && a <= required; a = next.Next(a))
        {
            ref var e = ref EntryAt(_nodes[node], a);
            var remaining = mask.AndNot(found);
            if (!e.Rhs.Overlaps(remaining)) continue;
            int c = e.Node;
            if (a == required) Generalizations(c, lhs, remaining, ref found);
            else GeneralizationsThrough(c, lhs, required, mask, ref found);
            if (mask.AndNot(found).IsEmpty) return;
        }
    }

    /// <summary>Every node whose path X ⊆ <paramref name="lhs"/> holds an FD with right side in <paramref name="mask"/>.</summary>
    private void CollectGeneralizations(int node, T path, T lhs, T mask)
    {
        var hits = _nodes[node].Fds & mask;
        if (!hits.IsEmpty) _found.Add((node, path, hits));
        var next = _nodes[node].Children & lhs;
        for (int a = next.First(); a >= 0; a = next.Next(a))
        {
            ref var e = ref EntryAt(_nodes[node], a);
            if (!e.Rhs.Overlaps(mask)) continue;
            CollectGeneralizations(e.Node, path.With(a), lhs, mask);
        }
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
        var mask = rhsUniverse.AndNot(agree) & _rootRhs;
        if (mask.IsEmpty) return 0;
        _found.Clear();
        CollectGeneralizations(Root, T.Empty, agree, mask);
        if (_found.Count == 0) return 0;
        int removed = 0;
        foreach (var (node, _, bits) in _found)
        {
            ref var n = ref _nodes[node];
            n.Fds = n.Fds.AndNot(bits);
            int k = bits.Count;
            removed += k;
            FdCount -= k;
            _fdsPerLevel[n.Depth] -= k;
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
                if (NodeCount >= NodeBudget && MaxDepth > 1 && !DepthLowered)
                {
                    MaxDepth = Math.Max(1, Math.Min(MaxDepth, DeepestLevel()) - 1);
                    DepthLowered = true;
                }
                if (lhs.Count >= MaxDepth)
                {
                    DroppedByDepth += bits.Count;
                    break;
                }
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
            var children = _nodes[node].Children;
            if (!children.IsEmpty)
            {
                int start = _nodes[node].ChildStart, count = children.Count;
                for (int k = 0; k < count; k++) keep |= _pool[start + k].Rhs;
            }
            ref var rhs = ref RhsOf(node);
            var clear = bits.AndNot(keep) & rhs;
            if (clear.IsEmpty) return;
            rhs = rhs.AndNot(clear);
            int parent = _nodes[node].Parent;
            if (node != Root && rhs.IsEmpty) Free(node);
            node = parent;
            bits = clear;
        }
    }

    // ---- traversal ----

    /// <summary>The nodes at <paramref name="depth"/> that hold FDs, with their left-hand sides, in depth-first order.</summary>
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
        var children = _nodes[node].Children;
        for (int a = children.First(); a >= 0; a = children.Next(a))
        {
            int c = ChildAt(_nodes[node], a);
            var p = path.With(a);
            if (_nodes[c].Depth == depth)
            {
                if (!_nodes[c].Fds.IsEmpty) output.Add((c, p, _nodes[c].Fds));
            }
            else CollectLevel(c, p, depth, output);
        }
    }

    /// <summary>Every FD in the tree up to the given depth, grouped by left-hand side.</summary>
    public void CollectAll(List<(int Node, T Lhs, T Rhs)> output, int maxDepth = int.MaxValue)
    {
        output.Clear();
        if (maxDepth < 0) return;
        if (!_nodes[Root].Fds.IsEmpty) output.Add((Root, T.Empty, _nodes[Root].Fds));
        CollectAll(Root, T.Empty, maxDepth, output);
    }

    private void CollectAll(int node, T path, int maxDepth, List<(int Node, T Lhs, T Rhs)> output)
    {
        var children = _nodes[node].Children;
        for (int a = children.First(); a >= 0; a = children.Next(a))
        {
            int c = ChildAt(_nodes[node], a);
            if (_nodes[c].Depth > maxDepth) continue;
            var p = path.With(a);
            if (!_nodes[c].Fds.IsEmpty) output.Add((c, p, _nodes[c].Fds));
            CollectAll(c, p, maxDepth, output);
        }
    }

    /// <summary>Calls <paramref name="action"/> with each left-hand side up to the given depth and its right sides, depth first.</summary>
    public void ForEach(int maxDepth, Action<T, T> action)
    {
        if (maxDepth < 0) return;
        if (!_nodes[Root].Fds.IsEmpty) action(T.Empty, _nodes[Root].Fds);
        ForEach(Root, T.Empty, maxDepth, action);
    }

    private void ForEach(int node, T path, int maxDepth, Action<T, T> action)
    {
        var children = _nodes[node].Children;
        for (int a = children.First(); a >= 0; a = children.Next(a))
        {
            int c = ChildAt(_nodes[node], a);
            if (_nodes[c].Depth > maxDepth) continue;
            var p = path.With(a);
            if (!_nodes[c].Fds.IsEmpty) action(p, _nodes[c].Fds);
            ForEach(c, p, maxDepth, action);
        }
    }

    /// <summary>
    /// Like <see cref="ForEach(int, Action{T, T})"/> over several trees that split the right-hand sides
    /// between them: the trees are walked side by side, so a left side held by more than one is reported
    /// once, with the union of its right sides, in the same depth-first order as a single tree's.
    /// </summary>
    public static void ForEach(FdTree<T>[] trees, int maxDepth, Action<T, T> action)
    {
        if (trees.Length == 1)
        {
            trees[0].ForEach(maxDepth, action);
            return;
        }
        if (maxDepth < 0) return;
        int k = trees.Length;
        var fds = T.Empty;
        foreach (var tree in trees) fds |= tree._nodes[Root].Fds;
        if (!fds.IsEmpty) action(T.Empty, fds);
        int levels = Math.Min(maxDepth, trees[0]._attributes) + 1;
        var at = new int[(levels + 1) * k]; // at[d * k + t]: tree t's node for the current path of length d, or -1
        for (int t = 0; t < k; t++) at[t] = Root;
        ForEach(trees, at, 0, T.Empty, Math.Min(maxDepth, levels - 1), action);
    }

    private static void ForEach(FdTree<T>[] trees, int[] at, int depth, T path, int maxDepth, Action<T, T> action)
    {
        if (depth >= maxDepth) return;
        int k = trees.Length, here = depth * k, below = here + k;
        var children = T.Empty;
        for (int t = 0; t < k; t++)
            if (at[here + t] >= 0) children |= trees[t]._nodes[at[here + t]].Children;
        for (int a = children.First(); a >= 0; a = children.Next(a))
        {
            var fds = T.Empty;
            for (int t = 0; t < k; t++)
            {
                int node = at[here + t], child = -1;
                if (node >= 0)
                {
                    var tree = trees[t];
                    if (tree._nodes[node].Children.Contains(a))
                    {
                        child = tree.ChildAt(tree._nodes[node], a);
                        fds |= tree._nodes[child].Fds;
                    }
                }
                at[below + t] = child;
            }
            var p = path.With(a);
            if (!fds.IsEmpty) action(p, fds);
            ForEach(trees, at, depth + 1, p, maxDepth, action);
        }
    }

    /// <summary>
    /// Lowers <see cref="MaxDepth"/> and drops every FD deeper than it, in place (to stay within a memory
    /// budget: a copy would need the memory that is short).
    /// </summary>
    public void Truncate(int maxDepth)
    {
        MaxDepth = maxDepth;
        DepthLowered = false;
        Prune(Root, maxDepth);
    }

    /// <summary>Frees everything below <paramref name="maxDepth"/> under the node; returns the node's new subtree union.</summary>
    private T Prune(int node, int maxDepth)
    {
        var children = _nodes[node].Children;
        if (children.IsEmpty) return RhsOf(node) = _nodes[node].Fds;
        Span<int> kids = children.Count <= 256 ? stackalloc int[children.Count] : new int[children.Count];
        int k = 0;
        for (int a = children.First(); a >= 0; a = children.Next(a)) kids[k++] = ChildAt(_nodes[node], a);
        var union = _nodes[node].Fds;
        foreach (var c in kids)
        {
            if (_nodes[node].Depth >= maxDepth)
            {
                FreeSubtree(c);
                continue;
            }
            var below = Prune(c, maxDepth);
            if (below.IsEmpty) Free(c);
            else union |= below;
        }
        return RhsOf(node) = union;
    }

    /// <summary>Drops a node and everything below it, counting the FDs dropped.</summary>
    private void FreeSubtree(int node)
    {
        var children = _nodes[node].Children;
        while (!children.IsEmpty)
        {
            int a = children.Last();
            FreeSubtree(ChildAt(_nodes[node], a));
            children = _nodes[node].Children;
        }
        ref var n = ref _nodes[node];
        int k = n.Fds.Count;
        FdCount -= k;
        _fdsPerLevel[n.Depth] -= k;
        DroppedByDepth += k;
        n.Fds = T.Empty;
        RhsOf(node) = T.Empty;
        Free(node);
    }
}
