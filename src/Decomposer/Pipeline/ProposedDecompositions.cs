using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>The decomposition proposed for each table of an analysis below its target, or why none could be made.</summary>
public sealed class ProposedDecompositions
{
    private readonly Dictionary<TableAnalysis, TableProposal> _proposals = new(ReferenceEqualityComparer.Instance);
    private readonly List<TableProposal> _inOrder = [];

    public NormalForm Target { get; }

    private ProposedDecompositions(NormalForm target) => Target = target;

    /// <summary>Proposes for every table below the target, among the analysis's tables only (its foreign keys name no others).</summary>
    public static ProposedDecompositions For(SchemaAnalysis analysis)
    {
        var model = new SchemaModel();
        foreach (var t in analysis.Tables) model.Add(t.Table);
        return For(analysis, model, t => t.NormalForm < analysis.Target, new DecompositionOptions { Target = analysis.Target });
    }

    /// <summary>
    /// Proposes for the tables of <paramref name="analysis"/> that <paramref name="wanted"/> chooses, in its
    /// order; new tables take names free in <paramref name="model"/> and foreign keys among its tables.
    /// </summary>
    public static ProposedDecompositions For(SchemaAnalysis analysis, SchemaModel model, Func<TableAnalysis, bool> wanted, DecompositionOptions options)
    {
        var result = new ProposedDecompositions(analysis.Target);
        foreach (var t in analysis.Tables)
        {
            if (!wanted(t)) continue;
            TableProposal proposal;
            try
            {
                proposal = new TableProposal(t, Normalizer.Propose(model, t, options), null);
            }
            catch (DependencyLimitException e)
            {
                proposal = new TableProposal(t, null, e.Message);
            }
            result._proposals[t] = proposal;
            result._inOrder.Add(proposal);
        }
        return result;
    }

    /// <summary>Every proposal made, in the analysis's order of tables.</summary>
    public IReadOnlyList<TableProposal> All => _inOrder;

    /// <summary>The table's proposal, or null when it meets the target.</summary>
    public TableProposal? Of(TableAnalysis table) => _proposals.TryGetValue(table, out var p) ? p : null;
}

/// <summary>A table's proposed decomposition, or the limit that stopped its search.</summary>
public sealed record TableProposal(TableAnalysis Table, Decomposition? Decomposition, string? Error)
{
    /// <summary>The decomposition; past a limit, the limit's exception as the search threw it.</summary>
    public Decomposition Required => Decomposition ?? throw new DependencyLimitException(Error!);
}
