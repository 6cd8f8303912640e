using System.Numerics;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// Up to 128 bits in 2 words: tables of up to 127 columns. Plain words rather than a vector register:
/// the engines read single words and ranks often, and the code runs at full speed on any instruction set.
/// </summary>
internal readonly struct Bits128 : IBits<Bits128>, IEquatable<Bits128>
{
    private const int Words = 2;
    private readonly ulong _w0;
    private readonly ulong _w1;

    private Bits128(ulong w0, ulong w1)
    {
        _w0 = w0;
        _w1 = w1;
    }

    public static int Capacity => 128;
    public static int WordCount => Words;
    public static Bits128 Empty => default;

    public static Bits128 FirstN(int n)
    {
        Span<ulong> w = stackalloc ulong[Words];
        for (int i = 0; i < Words; i++)
        {
            int bits = Math.Clamp(n - 64 * i, 0, 64);
            w[i] = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        }
        return FromWords(w);
    }

    public static Bits128 FromWords(ReadOnlySpan<ulong> words)
    {
        Span<ulong> w = stackalloc ulong[Words];
        words[..Math.Min(Words, words.Length)].CopyTo(w);
        return new(w[0], w[1]);
    }

    public static Bits128 FromWord(ulong word) => new(word, 0);

    public static Bits128 operator |(Bits128 a, Bits128 b) => new(a._w0 | b._w0, a._w1 | b._w1);
    public static Bits128 operator &(Bits128 a, Bits128 b) => new(a._w0 & b._w0, a._w1 & b._w1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Word(int index) => Unsafe.Add(ref Unsafe.AsRef(in _w0), index);

    public bool IsEmpty => (_w0 | _w1) == 0;

    public int Count => BitOperations.PopCount(_w0) + BitOperations.PopCount(_w1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int bit) => (Word(bit >> 6) & (1UL << (bit & 63))) != 0;

    public Bits128 With(int bit)
    {
        var copy = this;
        Unsafe.Add(ref Unsafe.AsRef(in copy._w0), bit >> 6) |= 1UL << (bit & 63);
        return copy;
    }

    public Bits128 Without(int bit)
    {
        var copy = this;
        Unsafe.Add(ref Unsafe.AsRef(in copy._w0), bit >> 6) &= ~(1UL << (bit & 63));
        return copy;
    }

    public Bits128 AndNot(Bits128 other) => new(_w0 & ~other._w0, _w1 & ~other._w1);

    public bool IsSubsetOf(Bits128 other) => ((_w0 & ~other._w0) | (_w1 & ~other._w1)) == 0;

    public bool Overlaps(Bits128 other) => ((_w0 & other._w0) | (_w1 & other._w1)) != 0;

    public int First() => Next(-1);

    public int Next(int bit)
    {
        int start = bit + 1;
        if (start >= 128) return -1;
        int wi = start >> 6;
        ulong w = Word(wi) & (ulong.MaxValue << (start & 63));
        while (true)
        {
            if (w != 0) return wi * 64 + BitOperations.TrailingZeroCount(w);
            if (++wi == Words) return -1;
            w = Word(wi);
        }
    }

    public int Last()
    {
        for (int i = Words - 1; i >= 0; i--)
        {
            ulong w = Word(i);
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
        for (int i = 0; i < Words; i++) h = Bits.Mix(h ^ Word(i)) + (ulong)i;
        return h;
    }

    public bool Equals(Bits128 other) => _w0 == other._w0 && _w1 == other._w1;
    public override bool Equals(object? obj) => obj is Bits128 b && Equals(b);
    public override int GetHashCode() => (int)Hash();
    public override string ToString() => "{" + string.Join(",", Bits.ToArray(this)) + "}";
}
