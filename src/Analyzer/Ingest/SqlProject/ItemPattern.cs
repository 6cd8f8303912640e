namespace SchemaNorm.Analyzer.Ingest.SqlProject;

/// <summary>
/// An MSBuild item path (<c>Tables\*.sql</c>, <c>**/*.sql</c>, or a plain file), relative to the project's
/// folder, matched against the project's files. Matching is by dynamic programming over path segments
/// and characters, so that no pattern takes more than polynomial time.
/// </summary>
internal sealed class ItemPattern
{
    private readonly string[] _segments;

    public ItemPattern(string pattern)
    {
        Text = pattern;
        _segments = Normalize(pattern).Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Text { get; }

    public bool HasWildcards => Text.IndexOfAny(['*', '?']) >= 0;

    /// <summary>MSBuild paths use either slash; %XX escapes a character (%20 is a space).</summary>
    public static string Normalize(string path)
    {
        path = path.Trim().Replace('\\', '/');
        if (path.Contains('%')) path = Uri.UnescapeDataString(path);
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path;
    }

    /// <summary>Whether a path relative to the project folder (with '/' separators) matches.</summary>
    public bool Matches(string relativePath)
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // can[i, j]: the first i pattern segments match the first j path segments.
        var can = new bool[_segments.Length + 1, parts.Length + 1];
        can[0, 0] = true;
        for (int i = 1; i <= _segments.Length; i++)
        {
            bool any = _segments[i - 1] == "**";
            for (int j = 0; j <= parts.Length; j++)
                can[i, j] = any
                    ? can[i - 1, j] || (j > 0 && can[i, j - 1])
                    : j > 0 && can[i - 1, j - 1] && Segment(_segments[i - 1], parts[j - 1]);
        }
        return can[_segments.Length, parts.Length];
    }

    /// <summary>One name against one pattern segment with * and ?, case-insensitive (as on Windows, where these projects come from).</summary>
    private static bool Segment(string pattern, string name)
    {
        var can = new bool[pattern.Length + 1, name.Length + 1];
        can[0, 0] = true;
        for (int i = 1; i <= pattern.Length; i++)
        {
            char p = pattern[i - 1];
            for (int j = 0; j <= name.Length; j++)
                can[i, j] = p == '*'
                    ? can[i - 1, j] || (j > 0 && can[i, j - 1])
                    : j > 0 && can[i - 1, j - 1] && (p == '?' || char.ToUpperInvariant(p) == char.ToUpperInvariant(name[j - 1]));
        }
        return can[pattern.Length, name.Length];
    }
}
