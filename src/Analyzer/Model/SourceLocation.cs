namespace SchemaNorm.Analyzer.Model;

/// <summary>A place in an input file: 1-based line and column, as editors and SARIF count them.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
