using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>Which tables get a proposed decomposition.</summary>
public enum ProposalScope
{
    /// <summary>None: the run ends with the analysis.</summary>
    None,
    /// <summary>Each table of the result below the target.</summary>
    BelowTarget,
    /// <summary>Each table of the result, whatever its normal form (a proposal then may change nothing).</summary>
    EveryTable,
}

/// <summary>What one run of <see cref="AnalysisPipeline"/> does, as plain data.</summary>
public sealed record PipelineOptions
{
    /// <summary>The target, the dependencies and suppressions the config file adds, the rules' severities.</summary>
    public AnalysisOptions Analysis { get; init; } = new();

    /// <summary>How sample rows are searched, and the dependencies the config file rejects.</summary>
    public DiscoverySettings Discovery { get; init; } = new();

    /// <summary>False: no search of the sample rows (keys and declarations only).</summary>
    public bool FindInRows { get; init; } = true;

    /// <summary>
    /// The tables the run is about (null: all). Only their rows are searched and only they are in the
    /// result; the rest of the model still gives names and foreign keys to the proposals.
    /// </summary>
    public IReadOnlyList<QualifiedName>? Tables { get; init; }

    /// <summary>
    /// The tables the result reports (null: all), chosen after the analysis of every table; proposals are
    /// then made among these tables only.
    /// </summary>
    public IReadOnlyList<QualifiedName>? ReportedTables { get; init; }

    /// <summary>Which tables of the result get a proposal.</summary>
    public ProposalScope Proposals { get; init; } = ProposalScope.None;

    /// <summary>The options of each proposal: the analysis's target, and whether schema inferences count.</summary>
    public DecompositionOptions Decomposition => new()
    {
        Target = Analysis.Target,
        TrustSchemaInference = Analysis.TrustSchemaInference,
    };
}
