using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The model the inputs describe (the scripts' end state, with sample rows) and every problem found
/// while reading them, ordered by file, line and column.
/// </summary>
public sealed record IngestResult(SchemaModel Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when some input could not be read as it should; the CLI then exits with status 2.</summary>
    public bool HasErrors { get; } = Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
