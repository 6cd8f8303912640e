using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>What a run found: the analysis of the tables it is about, what their rows said, and the proposals.</summary>
public sealed record PipelineResult(
    SchemaAnalysis Analysis,
    IReadOnlyDictionary<Table, TableDataDependencies>? Data,
    ProposedDecompositions? Proposals);
