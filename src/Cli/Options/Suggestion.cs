namespace SchemaNorm.Cli.Options;

/// <summary>"did you mean": the known word nearest to a mistyped one, when it is near enough to be what was meant.</summary>
internal static class Suggestion
{
    /// <summary>The candidate within a few edits of <paramref name="typed"/> (fewer for short words), or null.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        int allowed = Math.Max(1, Math.Min(3, typed.Length / 3));
        return candidates
            .Select(c => (c, distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.distance <= allowed)
            .OrderBy(x => x.distance)
            .Select(x => x.c)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean 'x'?)", or "" when nothing is near.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates, string prefix = "") =>
        Nearest(typed, candidates) is { } near ? $"; did you mean '{prefix}{near}'?" : "";

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from one word to the other.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
