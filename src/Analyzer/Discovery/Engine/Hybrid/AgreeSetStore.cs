using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

/// <summary>
/// The negative cover as it grows: every distinct agree set seen so far (the columns on which some two
/// rows agree; each one refutes X -> A for X inside it and A outside). An open-addressing hash set, with
/// the sets not yet used to specialise the FD tree kept aside in <see cref="TakePending"/>. For tables of
/// up to <see cref="BitmapColumns"/> columns an agree set is its own index into a bitmap (at most 8 MB), so
/// that the test for "seen before", made for every pair compared, is one bit instead of a hash probe.
/// Wider tables probe one array whose free slots hold a sentinel (every bit set, which no agree set has
/// when the table leaves a bit free; should it occur, it is kept aside), so that a probe is one cache miss.
/// </summary>
internal sealed class AgreeSetStore<T> where T : struct, IBits<T>, IEquatable<T>
{
    private T[] _keys;
    private int _mask;
    private bool _hasFree;
    private static readonly T Free = T.FirstN(T.Capacity);
    private List<T> _pending = [];
    private readonly ulong[]? _bitmap;

    public const int BitmapColumns = 26;

    public AgreeSetStore(int columns, int capacity = 1024)
    {
        if (columns <= BitmapColumns) _bitmap = new ulong[Math.Max(1, (1 << columns) / 64)];
        int size = 1;
        while (size < capacity * 2) size <<= 1;
        _keys = NewTable(size);
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>Whether "seen before" is a bit test (narrow tables) rather than a hash probe.</summary>
    public bool UsesBitmap => _bitmap is not null;

    public long MemoryBytes => (_bitmap?.Length ?? 0) * 8L + (long)_keys.Length * Unsafe.SizeOf<T>() + (long)_pending.Capacity * Unsafe.SizeOf<T>();

    /// <summary>Adds a set; true when it was new (it is then also pending, unless <paramref name="pending"/> is false).</summary>
    public bool Add(T key, bool pending = true)
    {
        if (_bitmap is not null)
        {
            ulong index = key.Word(0);
            ref ulong word = ref _bitmap[index >> 6];
            ulong bit = 1UL << (int)(index & 63);
            if ((word & bit) != 0) return false;
            word |= bit;
            Count++;
            if (pending) _pending.Add(key);
            return true;
        }
        if (key.Equals(Free))
        {
            if (_hasFree) return false;
            _hasFree = true;
            Count++;
            if (pending) _pending.Add(key);
            return true;
        }
        int i = (int)key.Hash() & _mask;
        while (true)
        {
            var k = _keys[i];
            if (k.Equals(key)) return false;
            if (k.Equals(Free)) break;
            i = (i + 1) & _mask;
        }
        _keys[i] = key;
        if (pending) _pending.Add(key);
        if (++Count * 2 > _keys.Length) Grow();
        return true;
    }

    /// <summary>Starts loading where <see cref="Add"/> will look for the set (a hint: nothing changes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(T key)
    {
        if (!Sse.IsSupported) return;
        if (_bitmap is not null)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bitmap), (nint)(key.Word(0) >> 6))));
        else
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_keys), (int)key.Hash() & _mask)));
    }

    public bool Contains(T key)
    {
        if (_bitmap is not null) return (_bitmap[key.Word(0) >> 6] & (1UL << (int)(key.Word(0) & 63))) != 0;
        if (key.Equals(Free)) return _hasFree;
        int i = (int)key.Hash() & _mask;
        while (true)
        {
            var k = _keys[i];
            if (k.Equals(key)) return true;
            if (k.Equals(Free)) return false;
            i = (i + 1) & _mask;
        }
    }

    public int PendingCount => _pending.Count;

    /// <summary>The sets added since the last call, largest first (the order in which specialising the FD tree does least work).</summary>
    public List<T> TakePending()
    {
        var result = _pending;
        _pending = [];
        result.Sort(static (a, b) => b.Count.CompareTo(a.Count));
        return result;
    }

    /// <summary>Puts sets taken by <see cref="TakePending"/> back (their induction was interrupted).</summary>
    public void ReturnPending(List<T> sets, int from)
    {
        for (int i = from; i < sets.Count; i++) _pending.Add(sets[i]);
    }

    private void Grow()
    {
        var keys = _keys;
        _keys = NewTable(keys.Length * 2);
        _mask = _keys.Length - 1;
        for (int j = 0; j < keys.Length; j++)
        {
            if (keys[j].Equals(Free)) continue;
            int i = (int)keys[j].Hash() & _mask;
            while (!_keys[i].Equals(Free)) i = (i + 1) & _mask;
            _keys[i] = keys[j];
        }
    }

    private static T[] NewTable(int size)
    {
        var keys = new T[size];
        keys.AsSpan().Fill(Free);
        return keys;
    }
}
