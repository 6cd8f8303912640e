using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Decomposer.Sources;

/// <summary>
/// Where a run's schema model and sample rows come from: files (scripts, SSDT projects, dacpacs, CSV
/// folders) or a live database. What is wrong with the input is added to the diagnostics, located.
/// </summary>
public interface ISchemaSource
{
    /// <summary>The model, or null when the input has errors (in <paramref name="diagnostics"/>).</summary>
    SchemaModel? Load(DiagnosticBag diagnostics, IProgress<PipelineProgress>? progress = null);
}
