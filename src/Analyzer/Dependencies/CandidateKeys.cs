namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>The candidate keys of a table, or as many as the limit allowed.</summary>
public sealed record CandidateKeyResult(IReadOnlyList<AttributeSet> Keys, bool Complete)
{
    /// <summary>When <see cref="Complete"/> is false: why the search stopped, for a user to read.</summary>
    public string? LimitMessage { get; init; }
}

/// <summary>
/// All candidate keys by Lucchesi &amp; Osborn (J. Comput. Syst. Sci. 17, 1978): from one key K and an
/// FD X -> Y, X ∪ (K − Y) is a superkey; minimising it gives another key, and every key is reached this
/// way. Time is polynomial in the number of FDs, columns and keys found; there can be exponentially many
/// keys (n pairs of mutually determining columns give 2ⁿ), hence the limit.
/// <para>
/// Speed-ups that keep it exact: FDs are grouped by left side with trivial parts dropped; an FD whose
/// right side misses K is skipped (the candidate contains K); candidates that contain a known key are
/// rejected through a set-trie instead of a scan of all keys; columns on no right side (in every key)
/// are never tried for removal; closures stop as soon as the target is reached.
/// </para>
/// </summary>
public static class CandidateKeys
{
    public const int DefaultLimit = 10_000;

    public static CandidateKeyResult Find(FunctionalDependencySet fds, int limit = DefaultLimit) =>
        new Search(fds, fds.Universe).Run(limit, stopWhenAllPrime: false);

    /// <summary>
    /// The candidate keys of the subschema S (minimal K ⊆ S with S ⊆ K⁺), found through the projection of
    /// F onto S; a projection past its bound throws <see cref="DependencyLimitException"/>.
    /// </summary>
    public static CandidateKeyResult Find(FunctionalDependencySet fds, AttributeSet subschema, int limit = DefaultLimit)
    {
        if (!subschema.IsSubsetOf(fds.Universe))
            throw new ArgumentException($"subschema {subschema} names a column outside 0..{fds.AttributeCount - 1}", nameof(subschema));
        if (subschema == fds.Universe) return Find(fds, limit);
        var projected = new FunctionalDependencySet(fds.AttributeCount, Projection.Project(fds, subschema));
        return FindWithin(projected, subschema, limit);
    }

    /// <summary>Keys of <paramref name="subschema"/> when <paramref name="cover"/> is already a cover of its projection.</summary>
    internal static CandidateKeyResult FindWithin(FunctionalDependencySet cover, AttributeSet subschema, int limit) =>
        new Search(cover, subschema).Run(limit, stopWhenAllPrime: false);

    /// <summary>Like <see cref="Find(FunctionalDependencySet, int)"/>, but throws <see cref="DependencyLimitException"/> past the limit.</summary>
    public static IReadOnlyList<AttributeSet> FindAll(FunctionalDependencySet fds, int limit = DefaultLimit)
    {
        var r = Find(fds, limit);
        if (!r.Complete) throw new DependencyLimitException(r.LimitMessage!);
        return r.Keys;
    }

    /// <summary>Removes columns from a superkey, highest position first, while it stays a superkey.</summary>
    public static AttributeSet Minimize(FunctionalDependencySet fds, AttributeSet superkey) =>
        Minimize(new ClosureComputer(fds), superkey, fds.Universe, AttributeSet.Empty);

    /// <summary>Columns that belong to at least one candidate key.</summary>
    public static AttributeSet PrimeAttributes(IEnumerable<AttributeSet> keys)
    {
        var prime = AttributeSet.Empty;
        foreach (var k in keys) prime |= k;
        return prime;
    }

    /// <summary>
    /// The prime columns (those in some candidate key). The key search stops early once every column
    /// that could be prime is; a column on some right side but on no left side never is. Throws
    /// <see cref="DependencyLimitException"/> when the limit is reached before the answer is certain.
    /// </summary>
    public static AttributeSet PrimeAttributes(FunctionalDependencySet fds, int limit = DefaultLimit) =>
        PrimeAttributesWithin(fds, fds.Universe, limit);

