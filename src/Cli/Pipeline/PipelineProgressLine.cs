using SchemaNorm.Cli.Output;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>The run's progress on the terminal's progress line, in the words the line has always used.</summary>
internal sealed class PipelineProgressLine(CliContext context, bool quiet) : IProgress<PipelineProgress>, IDisposable
{
    private readonly ProgressLine _line = new(context, quiet);

    public void Report(PipelineProgress value)
    {
        switch (value.Phase)
        {
            case PipelinePhase.Reading:
                _line.Show($"reading {value.Table} ({value.Done}/{value.Total})");
                break;
            case PipelinePhase.Discovering when value.Discovery is { } discovery:
                _line.Report(discovery);
                break;
            case PipelinePhase.Discovering:
                _line.Table = $"discovering dependencies in {value.Table}";
                break;
            default:
                _line.Clear();
                break;
        }
    }

    public void Dispose() => _line.Dispose();
}
