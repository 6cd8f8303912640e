using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>The decomposition proposed for each table of an analysis below its target, or why none could be made.</summary>
internal sealed class ProposedDecompositions
{
    private readonly Dictionary<TableAnalysis, TableProposal> _proposals = new(ReferenceEqualityComparer.Instance);

    public NormalForm Target { get; }

    private ProposedDecompositions(NormalForm target) => Target = target;

    /// <summary>Proposes for every table below the target, among the analysis's tables only (its foreign keys name no others).</summary>
    public static ProposedDecompositions For(SchemaAnalysis analysis)
    {
        var result = new ProposedDecompositions(analysis.Target);
        var model = new SchemaModel();
        foreach (var t in analysis.Tables) model.Add(t.Table);
        foreach (var t in analysis.Tables)
        {
            if (t.NormalForm >= analysis.Target) continue;
            try
            {
                result._proposals[t] = new TableProposal(Normalizer.Propose(model, t, new DecompositionOptions { Target = analysis.Target }), null);
            }
            catch (DependencyLimitException e)
            {
                result._proposals[t] = new TableProposal(null, e.Message);
            }
        }
        return result;
    }

    /// <summary>The table's proposal, or null when it meets the target.</summary>
    public TableProposal? Of(TableAnalysis table) => _proposals.TryGetValue(table, out var p) ? p : null;
}

/// <summary>A proposed decomposition, or the limit that stopped its search.</summary>
internal sealed record TableProposal(Decomposition? Decomposition, string? Error);
