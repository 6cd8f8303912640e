using System.Diagnostics;
using System.Globalization;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>
/// With --verbose, where a run's time and memory went: wall time, processor time and the peak resident
/// memory so far at the end of each phase (reading the inputs, discovery, analysis, proposals), printed
/// as one line on standard error. Progress reports pass through to the progress line unchanged.
/// </summary>
internal sealed class PhaseTimings(IProgress<PipelineProgress> inner) : IProgress<PipelineProgress>
{
    private readonly List<(string Phase, TimeSpan Wall, TimeSpan Cpu, long PeakBytes)> _ends = [];
    private string _phase = "reading";

    public void Report(PipelineProgress value)
    {
        var phase = value.Phase switch
        {
            PipelinePhase.Discovering or PipelinePhase.Discovered => "discovery",
            PipelinePhase.CheckingAllRows or PipelinePhase.Analyzing => "analysis",
            PipelinePhase.Proposing => "proposals",
            _ => _phase,
        };
        if (phase != _phase) End(phase);
        inner.Report(value);
    }

    /// <summary>The line: each phase's wall and processor seconds, and the peak memory at its end.</summary>
    public string Describe()
    {
        End("");
        var parts = new List<string>();
        var (wall, cpu) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var end in _ends)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{end.Phase} {(end.Wall - wall).TotalSeconds:0.0} s ({(end.Cpu - cpu).TotalSeconds:0.0} s CPU, peak {end.PeakBytes / (1 << 20):N0} MiB)"));
            (wall, cpu) = (end.Wall, end.Cpu);
        }
        return "timing: " + string.Join(", ", parts);
    }

    private void End(string next)
    {
        using var process = Process.GetCurrentProcess();
        // Counted from the process start, so that reading includes the runtime's own start.
        _ends.Add((_phase, DateTime.Now - process.StartTime, process.TotalProcessorTime, process.PeakWorkingSet64));
        _phase = next;
    }
}
