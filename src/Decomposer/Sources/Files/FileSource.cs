using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Decomposer.Sources.Files;

/// <summary>Scripts, SSDT projects, dacpacs and CSV folders, read by the <see cref="Ingestor"/>.</summary>
public sealed class FileSource(IReadOnlyList<string> paths, IngestOptions options) : ISchemaSource
{
    public SchemaModel? Load(DiagnosticBag diagnostics, IProgress<PipelineProgress>? progress = null)
    {
        var ingest = Ingestor.Ingest(paths, options);
        foreach (var d in ingest.Diagnostics) diagnostics.Add(d);
        return ingest.HasErrors ? null : ingest.Model;
    }
}
