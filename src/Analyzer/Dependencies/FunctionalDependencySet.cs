namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// A set of FDs over the columns 0..AttributeCount-1, indexed for repeated closure computation.
/// Closure runs in time linear in the total size of the FDs (Beeri &amp; Bernstein, TODS 1979):
/// each FD keeps a counter of left-hand attributes not yet reached, and fires when it drops to zero.
/// </summary>
public sealed class FunctionalDependencySet : IReadOnlyList<FunctionalDependency>
{
    private readonly FunctionalDependency[] _fds;
    private readonly int[] _lhsSize;
    private readonly int[][] _fdsByLhsAttribute; // attribute -> indexes of FDs whose left side holds it
    private readonly int[] _emptyLhs;            // FDs with an empty left side (constant columns)

    public FunctionalDependencySet(int attributeCount, IEnumerable<FunctionalDependency> fds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attributeCount);
        AttributeCount = attributeCount;
        Universe = AttributeSet.Range(attributeCount);
        _fds = fds.ToArray();
        _lhsSize = new int[_fds.Length];
        var lists = new List<int>[attributeCount];
        var empty = new List<int>();
        for (int i = 0; i < _fds.Length; i++)
        {
            var fd = _fds[i];
            if (!fd.Lhs.IsSubsetOf(Universe) || !fd.Rhs.IsSubsetOf(Universe))
                throw new ArgumentException($"FD {fd} names a column outside 0..{attributeCount - 1}.", nameof(fds));
            _lhsSize[i] = fd.Lhs.Count;
            if (_lhsSize[i] == 0) empty.Add(i);
            foreach (var a in fd.Lhs) (lists[a] ??= []).Add(i);
        }
        _fdsByLhsAttribute = lists.Select(l => l?.ToArray() ?? []).ToArray();
        _emptyLhs = empty.ToArray();
    }

    public int AttributeCount { get; }

    /// <summary>All columns: {0, ..., AttributeCount-1}.</summary>
    public AttributeSet Universe { get; }

    public int Count => _fds.Length;

    public FunctionalDependency this[int index] => _fds[index];

    /// <summary>X⁺: every column that X determines.</summary>
    public AttributeSet Closure(AttributeSet x) => Closure(x, skip: -1);

    /// <summary>X⁺ under this set without the FD at index <paramref name="skip"/> (for redundancy tests).</summary>
    public AttributeSet Closure(AttributeSet x, int skip)
    {
        int n = _fds.Length;
        int[]? rented = null;
        Span<int> remaining = n <= 512 ? stackalloc int[n] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(n)).AsSpan(0, n);
        _lhsSize.AsSpan().CopyTo(remaining);

        // Words of the result, and a stack of attributes whose FDs still need their counters lowered.
        int words = (AttributeCount + 63) / 64;
        Span<ulong> result = words <= 16 ? stackalloc ulong[Math.Max(words, 1)] : new ulong[words];
        result.Clear();
        Span<int> stack = AttributeCount <= 1024 ? stackalloc int[Math.Max(AttributeCount, 1)] : new int[AttributeCount];
        int top = 0;

        foreach (var a in x)
        {
            result[a >> 6] |= 1UL << (a & 63);
            stack[top++] = a;
        }
        foreach (var i in _emptyLhs)
            if (i != skip) Fire(i, result, stack, ref top);

        while (top > 0)
        {
            int a = stack[--top];
            foreach (var i in _fdsByLhsAttribute[a])
                if (--remaining[i] == 0 && i != skip) Fire(i, result, stack, ref top);
        }

        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        return AttributeSet.FromWords(result);
    }

    private void Fire(int fd, Span<ulong> result, Span<int> stack, ref int top)
    {
        foreach (var b in _fds[fd].Rhs)
        {
            ulong bit = 1UL << (b & 63);
            if ((result[b >> 6] & bit) != 0) continue;
            result[b >> 6] |= bit;
            stack[top++] = b;
        }
    }

    public bool Implies(FunctionalDependency fd) => fd.Rhs.IsSubsetOf(Closure(fd.Lhs));

    /// <summary>X is a superkey when it determines every column.</summary>
    public bool IsSuperkey(AttributeSet x) => Closure(x) == Universe;

    /// <summary>Same closure for every set: each FD of one set is implied by the other.</summary>
    public bool IsEquivalentTo(FunctionalDependencySet other) =>
        other.AttributeCount == AttributeCount && _fds.All(other.Implies) && other._fds.All(Implies);

    public IEnumerator<FunctionalDependency> GetEnumerator() => ((IEnumerable<FunctionalDependency>)_fds).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
