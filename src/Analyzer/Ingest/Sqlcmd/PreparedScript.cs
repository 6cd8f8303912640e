using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Sqlcmd;

/// <summary>
/// A .sql file ready for the T-SQL parser: SQLCMD commands removed, variables substituted, <c>:r</c>
/// files spliced in, and the text cut into batches at GO lines.
/// </summary>
internal sealed class PreparedScript(string path, string text, SourceMap map, IReadOnlyList<ScriptBatch> batches)
{
    /// <summary>The path of the top-level file, as the user gave it.</summary>
    public string Path { get; } = path;
    public string Text { get; } = text;
    public SourceMap Map { get; } = map;
    public IReadOnlyList<ScriptBatch> Batches { get; } = batches;

    /// <summary>The real path of the folder its statements may read files from (<see cref="ReadScope"/>).</summary>
    public required string Tree { get; init; }

    public SourceLocation Locate(int offset) => Map.Locate(offset);

    /// <summary>The folder of the file that holds <paramref name="offset"/> (an included file's own folder).</summary>
    public string FolderAt(int offset) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Map.FileOf(offset))) ?? ".";
}

/// <summary>
/// One batch: the text between two GO lines. <see cref="Repeat"/> is the count after GO
/// (<c>GO 3</c> runs the batch three times).
/// </summary>
internal readonly record struct ScriptBatch(int Start, int Length, int StartLine, int Repeat)
{
    public int End => Start + Length;
}
