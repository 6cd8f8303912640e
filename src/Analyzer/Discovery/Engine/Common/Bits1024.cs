using System.Numerics;
using System.Runtime.Intrinsics;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>Up to 1024 bits in two Vector512 registers: tables of up to 1023 columns (SQL Server's limit is 1024).</summary>
internal readonly struct Bits1024 : IBits<Bits1024>, IEquatable<Bits1024>
{
    private const int Words = 16;
    private readonly Vector512<ulong> _a;
    private readonly Vector512<ulong> _b;

    private Bits1024(Vector512<ulong> a, Vector512<ulong> b)
    {
        _a = a;
        _b = b;
    }

    public static int Capacity => 1024;
    public static int WordCount => Words;
    public static Bits1024 Empty => default;

    public static Bits1024 FirstN(int n)
    {
        Span<ulong> w = stackalloc ulong[Words];
        for (int i = 0; i < Words; i++)
        {
            int bits = Math.Clamp(n - 64 * i, 0, 64);
            w[i] = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        }
        return FromWords(w);
    }

    public static Bits1024 FromWords(ReadOnlySpan<ulong> words)
    {
        Span<ulong> w = stackalloc ulong[Words];
        words[..Math.Min(Words, words.Length)].CopyTo(w);
        return new(Vector512.Create<ulong>(w[..8]), Vector512.Create<ulong>(w[8..]));
    }

    public static Bits1024 FromWord(ulong word) => new(Vector512<ulong>.Zero.WithElement(0, word), Vector512<ulong>.Zero);

    public static Bits1024 operator |(Bits1024 x, Bits1024 y) => new(x._a | y._a, x._b | y._b);
    public static Bits1024 operator &(Bits1024 x, Bits1024 y) => new(x._a & y._a, x._b & y._b);

    public ulong Word(int index) => index < 8 ? _a.GetElement(index) : _b.GetElement(index - 8);

    public bool IsEmpty => _a == Vector512<ulong>.Zero && _b == Vector512<ulong>.Zero;

    public int Count
    {
        get
        {
            int n = 0;
            for (int i = 0; i < Words; i++) n += BitOperations.PopCount(Word(i));
            return n;
        }
    }

    public bool Contains(int bit) => (Word(bit >> 6) & (1UL << (bit & 63))) != 0;

    public Bits1024 With(int bit) => SetWord(bit >> 6, Word(bit >> 6) | (1UL << (bit & 63)));

    public Bits1024 Without(int bit) => SetWord(bit >> 6, Word(bit >> 6) & ~(1UL << (bit & 63)));

    private Bits1024 SetWord(int index, ulong value) =>
        index < 8 ? new(_a.WithElement(index, value), _b) : new(_a, _b.WithElement(index - 8, value));

    public Bits1024 AndNot(Bits1024 other) => new(Vector512.AndNot(_a, other._a), Vector512.AndNot(_b, other._b));

    public bool IsSubsetOf(Bits1024 other) =>
        Vector512.AndNot(_a, other._a) == Vector512<ulong>.Zero && Vector512.AndNot(_b, other._b) == Vector512<ulong>.Zero;

    public bool Overlaps(Bits1024 other) =>
        (_a & other._a) != Vector512<ulong>.Zero || (_b & other._b) != Vector512<ulong>.Zero;

    public int First() => Next(-1);

    public int Next(int bit)
    {
        int start = bit + 1;
        if (start >= 1024) return -1;
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

    public bool Equals(Bits1024 other) => _a == other._a && _b == other._b;
    public override bool Equals(object? obj) => obj is Bits1024 b && Equals(b);
    public override int GetHashCode() => (int)Hash();
    public override string ToString() => "{" + string.Join(",", Bits.ToArray(this)) + "}";
}
