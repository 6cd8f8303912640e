using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>The steps of a run that report progress, in their order.</summary>
public enum PipelinePhase
{
    /// <summary>A source reads a table (<see cref="PipelineProgress.Done"/> of <see cref="PipelineProgress.Total"/>).</summary>
    Reading,
    /// <summary>Dependencies are searched in a table's sample rows.</summary>
    Discovering,
    /// <summary>The search of every table's rows is over.</summary>
    Discovered,
    /// <summary>The dependencies found in the sample are counted on all rows of the table.</summary>
    CheckingAllRows,
    /// <summary>Normal forms and findings.</summary>
    Analyzing,
    /// <summary>Decompositions for the tables below the target.</summary>
    Proposing,
}

/// <summary>
/// Where a run is: its phase, the table it works on (empty when none), how many of how many, and within
/// a table's search the discovery's own figures.
/// </summary>
public sealed record PipelineProgress(PipelinePhase Phase, string Table, int Done = 0, int Total = 0)
{
    /// <summary>The search's level and count of dependencies found so far, while <see cref="PipelinePhase.Discovering"/>.</summary>
    public DiscoveryProgress? Discovery { get; init; }
}

/// <summary>Passes a table's discovery progress on as the run's progress.</summary>
internal sealed class TableDiscoveryProgress(IProgress<PipelineProgress> run, string table) : IProgress<DiscoveryProgress>
{
    public void Report(DiscoveryProgress value) => run.Report(new PipelineProgress(PipelinePhase.Discovering, table) { Discovery = value });
}
