namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// A set of FDs over the columns 0..AttributeCount-1, indexed for repeated closure computation.
/// Closure runs in time linear in the total size of the FDs (Beeri &amp; Bernstein, TODS 1979):
/// each FD keeps a counter of left-hand attributes not yet reached, and fires when it drops to zero.
/// Immutable and safe to share between threads; for hot loops on one thread, a
/// <see cref="ClosureComputer"/> avoids even the per-call scratch work.
/// </summary>
public sealed class FunctionalDependencySet : IReadOnlyList<FunctionalDependency>
{
    private readonly FunctionalDependency[] _fds;
    private ClosureComputer? _spare; // one cached computer, taken and given back by Closure()

    public FunctionalDependencySet(int attributeCount, IEnumerable<FunctionalDependency> fds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attributeCount);
        AttributeCount = attributeCount;
        Universe = AttributeSet.Range(attributeCount);
        _fds = fds.ToArray();
        foreach (var fd in _fds)
            if (!fd.Lhs.IsSubsetOf(Universe) || !fd.Rhs.IsSubsetOf(Universe))
                throw new ArgumentException($"FD {fd} names a column outside 0..{attributeCount - 1}.", nameof(fds));
        Index = new ClosureIndex(attributeCount, _fds);
    }

    public int AttributeCount { get; }

    /// <summary>All columns: {0, ..., AttributeCount-1}.</summary>
    public AttributeSet Universe { get; }

    public int Count => _fds.Length;

    public FunctionalDependency this[int index] => _fds[index];

    internal ClosureIndex Index { get; }

    /// <summary>
    /// X⁺: every column that X determines. Columns of X outside the universe stay in the result and
    /// determine nothing (no FD mentions them).
    /// </summary>
    public AttributeSet Closure(AttributeSet x) => Closure(x, skip: -1);

    /// <summary>X⁺ under this set without the FD at index <paramref name="skip"/> (for redundancy tests).</summary>
    public AttributeSet Closure(AttributeSet x, int skip)
    {
        var computer = Interlocked.Exchange(ref _spare, null) ?? new ClosureComputer(this);
        try
        {
            if ((uint)skip >= (uint)_fds.Length) return computer.Closure(x); // no such FD: nothing to leave out
            computer.Disable(skip);
            try { return computer.Closure(x); }
            finally { computer.Enable(skip); }
        }
        finally
        {
            _spare = computer;
        }
    }

    public bool Implies(FunctionalDependency fd) => Determines(fd.Lhs, fd.Rhs);

    /// <summary>Whether Y ⊆ X⁺; stops as soon as Y is reached.</summary>
    public bool Determines(AttributeSet x, AttributeSet y)
    {
        var computer = Interlocked.Exchange(ref _spare, null) ?? new ClosureComputer(this);
        try { return computer.Determines(x, y); }
        finally { _spare = computer; }
    }

    /// <summary>X is a superkey when it determines every column.</summary>
    public bool IsSuperkey(AttributeSet x) => Determines(x, Universe);

    /// <summary>Same closure for every set: each FD of one set is implied by the other.</summary>
    public bool IsEquivalentTo(FunctionalDependencySet other) =>
        other.AttributeCount == AttributeCount && _fds.All(other.Implies) && other._fds.All(Implies);

    public IEnumerator<FunctionalDependency> GetEnumerator() => ((IEnumerable<FunctionalDependency>)_fds).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The FDs of a set in flat arrays (compressed rows): for each FD its left-hand size and right-hand
/// attributes, for each attribute the FDs whose left side holds it. Built once per set.
/// </summary>
internal sealed class ClosureIndex
{
    public readonly int AttributeCount;
    public readonly int Words;          // 64-bit words of a set over the universe
    public readonly int FdCount;
    public readonly int[] LhsSize;      // per FD
    public readonly int[] RhsStart;     // per FD, into RhsAttributes; FD i owns [RhsStart[i], RhsStart[i+1])
    public readonly int[] RhsAttributes;
    public readonly int[] UseStart;     // per attribute, into Uses; attribute a is used by [UseStart[a], UseStart[a+1])
    public readonly int[] Uses;
    public readonly int[] EmptyLhs;     // FDs with an empty left side

    public ClosureIndex(int attributeCount, FunctionalDependency[] fds)
    {
        AttributeCount = attributeCount;
        Words = Math.Max(1, (attributeCount + 63) / 64);
        FdCount = fds.Length;
        LhsSize = new int[fds.Length];
        RhsStart = new int[fds.Length + 1];
        UseStart = new int[attributeCount + 1];
        var empty = new List<int>();
        int rhsTotal = 0;
        for (int i = 0; i < fds.Length; i++)
        {
            LhsSize[i] = fds[i].Lhs.Count;
            if (LhsSize[i] == 0) empty.Add(i);
            foreach (var a in fds[i].Lhs) UseStart[a + 1]++;
            RhsStart[i] = rhsTotal;
            rhsTotal += (fds[i].Rhs - fds[i].Lhs).Count; // trivial parts never add anything
        }
        RhsStart[fds.Length] = rhsTotal;
        RhsAttributes = new int[rhsTotal];
        for (int a = 0; a < attributeCount; a++) UseStart[a + 1] += UseStart[a];
        Uses = new int[UseStart[attributeCount]];
        var fill = UseStart[..attributeCount];
        for (int i = 0; i < fds.Length; i++)
        {
            int k = RhsStart[i];
            foreach (var b in fds[i].Rhs - fds[i].Lhs) RhsAttributes[k++] = b;
            foreach (var a in fds[i].Lhs) Uses[fill[a]++] = i;
        }
        EmptyLhs = empty.ToArray();
    }
}
