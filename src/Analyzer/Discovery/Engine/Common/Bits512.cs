using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>Up to 512 bits in one Vector512 register: tables of up to 511 columns.</summary>
internal readonly struct Bits512 : IBits<Bits512>, IEquatable<Bits512>
{
    private const int Words = 8;
    private readonly Vector512<ulong> _v;

    private Bits512(Vector512<ulong> v) => _v = v;

    public static int Capacity => 512;
    public static int WordCount => Words;
    public static Bits512 Empty => default;

    public static Bits512 FirstN(int n)
    {
        Span<ulong> w = stackalloc ulong[Words];
        for (int i = 0; i < Words; i++)
        {
            int bits = Math.Clamp(n - 64 * i, 0, 64);
            w[i] = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        }
        return FromWords(w);
    }

    public static Bits512 FromWords(ReadOnlySpan<ulong> words)
    {
        Span<ulong> w = stackalloc ulong[Words];
        words[..Math.Min(Words, words.Length)].CopyTo(w);
        return new(Vector512.Create<ulong>(w));
    }

    public static Bits512 FromWord(ulong word) => new(Vector512<ulong>.Zero.WithElement(0, word));

    public static Bits512 operator |(Bits512 a, Bits512 b) => new(a._v | b._v);
    public static Bits512 operator &(Bits512 a, Bits512 b) => new(a._v & b._v);

    public ulong Word(int index) => _v.GetElement(index);

    public bool IsEmpty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _v == Vector512<ulong>.Zero;
    }

    public int Count
    {
        get
        {
            int n = 0;
            for (int i = 0; i < Words; i++) n += BitOperations.PopCount(_v.GetElement(i));
            return n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int bit) => (_v.GetElement(bit >> 6) & (1UL << (bit & 63))) != 0;

    public Bits512 With(int bit) => new(_v.WithElement(bit >> 6, _v.GetElement(bit >> 6) | (1UL << (bit & 63))));

    public Bits512 Without(int bit) => new(_v.WithElement(bit >> 6, _v.GetElement(bit >> 6) & ~(1UL << (bit & 63))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Bits512 AndNot(Bits512 other) => new(Vector512.AndNot(_v, other._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsSubsetOf(Bits512 other) => Vector512.AndNot(_v, other._v) == Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Overlaps(Bits512 other) => (_v & other._v) != Vector512<ulong>.Zero;

    public int First() => Next(-1);

    public int Next(int bit)
    {
        int start = bit + 1;
        if (start >= 512) return -1;
        int wi = start >> 6;
        ulong w = _v.GetElement(wi) & (ulong.MaxValue << (start & 63));
        while (true)
        {
            if (w != 0) return wi * 64 + BitOperations.TrailingZeroCount(w);
            if (++wi == Words) return -1;
            w = _v.GetElement(wi);
        }
    }

    public int Last()
    {
        for (int i = Words - 1; i >= 0; i--)
        {
            ulong w = _v.GetElement(i);
            if (w != 0) return i * 64 + 63 - BitOperations.LeadingZeroCount(w);
        }
        return -1;
    }

    public int CountBelow(int bit)
    {
        int w = bit >> 6, n = 0;
        for (int i = 0; i < w; i++) n += BitOperations.PopCount(Word(i));
        return n + BitOperations.PopCount(Word(w) & ((1UL << (bit & 63)) - 1));
    }

    public ulong Hash()
    {
        ulong h = 0;
        for (int i = 0; i < Words; i++) h = Bits.Mix(h ^ _v.GetElement(i)) + (ulong)i;
        return h;
    }

    public bool Equals(Bits512 other) => _v == other._v;
    public override bool Equals(object? obj) => obj is Bits512 b && Equals(b);
    public override int GetHashCode() => (int)Hash();
    public override string ToString() => "{" + string.Join(",", Bits.ToArray(this)) + "}";
}
