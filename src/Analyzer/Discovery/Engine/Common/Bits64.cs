using System.Numerics;
using System.Runtime.CompilerServices;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>Up to 64 bits in one word: tables of up to 63 columns (one bit is kept for the key pseudo-column).</summary>
internal readonly struct Bits64 : IBits<Bits64>, IEquatable<Bits64>
{
    private readonly ulong _w;

    private Bits64(ulong w) => _w = w;

    public static int Capacity => 64;
    public static int WordCount => 1;
    public static Bits64 Empty => default;
    public static Bits64 FirstN(int n) => new(n >= 64 ? ulong.MaxValue : (1UL << n) - 1);
    public static Bits64 FromWords(ReadOnlySpan<ulong> words) => new(words[0]);
    public static Bits64 FromWord(ulong word) => new(word);

    public static Bits64 operator |(Bits64 a, Bits64 b) => new(a._w | b._w);
    public static Bits64 operator &(Bits64 a, Bits64 b) => new(a._w & b._w);

    public ulong Word(int index) => index == 0 ? _w : 0;

    public bool IsEmpty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _w == 0;
    }

    public int Count => BitOperations.PopCount(_w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int bit) => (_w & (1UL << bit)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Bits64 With(int bit) => new(_w | (1UL << bit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Bits64 Without(int bit) => new(_w & ~(1UL << bit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Bits64 AndNot(Bits64 other) => new(_w & ~other._w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsSubsetOf(Bits64 other) => (_w & ~other._w) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Overlaps(Bits64 other) => (_w & other._w) != 0;

    public int First() => _w == 0 ? -1 : BitOperations.TrailingZeroCount(_w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int bit)
    {
        if (bit >= 63) return -1;
        ulong rest = _w & (ulong.MaxValue << (bit + 1));
        return rest == 0 ? -1 : BitOperations.TrailingZeroCount(rest);
    }

    public int Last() => _w == 0 ? -1 : 63 - BitOperations.LeadingZeroCount(_w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CountBelow(int bit) => BitOperations.PopCount(_w & ((1UL << bit) - 1));

    public ulong Hash() => Bits.Mix(_w);

    public bool Equals(Bits64 other) => _w == other._w;
    public override bool Equals(object? obj) => obj is Bits64 b && Equals(b);
    public override int GetHashCode() => (int)Hash();
    public override string ToString() => "{" + string.Join(",", Bits.ToArray(this)) + "}";
}
