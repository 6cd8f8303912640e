namespace SchemaNorm.Cli.Config;

/// <summary>
/// A glob over names made of segments: <c>*</c> any run of characters within a segment, <c>?</c> one
/// character, <c>**</c> any number of whole segments. Files use '/' between segments (paths relative to
/// the config file's folder), tables use '.' (schema.table).
/// </summary>
public sealed class Glob
{
    private readonly string[] _segments;
    private readonly bool _ignoreCase;

    public Glob(string pattern, char separator, bool ignoreCase)
    {
        Pattern = pattern;
        Separator = separator;
        _ignoreCase = ignoreCase;
        _segments = pattern.Split(separator);
    }

    public string Pattern { get; }
    public char Separator { get; }

    /// <summary>True when the pattern has more than one segment (a path, or schema.table).</summary>
    public bool IsQualified => _segments.Length > 1;

    public bool Matches(string text) => MatchSegments(_segments, 0, text.Split(Separator), 0);

    /// <summary>True when the pattern, as one segment, matches one of the segments of <paramref name="text"/>.</summary>
    public bool MatchesAnySegment(string text) => text.Split(Separator).Any(s => MatchSegment(Pattern, 0, s, 0));

    private bool MatchSegments(string[] pattern, int p, string[] text, int t)
    {
        if (p == pattern.Length) return t == text.Length;
        if (pattern[p] == "**")
        {
            for (int skip = t; skip <= text.Length; skip++)
                if (MatchSegments(pattern, p + 1, text, skip)) return true;
            return false;
        }
        return t < text.Length && MatchSegment(pattern[p], 0, text[t], 0) && MatchSegments(pattern, p + 1, text, t + 1);
    }

    private bool MatchSegment(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            char c = pattern[p];
            if (c == '*')
            {
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (int k = t; k <= text.Length; k++)
                    if (MatchSegment(pattern, p, text, k)) return true;
                return false;
            }
            if (t >= text.Length) return false;
            if (c != '?' && c != text[t] && !(_ignoreCase && char.ToUpperInvariant(c) == char.ToUpperInvariant(text[t]))) return false;
            p++;
            t++;
        }
        return t == text.Length;
    }

    public override string ToString() => Pattern;
}
