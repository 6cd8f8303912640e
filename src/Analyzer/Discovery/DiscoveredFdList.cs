using System.Collections;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// Discovered FDs held compactly: each distinct left side once (its words in one array), then per FD its
/// right-side column (and g3 error, when any is non-zero). A wide table can have millions of minimal FDs
/// (uniprot: 2.4 M at four columns on the left), and one object per FD would be most of the run's memory.
/// The FDs are grouped by left side in the order added. Writers read the groups; the first access by index
/// makes every <see cref="DiscoveredFd"/> once (the analysis reads them many times over).
/// </summary>
public sealed class DiscoveredFdList : IReadOnlyList<DiscoveredFd>
{
    private readonly int _words;
    private ulong[] _lhs;
    private int[] _groupStart; // first FD of each group; one more entry than groups
    private int[] _rhs;
    private double[]? _error;
    private int _groups;
    private int _count;
    private DiscoveredFd[]? _made;

    /// <param name="words">Words of a left side (columns up to 64 * words - 1).</param>
    public DiscoveredFdList(int words)
    {
        _words = Math.Max(1, words);
        _lhs = new ulong[_words * 4];
        _groupStart = new int[5];
        _rhs = new int[4];
    }

    public int Count => _count;

    /// <summary>Distinct left sides (consecutive FDs with the same left side form one group).</summary>
    public int GroupCount => _groups;

    public DiscoveredFd this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return (_made ??= Make())[index];
        }
    }

    private DiscoveredFd[] Make()
    {
        var made = new DiscoveredFd[_count];
        for (int g = 0; g < _groups; g++)
        {
            var lhs = GroupLhs(g);
            for (int i = _groupStart[g]; i < _groupStart[g + 1]; i++) made[i] = new DiscoveredFd(lhs, _rhs[i], _error?[i] ?? 0);
        }
        return made;
    }

    public AttributeSet GroupLhs(int group) => AttributeSet.FromWords(_lhs.AsSpan(group * _words, _words));

    /// <summary>The FDs of a group: indexes [Start, End).</summary>
    public (int Start, int End) GroupRange(int group) => (_groupStart[group], _groupStart[group + 1]);

    public int RhsAt(int index) => _rhs[index];

    public double ErrorAt(int index) => _error?[index] ?? 0;

    /// <summary>Starts a group of FDs with this left side (a group may stay empty).</summary>
    public void BeginGroup(ReadOnlySpan<ulong> lhsWords)
    {
        _made = null;
        if ((_groups + 1) * _words > _lhs.Length) Array.Resize(ref _lhs, _lhs.Length * 2);
        if (_groups + 2 > _groupStart.Length) Array.Resize(ref _groupStart, _groupStart.Length * 2);
        var target = _lhs.AsSpan(_groups * _words, _words);
        target.Clear();
        lhsWords[..Math.Min(lhsWords.Length, _words)].CopyTo(target);
        _groupStart[_groups] = _count;
        _groups++;
        _groupStart[_groups] = _count;
    }

    /// <summary>Adds an FD to the group begun last.</summary>
    public void Add(int rhs, double error = 0)
    {
        if (_groups == 0) throw new InvalidOperationException("no group begun");
        _made = null;
        if (_count == _rhs.Length)
        {
            int grown = _count * 2;
            Array.Resize(ref _rhs, grown);
            if (_error is not null) Array.Resize(ref _error, grown);
        }
        if (error != 0 && _error is null) _error = new double[_rhs.Length];
        _rhs[_count] = rhs;
        if (_error is not null) _error[_count] = error;
        _count++;
        _groupStart[_groups] = _count;
    }

    public IEnumerator<DiscoveredFd> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Groups of FDs with one left side, in list order: consecutive FDs with equal left sides (a sorted list
    /// holds each left side in one run). A <see cref="DiscoveredFdList"/> gives its groups without making
    /// an FD object each.
    /// </summary>
    public static IEnumerable<(AttributeSet Lhs, int Start, int End)> Groups(IReadOnlyList<DiscoveredFd> fds)
    {
        if (fds is DiscoveredFdList list)
        {
            for (int g = 0; g < list._groups; g++)
            {
                var (start, end) = list.GroupRange(g);
                if (end > start) yield return (list.GroupLhs(g), start, end);
            }
            yield break;
        }
        int i = 0;
        while (i < fds.Count)
        {
            var lhs = fds[i].Lhs;
            int j = i + 1;
            while (j < fds.Count && fds[j].Lhs == lhs) j++;
            yield return (lhs, i, j);
            i = j;
        }
    }
}
