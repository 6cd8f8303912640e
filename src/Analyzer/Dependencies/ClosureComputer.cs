using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Linear-time attribute closure (Beeri &amp; Bernstein, TODS 1979) with its scratch space kept between
/// calls, for hot loops (key search, covers, projection). A call touches only the FDs it reaches: the
/// per-FD counters are reset lazily by an epoch stamp instead of being copied each time. FDs can be
/// switched off and on again, which redundancy tests need. Not thread-safe: one per thread.
/// </summary>
public sealed class ClosureComputer
{
    private readonly ClosureIndex _ix;
    private readonly int[] _remaining;  // left-hand attributes not yet reached, valid when _stamp matches _epoch
    private readonly int[] _stamp;
    private readonly bool[] _disabled;
    private readonly ulong[] _result;
    private readonly ulong[] _target;
    private readonly int[] _stack;
    private int _epoch;
    private int _reached;               // columns in _result; at AttributeCount nothing more can happen

    public ClosureComputer(FunctionalDependencySet fds)
    {
        Set = fds;
        _ix = fds.Index;
        _remaining = new int[_ix.FdCount];
        _stamp = new int[_ix.FdCount];
        _disabled = new bool[_ix.FdCount];
        _result = new ulong[_ix.Words];
        _target = new ulong[_ix.Words];
        _stack = new int[Math.Max(1, _ix.AttributeCount)];
    }

    public FunctionalDependencySet Set { get; }

    /// <summary>Leaves the FD at <paramref name="index"/> out of later closures until <see cref="Enable"/>.</summary>
    public void Disable(int index) => _disabled[index] = true;

    public void Enable(int index) => _disabled[index] = false;

    public bool IsEnabled(int index) => !_disabled[index];

    /// <summary>X⁺. Columns of X outside the universe stay in the result and determine nothing.</summary>
    public AttributeSet Closure(AttributeSet x)
    {
        int top = Seed(x);
        Propagate(top, pending: -1);
        var closure = AttributeSet.FromWords(_result);
        return x.IsSubsetOf(Set.Universe) ? closure : closure | x;
    }

    /// <summary>Whether Y ⊆ X⁺; stops as soon as the last column of Y is reached.</summary>
    public bool Determines(AttributeSet x, AttributeSet y)
    {
        var missing = y - x;
        if (missing.IsEmpty) return true;
        if (!missing.IsSubsetOf(Set.Universe)) return false;
        Array.Clear(_target);
        int pending = 0;
        foreach (var a in missing)
        {
            _target[a >> 6] |= 1UL << (a & 63);
            pending++;
        }
        int top = Seed(x);
        return Propagate(top, pending);
    }

    /// <summary>Whether X determines every column.</summary>
    public bool IsSuperkey(AttributeSet x) => Determines(x, Set.Universe);

    private int Seed(AttributeSet x)
    {
        if (++_epoch == int.MaxValue)
        {
            Array.Clear(_stamp);
            _epoch = 1;
        }
        Array.Clear(_result);
        int top = 0;
        int n = _ix.AttributeCount;
        foreach (var a in x)
        {
            if (a >= n) break; // ascending order: the rest lie outside the universe too
            _result[a >> 6] |= 1UL << (a & 63);
            _stack[top++] = a;
        }
        _reached = top;
        return top;
    }

    /// <summary>
    /// Runs the counters. With <paramref name="pending"/> ≥ 0 it counts down target columns (marked in
    /// _target) and returns true as soon as they are all reached; with -1 it runs to the end.
    /// </summary>
    private bool Propagate(int top, int pending)
    {
        var ix = _ix;
        foreach (var i in ix.EmptyLhs)
            if (!_disabled[i] && Fire(i, ref top, ref pending)) return true;

        var uses = ix.Uses;
        var useStart = ix.UseStart;
        int n = ix.AttributeCount;
        while (top > 0 && _reached < n)
        {
            int a = _stack[--top];
            for (int u = useStart[a], end = useStart[a + 1]; u < end; u++)
            {
                int i = uses[u];
                int left;
                if (_stamp[i] != _epoch)
                {
                    _stamp[i] = _epoch;
                    left = ix.LhsSize[i] - 1;
                }
                else left = _remaining[i] - 1;
                _remaining[i] = left;
                if (left == 0 && !_disabled[i] && Fire(i, ref top, ref pending)) return true;
            }
        }
        return false;
    }

    /// <summary>Adds the right side of FD <paramref name="i"/>; true when the last target column arrived.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fire(int i, ref int top, ref int pending)
    {
        var rhs = _ix.RhsAttributes;
        for (int k = _ix.RhsStart[i], end = _ix.RhsStart[i + 1]; k < end; k++)
        {
            int b = rhs[k];
            ulong bit = 1UL << (b & 63);
            ref ulong word = ref _result[b >> 6];
            if ((word & bit) != 0) continue;
            word |= bit;
            _stack[top++] = b;
            _reached++;
            if (pending > 0 && (_target[b >> 6] & bit) != 0 && --pending == 0) return true;
        }
        return false;
    }
}
