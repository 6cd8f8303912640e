using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// A fixed-width bit set used inside the discovery loops. The engines are generic over it and the JIT
/// compiles one copy per width, so a table of up to 63 columns runs on plain <c>ulong</c> operations and a
/// wide one on vector registers, with no branch on the width in the hot loops. <see cref="AttributeSet"/>
/// stays the public type; these never leave the engine.
/// <para>
/// Each width writes its word loops (Next, Last, CountBelow, Hash) out again on purpose: shared generic
/// versions over <c>in T</c> made discover on the 223-column uniprot table (Bits256) about 20% slower
/// (4.7–5.4 s against 5.6–6.9 s, native build, 2026-11-25).
/// </para>
/// </summary>
internal interface IBits<T> where T : struct, IBits<T>, IEquatable<T>
{
    /// <summary>How many bits the type holds.</summary>
    static abstract int Capacity { get; }

    /// <summary>How many 64-bit words the type holds.</summary>
    static abstract int WordCount { get; }

    static abstract T Empty { get; }

    /// <summary>{0, ..., n-1}.</summary>
    static abstract T FirstN(int n);

    static abstract T FromWords(ReadOnlySpan<ulong> words);

    /// <summary>A set of columns 0..63 only.</summary>
    static abstract T FromWord(ulong word);

    static abstract T operator |(T a, T b);
    static abstract T operator &(T a, T b);

    ulong Word(int index);

    bool IsEmpty { get; }
    int Count { get; }
    bool Contains(int bit);
    T With(int bit);
    T Without(int bit);

    /// <summary>this ∖ other.</summary>
    T AndNot(T other);

    bool IsSubsetOf(T other);
    bool Overlaps(T other);

    /// <summary>The smallest member, or -1.</summary>
    int First();

    /// <summary>The smallest member greater than <paramref name="bit"/>, or -1.</summary>
    int Next(int bit);

    /// <summary>The largest member, or -1.</summary>
    int Last();

    /// <summary>How many members are smaller than <paramref name="bit"/>.</summary>
    int CountBelow(int bit);

    /// <summary>A well-mixed hash (the sets are used as keys of open-addressing tables).</summary>
    ulong Hash();
}

/// <summary>Conversions between engine bit sets and <see cref="AttributeSet"/>.</summary>
internal static class Bits
{
    public static T Single<T>(int bit) where T : struct, IBits<T>, IEquatable<T> => T.Empty.With(bit);

    /// <summary>Maps engine positions back to table columns through <paramref name="columnOf"/>.</summary>
    public static AttributeSet ToAttributeSet<T>(T bits, ReadOnlySpan<int> columnOf) where T : struct, IBits<T>, IEquatable<T>
    {
        Span<ulong> words = stackalloc ulong[(MaxColumn(columnOf) >> 6) + 1];
        for (int b = bits.First(); b >= 0; b = bits.Next(b))
        {
            int c = columnOf[b];
            words[c >> 6] |= 1UL << (c & 63);
        }
        return AttributeSet.FromWords(words);
    }

    /// <summary>Maps table columns to engine positions through <paramref name="positionOf"/> (-1 = not in the engine).</summary>
    public static T FromAttributeSet<T>(AttributeSet set, ReadOnlySpan<int> positionOf, out bool complete) where T : struct, IBits<T>, IEquatable<T>
    {
        var result = T.Empty;
        complete = true;
        foreach (var c in set)
        {
            int p = c < positionOf.Length ? positionOf[c] : -1;
            if (p < 0) complete = false;
            else result = result.With(p);
        }
        return result;
    }

    public static int[] ToArray<T>(T bits) where T : struct, IBits<T>, IEquatable<T>
    {
        var result = new int[bits.Count];
        int k = 0;
        for (int b = bits.First(); b >= 0; b = bits.Next(b)) result[k++] = b;
        return result;
    }

    private static int MaxColumn(ReadOnlySpan<int> columnOf)
    {
        int max = 0;
        foreach (var c in columnOf) max = Math.Max(max, c);
        return max;
    }

    /// <summary>Finaliser of SplitMix64: spreads the bits of a word over the whole hash.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }
}
