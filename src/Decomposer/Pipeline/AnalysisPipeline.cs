using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>
/// One run from a loaded model to proposals: the dependencies of each table (declared keys, the schema,
/// the sample rows, and with a live source their check on all rows), the analysis, and the proposed
/// decompositions. The tool's commands and the benchmarks run it the same way.
/// </summary>
public static class AnalysisPipeline
{
    /// <summary>
    /// Runs <paramref name="options"/> on <paramref name="model"/>. Problems with the input or the options
    /// are added to <paramref name="diagnostics"/>; after an error no proposal is made.
    /// </summary>
    /// <param name="fullTable">Counts the sample's dependencies on all rows (a live database), or null.</param>
    public static PipelineResult Run(SchemaModel model, PipelineOptions options, DiagnosticBag diagnostics,
        IProgress<PipelineProgress>? progress = null, IFullTableCheck? fullTable = null)
    {
        var focus = options.Tables is null ? null : Tables(model, options.Tables);
        Dictionary<Table, TableDataDependencies>? data = null;
        if (options.FindInRows)
            data = DataDependencies.Find(focus is null ? model : Subset(focus), options.Discovery, progress);

        Func<Table, IReadOnlyList<TableDependency>>? fromSample = data is null ? null : t => data.TryGetValue(t, out var d) ? d.Used : [];
        if (fromSample is not null && fullTable is not null)
        {
            var sample = fromSample;
            fromSample = t =>
            {
                progress?.Report(new PipelineProgress(PipelinePhase.CheckingAllRows, t.Name.ToString()));
                return fullTable.Confirm(t, sample(t));
            };
        }
        progress?.Report(new PipelineProgress(PipelinePhase.Analyzing, ""));
        var analysis = SchemaAnalyzer.Analyze(model, options.Analysis, diagnostics, fromSample);

        var proposalModel = model;
        if (options.ReportedTables is { } reported)
        {
            analysis = Keep(analysis, Tables(model, reported));
            proposalModel = Subset(analysis.Tables.Select(t => t.Table));
        }
        if (focus is not null) analysis = Keep(analysis, focus);
        if (options.Proposals == ProposalScope.None || diagnostics.HasErrors) return new PipelineResult(analysis, data, null);

        progress?.Report(new PipelineProgress(PipelinePhase.Proposing, ""));
        var proposals = ProposedDecompositions.For(analysis, proposalModel,
            t => options.Proposals == ProposalScope.EveryTable || t.NormalForm < analysis.Target, options.Decomposition);
        return new PipelineResult(analysis, data, proposals);
    }

    /// <summary>The model's tables of these names, in the order given; a name the model lacks is left out.</summary>
    private static List<Table> Tables(SchemaModel model, IReadOnlyList<QualifiedName> names)
    {
        var tables = new List<Table>();
        var seen = new HashSet<Table>(ReferenceEqualityComparer.Instance);
        foreach (var name in names)
            if ((model.Tables.FirstOrDefault(t => t.Name.Equals(name)) ?? model.Find(name)) is { } table && seen.Add(table)) tables.Add(table);
        return tables;
    }

    private static SchemaModel Subset(IEnumerable<Table> tables)
    {
        var subset = new SchemaModel();
        foreach (var t in tables) subset.Add(t);
        return subset;
    }

    private static SchemaAnalysis Keep(SchemaAnalysis analysis, IReadOnlyCollection<Table> tables)
    {
        var wanted = new HashSet<Table>(tables, ReferenceEqualityComparer.Instance);
        return new SchemaAnalysis { Target = analysis.Target, Tables = analysis.Tables.Where(t => wanted.Contains(t.Table)).ToList() };
    }
}
