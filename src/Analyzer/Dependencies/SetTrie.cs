namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// A set-trie (Savnik, "Index data structure for fast subset and superset queries", CD-ARES 2013):
/// sets stored as ascending attribute paths, so that "is some stored set a subset of S?" only walks
/// the paths whose attributes all lie in S. Used to skip candidates that already contain a known key
/// and to drop FDs whose left side is subsumed by a smaller one.
/// </summary>
internal sealed class SetTrie
{
    private sealed class Node
    {
        public int[] Labels = [];
        public Node[] Children = [];
        public int Count;
        public bool Terminal;

        public Node? Child(int label)
        {
            int i = Array.BinarySearch(Labels, 0, Count, label);
            return i >= 0 ? Children[i] : null;
        }

        public Node AddChild(int label)
        {
            int i = Array.BinarySearch(Labels, 0, Count, label);
            if (i >= 0) return Children[i];
            i = ~i;
            if (Count == Labels.Length)
            {
                int size = Math.Max(2, Count * 2);
                Array.Resize(ref Labels, size);
                Array.Resize(ref Children, size);
            }
            Array.Copy(Labels, i, Labels, i + 1, Count - i);
            Array.Copy(Children, i, Children, i + 1, Count - i);
            var node = new Node();
            Labels[i] = label;
            Children[i] = node;
            Count++;
            return node;
        }
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds the set; false when it was already there.</summary>
    public bool Add(AttributeSet set)
    {
        var node = _root;
        foreach (var a in set) node = node.AddChild(a);
        if (node.Terminal) return false;
        node.Terminal = true;
        Count++;
        return true;
    }

    public bool Contains(AttributeSet set)
    {
        Node? node = _root;
        foreach (var a in set)
        {
            node = node.Child(a);
            if (node is null) return false;
        }
        return node.Terminal;
    }

    /// <summary>Whether some stored set is a subset of <paramref name="set"/> (equal counts).</summary>
    public bool ContainsSubsetOf(AttributeSet set) => HasSubset(_root, set, set.Count);

    private static bool HasSubset(Node node, AttributeSet set, int setCount)
    {
        if (node.Terminal) return true;
        if (node.Count <= setCount)
        {
            for (int i = 0; i < node.Count; i++)
                if (set.Contains(node.Labels[i]) && HasSubset(node.Children[i], set, setCount)) return true;
        }
        else
        {
            // Many children, small set: look the set's attributes up instead.
            foreach (var a in set)
                if (node.Child(a) is { } child && HasSubset(child, set, setCount)) return true;
        }
        return false;
    }
}
