namespace SchemaNorm.Recovery.Tpch;

/// <summary>A small seeded generator (SplitMix64): the same seed gives the same database on every runtime.</summary>
public sealed class TpchRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number in [low, high], both included.</summary>
    public long Between(long low, long high) => low + (long)(Next() % (ulong)(high - low + 1));

    public int Between(int low, int high) => (int)Between((long)low, high);

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];
}
