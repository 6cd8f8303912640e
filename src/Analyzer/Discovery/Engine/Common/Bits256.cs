using System.Numerics;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// Up to 256 bits in 4 words: tables of up to 255 columns. Plain words rather than a vector register:
/// the engines read single words and ranks often, and the code runs at full speed on any instruction set.
/// </summary>
internal readonly struct Bits256 : IBits<Bits256>, IEquatable<Bits256>
{
    private const int Words = 4;
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private Bits256(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    public static int Capacity => 256;
    public static int WordCount => Words;
    public static Bits256 Empty => default;

    public static Bits256 FirstN(int n)
    {
        Span<ulong> w = stackalloc ulong[Words];
        for (int i = 0; i < Words; i++)
        {
            int bits = Math.Clamp(n - 64 * i, 0, 64);
            w[i] = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        }
        return FromWords(w);
    }

    public static Bits256 FromWords(ReadOnlySpan<ulong> words)
    {
        Span<ulong> w = stackalloc ulong[Words];
        words[..Math.Min(Words, words.Length)].CopyTo(w);
        return new(w[0], w[1], w[2], w[3]);
    }

    public static Bits256 FromWord(ulong word) => new(word, 0, 0, 0);

    public static Bits256 operator |(Bits256 a, Bits256 b) => new(a._w0 | b._w0, a._w1 | b._w1, a._w2 | b._w2, a._w3 | b._w3);
    public static Bits256 operator &(Bits256 a, Bits256 b) => new(a._w0 & b._w0, a._w1 & b._w1, a._w2 & b._w2, a._w3 & b._w3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Word(int index) => Unsafe.Add(ref Unsafe.AsRef(in _w0), index);

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    public int Count => BitOperations.PopCount(_w0) + BitOperations.PopCount(_w1) + BitOperations.PopCount(_w2) + BitOperations.PopCount(_w3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int bit) => (Word(bit >> 6) & (1UL << (bit & 63))) != 0;

    public Bits256 With(int bit)
    {
        var copy = this;
        Unsafe.Add(ref Unsafe.AsRef(in copy._w0), bit >> 6) |= 1UL << (bit & 63);
        return copy;
    }

    public Bits256 Without(int bit)
    {
        var copy = this;
        Unsafe.Add(ref Unsafe.AsRef(in copy._w0), bit >> 6) &= ~(1UL << (bit & 63));
        return copy;
    }

    public Bits256 AndNot(Bits256 other) => new(_w0 & ~other._w0, _w1 & ~other._w1, _w2 & ~other._w2, _w3 & ~other._w3);

    public bool IsSubsetOf(Bits256 other) => ((_w0 & ~other._w0) | (_w1 & ~other._w1) | (_w2 & ~other._w2) | (_w3 & ~other._w3)) == 0;

    public bool Overlaps(Bits256 other) => ((_w0 & other._w0) | (_w1 & other._w1) | (_w2 & other._w2) | (_w3 & other._w3)) != 0;

    public int First() => Next(-1);

    public int Next(int bit)
    {
        int start = bit + 1;
        if (start >= 256) return -1;
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

    public bool Equals(Bits256 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;
    public override bool Equals(object? obj) => obj is Bits256 b && Equals(b);
    public override int GetHashCode() => (int)Hash();
    public override string ToString() => "{" + string.Join(",", Bits.ToArray(this)) + "}";
}
