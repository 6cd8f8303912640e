using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Annotations;

/// <summary>
/// The annotation syntax for dependencies written outside a script (a config file entry):
/// <c>fd A, B -> C</c>, <c>mvd A ->> B</c>, <c>jd (A, B), (B, C)</c>, optionally <c>fd dbo.T: A -> B</c>.
/// </summary>
public static class AnnotationText
{
    /// <summary>The dependency, or null with a message saying what is wrong.</summary>
    public static DependencyAnnotation? Parse(string text, SourceLocation location, out string? error) =>
        AnnotationParser.Parse(text, location, out error);
}
