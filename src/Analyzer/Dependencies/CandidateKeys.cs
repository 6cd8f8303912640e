namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>The candidate keys of a table, or as many as the limit allowed.</summary>
public sealed record CandidateKeyResult(IReadOnlyList<AttributeSet> Keys, bool Complete);

/// <summary>
/// All candidate keys by Lucchesi &amp; Osborn (J. Comput. Syst. Sci. 17, 1978): from one key K and an
/// FD X -> Y, X ∪ (K − Y) is a superkey; minimising it gives another key, and every key is reached this
/// way. Time is polynomial in the number of FDs, columns and keys found.
/// </summary>
public static class CandidateKeys
{
    public const int DefaultLimit = 10_000;

    public static CandidateKeyResult Find(FunctionalDependencySet fds, int limit = DefaultLimit)
    {
        var universe = fds.Universe;
        var keys = new List<AttributeSet> { Minimize(fds, universe) };
        var known = new HashSet<AttributeSet>(keys);
        bool complete = true;
        for (int k = 0; k < keys.Count && complete; k++)
        {
            foreach (var fd in fds)
            {
                var candidate = fd.Lhs | (keys[k] - fd.Rhs);
                bool hasKeyInside = false;
                foreach (var key in keys)
                    if (key.IsSubsetOf(candidate)) { hasKeyInside = true; break; }
                if (hasKeyInside) continue;
                var key2 = Minimize(fds, candidate);
                if (!known.Add(key2)) continue;
                if (keys.Count >= limit) { complete = false; break; }
                keys.Add(key2);
            }
        }
        keys.Sort();
        return new CandidateKeyResult(keys, complete);
    }

    /// <summary>Like <see cref="Find"/>, but throws <see cref="DependencyLimitException"/> past the limit.</summary>
    public static IReadOnlyList<AttributeSet> FindAll(FunctionalDependencySet fds, int limit = DefaultLimit)
    {
        var r = Find(fds, limit);
        if (!r.Complete)
            throw new DependencyLimitException($"more than {limit:N0} candidate keys; the key search stopped there");
        return r.Keys;
    }

    /// <summary>Removes columns from a superkey, highest position first, while it stays a superkey.</summary>
    public static AttributeSet Minimize(FunctionalDependencySet fds, AttributeSet superkey)
    {
        var key = superkey;
        var attrs = superkey.ToArray();
        for (int i = attrs.Length - 1; i >= 0; i--)
        {
            var smaller = key.Without(attrs[i]);
            if (fds.IsSuperkey(smaller)) key = smaller;
        }
        return key;
    }

    /// <summary>Columns that belong to at least one candidate key.</summary>
    public static AttributeSet PrimeAttributes(IEnumerable<AttributeSet> keys)
    {
        var prime = AttributeSet.Empty;
        foreach (var k in keys) prime |= k;
        return prime;
    }
}
