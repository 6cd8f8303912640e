using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Sqlcmd;

/// <summary>
/// Maps a character offset in preprocessed script text (after SQLCMD variables are substituted and
/// <c>:r</c> files spliced in) back to the file, line and column a person wrote it at.
/// Each output line comes from one original line; a substitution on that line shifts the columns
/// after it, and a position inside substituted text maps to the <c>$(</c> that produced it.
/// </summary>
internal sealed class SourceMap
{
    private readonly List<string> _files = [];
    private readonly List<int> _lineStart = [];
    private readonly List<int> _lineFile = [];
    private readonly List<int> _lineOriginal = [];
    private readonly Dictionary<int, List<Substitution>> _substitutions = [];

    /// <summary>A substituted range on one output line, columns 0-based.</summary>
    private readonly record struct Substitution(int OutputStart, int OutputLength, int OriginalStart, int OriginalLength);

    public int LineCount => _lineStart.Count;

    public int FileIndex(string path)
    {
        int i = _files.IndexOf(path);
        if (i >= 0) return i;
        _files.Add(path);
        return _files.Count - 1;
    }

    /// <summary>Starts output line number <see cref="LineCount"/> at <paramref name="outputOffset"/>.</summary>
    public void AddLine(int outputOffset, int fileIndex, int originalLine)
    {
        _lineStart.Add(outputOffset);
        _lineFile.Add(fileIndex);
        _lineOriginal.Add(originalLine);
    }

    /// <summary>Records that the last line added has a substitution at the given 0-based columns.</summary>
    public void AddSubstitution(int outputColumn, int outputLength, int originalColumn, int originalLength)
    {
        int line = _lineStart.Count - 1;
        if (!_substitutions.TryGetValue(line, out var list)) _substitutions[line] = list = [];
        list.Add(new Substitution(outputColumn, outputLength, originalColumn, originalLength));
    }

    /// <summary>The 0-based output line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        int i = _lineStart.BinarySearch(offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    public int LineStart(int line) => _lineStart[line];

    public string FileOf(int offset) => _files[_lineFile[LineOf(offset)]];

    public SourceLocation Locate(int offset)
    {
        if (_lineStart.Count == 0) return new SourceLocation(_files.Count > 0 ? _files[0] : "", 1, 1);
        int line = LineOf(offset);
        int column = offset - _lineStart[line];
        if (_substitutions.TryGetValue(line, out var subs))
        {
            int shift = 0;
            foreach (var s in subs)
            {
                if (column < s.OutputStart) break;
                if (column < s.OutputStart + s.OutputLength) return At(line, s.OriginalStart);
                shift = s.OriginalStart + s.OriginalLength - (s.OutputStart + s.OutputLength);
            }
            column += shift;
        }
        return At(line, column);
    }

    private SourceLocation At(int line, int column) => new(_files[_lineFile[line]], _lineOriginal[line], column + 1);
}
