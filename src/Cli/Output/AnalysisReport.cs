using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Output;

/// <summary>Everything an analyze report shows, computed before any of it is written.</summary>
/// <param name="CurrentDirectory">Paths are shown relative to it.</param>
/// <param name="SourceRoot">SARIF's %SRCROOT%: the inputs' repository root.</param>
/// <param name="Proposals">The decompositions of the tables below the target, for the formats that show them; else null.</param>
internal sealed record AnalysisReport(SchemaAnalysis Analysis, ReportFacts Facts, string CurrentDirectory, string SourceRoot, ProposedDecompositions? Proposals = null);