    /// <summary>Prime columns of <paramref name="subschema"/> when <paramref name="cover"/> is a cover of its projection.</summary>
    internal static AttributeSet PrimeAttributesWithin(FunctionalDependencySet cover, AttributeSet subschema, int limit)
    {
        var r = new Search(cover, subschema).Run(limit, stopWhenAllPrime: true);
        if (!r.Complete) throw new DependencyLimitException(r.LimitMessage + "; the prime columns are therefore not known");
        return PrimeAttributes(r.Keys);
    }

    /// <summary>Drops columns of <paramref name="superkey"/> (highest first) while it still determines <paramref name="target"/>.</summary>
    private static AttributeSet Minimize(ClosureComputer closure, AttributeSet superkey, AttributeSet target, AttributeSet keep)
    {
        var key = superkey;
        var attrs = (superkey - keep).ToArray();
        for (int i = attrs.Length - 1; i >= 0; i--)
        {
            var smaller = key.Without(attrs[i]);
            if (closure.Determines(smaller, target)) key = smaller;
        }
        return key;
    }

    private sealed class Search
    {
        private readonly AttributeSet _target;
        private readonly ClosureComputer _closure;
        private readonly List<(AttributeSet Lhs, AttributeSet Rhs)> _fds = [];
        private readonly AttributeSet _core;         // on no right side: in every key
        private readonly AttributeSet _maybePrime;   // all but the columns on a right side and on no left side

        public Search(FunctionalDependencySet fds, AttributeSet target)
        {
            _target = target;
            _closure = new ClosureComputer(fds);
            var byLhs = new Dictionary<AttributeSet, int>();
            var onRight = AttributeSet.Empty;
            var onLeft = AttributeSet.Empty;
            foreach (var fd in fds)
            {
                var lhs = fd.Lhs & target;
                if (lhs != fd.Lhs) continue; // only FDs over the target generate keys (a projected cover is)
                var rhs = (fd.Rhs & target) - lhs;
                if (rhs.IsEmpty) continue;
                onRight |= rhs;
                onLeft |= lhs;
                if (byLhs.TryGetValue(lhs, out int i)) _fds[i] = (lhs, _fds[i].Rhs | rhs);
                else { byLhs[lhs] = _fds.Count; _fds.Add((lhs, rhs)); }
            }
            _core = target - onRight;
            _maybePrime = target - (onRight - onLeft);
        }

        public CandidateKeyResult Run(int limit, bool stopWhenAllPrime)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            var first = Minimize(_closure, _target, _target, _core);
            var keys = new List<AttributeSet> { first };
            var trie = new SetTrie();
            trie.Add(first);
            var prime = first;
            string? stopped = null;

            for (int k = 0; k < keys.Count && stopped is null; k++)
            {
                if (stopWhenAllPrime && prime == _maybePrime) break;
                var key = keys[k];
                foreach (var (lhs, rhs) in _fds)
                {
                    if (!rhs.Overlaps(key)) continue; // the candidate would contain the key itself
                    var candidate = lhs | (key - rhs);
                    if (trie.ContainsSubsetOf(candidate)) continue;
                    if (keys.Count >= limit)
                    {
                        stopped = $"more than {limit:N0} candidate keys over {_target.Count} columns; the key search stopped there " +
                                  "(a table can have exponentially many keys, e.g. n pairs of columns that determine each other give 2^n)";
                        break;
                    }
                    // No known key lies inside the candidate, so its minimisation is a new key.
                    var found = Minimize(_closure, candidate, _target, _core);
                    trie.Add(found);
                    keys.Add(found);
                    prime |= found;
                }
            }
            keys.Sort();
            return new CandidateKeyResult(keys, stopped is null) { LimitMessage = stopped };
        }
    }
}
