using System.Diagnostics;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// One self-overwriting progress line on standard error, shown only when a person is watching (a
/// terminal, not CI) and at most ten times a second, so that it never slows the work it reports on.
/// </summary>
internal sealed class ProgressLine(CliContext context, bool quiet) : IProgress<DiscoveryProgress>, IDisposable
{
    private readonly bool _enabled = context.Interactive && !quiet;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastShown = -1000;
    private int _width;

    /// <summary>What is being worked on, shown first on the line.</summary>
    public string Table { get; set; } = "";

    public void Report(DiscoveryProgress value)
    {
        if (!_enabled) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastShown < 100 && value.Phase != DiscoveryPhase.Done) return;
        _lastShown = now;
        var phase = value.Phase.ToString().ToLowerInvariant();
        var level = value.Level > 0 ? $" level {value.Level}" : "";
        Show($"{Table}: {phase}{level}, {value.Found:N0} found, {value.Elapsed.TotalSeconds:0.0} s");
    }

    public void Show(string text)
    {
        if (!_enabled) return;
        var line = text.Length > 110 ? text[..110] : text;
        context.Stderr.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Clear()
    {
        if (!_enabled || _width == 0) return;
        context.Stderr.Write("\r" + new string(' ', _width) + "\r");
        _width = 0;
    }

    public void Dispose() => Clear();
}
