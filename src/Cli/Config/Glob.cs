namespace SchemaNorm.Cli.Config;

/// <summary>
/// A glob over names made of segments: <c>*</c> any run of characters within a segment, <c>?</c> one
/// character, <c>**</c> any number of whole segments. Files use '/' between segments (paths relative to
/// the config file's folder), tables use '.' (schema.table).
/// </summary>
internal sealed class Glob
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

    public bool Matches(string text) => MatchSegments(text.Split(Separator));

    /// <summary>True when the pattern, as one segment, matches one of the segments of <paramref name="text"/>.</summary>
    public bool MatchesAnySegment(string text) => text.Split(Separator).Any(s => MatchSegment(Pattern, s));

    // Both matchers walk pattern and text once, and on a mismatch go back only to the last star: what an
    // earlier star matched never needs to change (a later star can take any run instead), so the work is
    // at most pattern length times text length, never exponential (*a*a*a*...b against aaaa...).

    private bool MatchSegments(string[] text)
    {
        int p = 0, t = 0, star = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < _segments.Length && _segments[p] == "**")
            {
                star = p++;
                starText = t;
            }
            else if (p < _segments.Length && MatchSegment(_segments[p], text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++starText;
            }
            else return false;
        }
        while (p < _segments.Length && _segments[p] == "**") p++;
        return p == _segments.Length;
    }

    private bool MatchSegment(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                starText = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || SameChar(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++starText;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private bool SameChar(char a, char b) => a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public override string ToString() => Pattern;
}
