using System.Buffers;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Decomposer.Verification;

/// <summary>
/// Dense group ids of a row set's rows by the values of some of its columns, numbered in the order each
/// group first occurs: the numbering depends only on the grouping, never on how it was computed, so a
/// grouping refined from a cached one is the same as one computed from scratch. Ranking splits asks for
/// the same left and right sides many times over (per candidate, per exception check), hence the cache.
/// </summary>
/// <param name="codes">One code array per column, <paramref name="rowCount"/> rows each.</param>
/// <param name="columns">The source column position of each code array.</param>
internal sealed class RowGrouping(int[][] codes, int[] columns, int rowCount, long cacheBudgetInts = RowGrouping.DefaultCacheBudgetInts)
{
    /// <summary>Ids kept per row set, the oldest dropped first (16 MB: 6 groupings of 600,000 rows, 66 of 60,000).</summary>
    public const long DefaultCacheBudgetInts = 4_000_000;

    private readonly Dictionary<AttributeSet, Grouping> _cache = [];
    private readonly Queue<AttributeSet> _age = new();
    private long _cachedInts;

    /// <summary>Ids per row (index into the rows) and how many groups there are. The array is shared: read it, never write it.</summary>
    public (int[] Ids, int Count) Of(AttributeSet set)
    {
        int n = rowCount;
        if (_cache.TryGetValue(set, out var hit)) return (hit.Ids, hit.Count);

        // Start from the finest cached grouping on a subset of these columns.
        var start = AttributeSet.Empty;
        Grouping? basis = null;
        foreach (var (cached, grouping) in _cache)
            if (cached.IsSubsetOf(set) && (basis is null || cached.Count > start.Count))
                (start, basis) = (cached, grouping);
        int[] ids = basis?.Ids ?? new int[n];
        int count = basis?.Count ?? (n == 0 ? 0 : 1);
        foreach (var c in set.Except(start))
        {
            int p = Array.IndexOf(columns, c);
            if (p < 0) throw new ArgumentException("grouping by a column the rows do not have", nameof(set));
            // All rows apart already: more columns cannot split them further.
            if (count == n) break;
            (ids, count) = Refine(ids, count, codes[p]);
        }
        if (n <= cacheBudgetInts)
        {
            while (_cachedInts + n > cacheBudgetInts)
            {
                _cache.Remove(_age.Dequeue());
                _cachedInts -= n;
            }
            _cache[set] = new Grouping(ids, count);
            _age.Enqueue(set);
            _cachedInts += n;
        }
        return (ids, count);
    }

    /// <summary>The grouping of <paramref name="n"/> rows by all of the columns given as code arrays, uncached.</summary>
    public static (int[] Ids, int Count) Group(int[][] columnCodes, int n)
    {
        var ids = new int[n];
        int count = n == 0 ? 0 : 1;
        foreach (var column in columnCodes)
        {
            if (count == n) break;
            (ids, count) = Refine(ids, count, column);
        }
        return (ids, count);
    }

    /// <summary>
    /// Splits each group by the codes of one column: the rows are visited group by group, so a code seen
    /// again within the same group gets the same new id (arrays, no hashing); the new ids are then
    /// renumbered by first occurrence.
    /// </summary>
    private static (int[] Ids, int Count) Refine(int[] ids, int count, int[] codes)
    {
        int n = ids.Length;
        int maxCode = 0;
        for (int i = 0; i < n; i++) maxCode = Math.Max(maxCode, codes[i]);
        // The scratch arrays come from the pool: ranking refines hundreds of groupings, and fresh arrays
        // of a row count each are large objects, faulted in anew after every collection.
        var pool = ArrayPool<int>.Shared;
        int[] firstArray = pool.Rent(count + 1), fillArray = pool.Rent(count + 1), orderArray = pool.Rent(n),
            seenArray = pool.Rent(maxCode + 1), newIdArray = pool.Rent(maxCode + 1), renumberedArray = pool.Rent(n);
        try
        {
            var first = firstArray.AsSpan(0, count + 1);
            first.Clear();
            foreach (var id in ids) first[id + 1]++;
            for (int g = 0; g < count; g++) first[g + 1] += first[g];
            var order = orderArray.AsSpan(0, n);
            var fill = fillArray.AsSpan(0, count + 1);
            first.CopyTo(fill);
            for (int i = 0; i < n; i++) order[fill[ids[i]]++] = i;

            var seenIn = seenArray.AsSpan(0, maxCode + 1);
            seenIn.Fill(-1);
            var newId = newIdArray.AsSpan(0, maxCode + 1);
            var raw = new int[n];
            int next = 0;
            for (int g = 0; g < count; g++)
                for (int k = first[g]; k < first[g + 1]; k++)
                {
                    int i = order[k];
                    int v = codes[i];
                    if (seenIn[v] != g)
                    {
                        seenIn[v] = g;
                        newId[v] = next++;
                    }
                    raw[i] = newId[v];
                }

            var renumbered = renumberedArray.AsSpan(0, next);
            renumbered.Fill(-1);
            int groups = 0;
            for (int i = 0; i < n; i++)
            {
                ref int r = ref renumbered[raw[i]];
                if (r < 0) r = groups++;
                raw[i] = r;
            }
            return (raw, groups);
        }
        finally
        {
            pool.Return(firstArray);
            pool.Return(fillArray);
            pool.Return(orderArray);
            pool.Return(seenArray);
            pool.Return(newIdArray);
            pool.Return(renumberedArray);
        }
    }

    private sealed record Grouping(int[] Ids, int Count);
}
