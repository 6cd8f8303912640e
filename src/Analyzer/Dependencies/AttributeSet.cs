using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// An immutable set of column positions (0-based), stored as bits. A value type: sets that only
/// use the first 64 columns allocate nothing; wider tables keep the higher words in a trimmed array,
/// so two equal sets always have the same representation.
/// </summary>
public readonly struct AttributeSet : IEquatable<AttributeSet>, IComparable<AttributeSet>
{
    private readonly ulong _low;      // columns 0..63
    private readonly ulong[]? _high;  // columns 64.. (word i holds 64*(i+1) .. 64*(i+2)-1); null when empty, never ends in a zero word

    private AttributeSet(ulong low, ulong[]? high)
    {
        _low = low;
        _high = high;
    }

    public static AttributeSet Empty => default;

    /// <summary>The set {0, 1, ..., count-1}: every column of a table with <paramref name="count"/> columns.</summary>
    public static AttributeSet Range(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= 64) return new AttributeSet(count == 64 ? ulong.MaxValue : (1UL << count) - 1, null);
        int highBits = count - 64;
        var high = new ulong[(highBits + 63) / 64];
        for (int i = 0; i < high.Length; i++)
        {
            int bits = Math.Min(64, highBits - i * 64);
            high[i] = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        }
        return new AttributeSet(ulong.MaxValue, high);
    }

    public static AttributeSet Single(int attribute) => Empty.With(attribute);

    public static AttributeSet Of(params ReadOnlySpan<int> attributes)
    {
        var result = Empty;
        foreach (var a in attributes) result = result.With(a);
        return result;
    }

    public static AttributeSet Of(IEnumerable<int> attributes)
    {
        var result = Empty;
        foreach (var a in attributes) result = result.With(a);
        return result;
    }

    /// <summary>Builds a set from raw 64-bit words (word 0 holds columns 0..63).</summary>
    public static AttributeSet FromWords(ReadOnlySpan<ulong> words)
    {
        if (words.Length == 0) return Empty;
        return new AttributeSet(words[0], Trim(words[1..]));
    }

    public bool IsEmpty => _low == 0 && _high is null;

    public int Count
    {
        get
        {
            int n = BitOperations.PopCount(_low);
            if (_high is not null) foreach (var w in _high) n += BitOperations.PopCount(w);
            return n;
        }
    }

    /// <summary>Number of 64-bit words needed to hold this set.</summary>
    public int WordCount => 1 + (_high?.Length ?? 0);

    public ulong Word(int index) => index == 0 ? _low : (_high is not null && index - 1 < _high.Length ? _high[index - 1] : 0UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int attribute)
    {
        if ((uint)attribute < 64) return (_low & (1UL << attribute)) != 0;
        ArgumentOutOfRangeException.ThrowIfNegative(attribute);
        int w = (attribute >> 6) - 1;
        return _high is not null && w < _high.Length && (_high[w] & (1UL << (attribute & 63))) != 0;
    }

    public AttributeSet With(int attribute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attribute);
        if (attribute < 64) return new AttributeSet(_low | (1UL << attribute), _high);
        int w = (attribute >> 6) - 1;
        var high = new ulong[Math.Max(w + 1, _high?.Length ?? 0)];
        _high?.CopyTo(high, 0);
        high[w] |= 1UL << (attribute & 63);
        return new AttributeSet(_low, high);
    }

    public AttributeSet Without(int attribute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attribute);
        if (attribute < 64) return new AttributeSet(_low & ~(1UL << attribute), _high);
        if (!Contains(attribute)) return this;
        var high = (ulong[])_high!.Clone();
        high[(attribute >> 6) - 1] &= ~(1UL << (attribute & 63));
        return new AttributeSet(_low, Trim(high));
    }

    public AttributeSet Union(AttributeSet other)
    {
        if (_high is null && other._high is null) return new AttributeSet(_low | other._low, null);
        var (a, b) = Longer(_high, other._high);
        var high = (ulong[])a.Clone();
        for (int i = 0; i < b.Length; i++) high[i] |= b[i];
        return new AttributeSet(_low | other._low, high);
    }

    public AttributeSet Intersect(AttributeSet other)
    {
        if (_high is null || other._high is null) return new AttributeSet(_low & other._low, null);
        int n = Math.Min(_high.Length, other._high.Length);
        var high = new ulong[n];
        for (int i = 0; i < n; i++) high[i] = _high[i] & other._high[i];
        return new AttributeSet(_low & other._low, Trim(high));
    }

    public AttributeSet Except(AttributeSet other)
    {
        if (_high is null) return new AttributeSet(_low & ~other._low, null);
        var high = (ulong[])_high.Clone();
        if (other._high is not null)
            for (int i = 0; i < Math.Min(high.Length, other._high.Length); i++) high[i] &= ~other._high[i];
        return new AttributeSet(_low & ~other._low, Trim(high));
    }

    public bool IsSubsetOf(AttributeSet other)
    {
        if ((_low & ~other._low) != 0) return false;
        if (_high is null) return true;
        var o = other._high;
        for (int i = 0; i < _high.Length; i++)
        {
            ulong ow = o is not null && i < o.Length ? o[i] : 0UL;
            if ((_high[i] & ~ow) != 0) return false;
        }
        return true;
    }

    public bool IsSupersetOf(AttributeSet other) => other.IsSubsetOf(this);

    public bool IsProperSubsetOf(AttributeSet other) => IsSubsetOf(other) && !Equals(other);

    public bool Overlaps(AttributeSet other)
    {
        if ((_low & other._low) != 0) return true;
        if (_high is null || other._high is null) return false;
        int n = Math.Min(_high.Length, other._high.Length);
        for (int i = 0; i < n; i++) if ((_high[i] & other._high[i]) != 0) return true;
        return false;
    }

    /// <summary>The smallest attribute in the set, or -1 when empty.</summary>
    public int First()
    {
        if (_low != 0) return BitOperations.TrailingZeroCount(_low);
        if (_high is null) return -1;
        for (int i = 0; i < _high.Length; i++)
            if (_high[i] != 0) return 64 * (i + 1) + BitOperations.TrailingZeroCount(_high[i]);
        return -1;
    }

    public int[] ToArray()
    {
        var result = new int[Count];
        int k = 0;
        foreach (var a in this) result[k++] = a;
        return result;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the attributes in ascending order without allocating.</summary>
    public struct Enumerator
    {
        private readonly AttributeSet _set;
        private ulong _word;
        private int _wordIndex;
        private int _current;

        internal Enumerator(AttributeSet set)
        {
            _set = set;
            _word = set._low;
            _wordIndex = 0;
            _current = -1;
        }

        public readonly int Current => _current;

        public bool MoveNext()
        {
            while (_word == 0)
            {
                _wordIndex++;
                if (_set._high is null || _wordIndex > _set._high.Length) return false;
                _word = _set._high[_wordIndex - 1];
            }
            int bit = BitOperations.TrailingZeroCount(_word);
            _word &= _word - 1;
            _current = _wordIndex * 64 + bit;
            return true;
        }
    }

    public static AttributeSet operator |(AttributeSet a, AttributeSet b) => a.Union(b);
    public static AttributeSet operator &(AttributeSet a, AttributeSet b) => a.Intersect(b);
    public static AttributeSet operator -(AttributeSet a, AttributeSet b) => a.Except(b);
    public static bool operator ==(AttributeSet a, AttributeSet b) => a.Equals(b);
    public static bool operator !=(AttributeSet a, AttributeSet b) => !a.Equals(b);

    public bool Equals(AttributeSet other)
    {
        if (_low != other._low) return false;
        if (_high is null || other._high is null) return _high is null && other._high is null;
        return _high.AsSpan().SequenceEqual(other._high);
    }

    public override bool Equals(object? obj) => obj is AttributeSet other && Equals(other);

    public override int GetHashCode()
    {
        if (_high is null) return _low.GetHashCode();
        var h = new HashCode();
        h.Add(_low);
        foreach (var w in _high) h.Add(w);
        return h.ToHashCode();
    }

    /// <summary>Orders by size first, then by column order (the set whose first differing column comes first sorts first).</summary>
    public int CompareTo(AttributeSet other)
    {
        int c = Count.CompareTo(other.Count);
        if (c != 0) return c;
        var a = GetEnumerator();
        var b = other.GetEnumerator();
        while (a.MoveNext() && b.MoveNext())
            if (a.Current != b.Current) return a.Current.CompareTo(b.Current);
        return 0;
    }

    public override string ToString() => "{" + string.Join(",", ToArray()) + "}";

    /// <summary>The column names of the set in column order, e.g. "Ssn, Pnumber".</summary>
    public string Format(IReadOnlyList<string> names, string separator = ", ")
    {
        var sb = new StringBuilder();
        foreach (var a in this)
        {
            if (sb.Length > 0) sb.Append(separator);
            sb.Append(a < names.Count ? names[a] : "#" + a);
        }
        return sb.ToString();
    }

    public IReadOnlyList<string> Names(IReadOnlyList<string> names)
    {
        var result = new List<string>(Count);
        foreach (var a in this) result.Add(names[a]);
        return result;
    }

    private static (ulong[] longer, ulong[] shorter) Longer(ulong[]? a, ulong[]? b)
    {
        a ??= [];
        b ??= [];
        return a.Length >= b.Length ? (a, b) : (b, a);
    }

    private static ulong[]? Trim(ReadOnlySpan<ulong> words)
    {
        int n = words.Length;
        while (n > 0 && words[n - 1] == 0) n--;
        return n == 0 ? null : words[..n].ToArray();
    }
}
