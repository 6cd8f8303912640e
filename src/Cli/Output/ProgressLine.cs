using System.Diagnostics;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// One self-overwriting progress line on standard error, shown only when a person is watching (a
/// terminal, not CI) and at most ten times a second, so that it never slows the work it reports on.
/// Discovery's reports are summed into one counter per kind of thing (row pairs compared, candidates
/// checked, FDs and MVDs found) over all the searches of a table, so that no number restarts with
/// another meaning when a phase or a search ends:
/// <c>adult: checking candidates, level 3 of 14, 48,211 row pairs compared, 1,234 candidates checked, 57 FDs, 3.2 s</c>.
/// </summary>
internal sealed class ProgressLine(CliContext context, bool quiet) : IProgress<DiscoveryProgress>, IDisposable
{
    private readonly bool _enabled = context.Interactive && !quiet;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastShown = -1000;
    private int _width;
    private int? _maxWidth;
    private string _table = "";
    private DiscoveryTally _tally = new();

    /// <summary>What is being worked on, shown first on the line; a new one starts the counts again.</summary>
    public string Table
    {
        get => _table;
        set
        {
            if (value != _table) _tally = new DiscoveryTally { Started = _clock.Elapsed };
            _table = value;
        }
    }

    /// <summary>The counts of the table being searched, for the line and its tests.</summary>
    internal DiscoveryTally Tally => _tally;

    public void Report(DiscoveryProgress value)
    {
        _tally.Add(value);
        if (!_enabled) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastShown < 100 && value.Phase != DiscoveryPhase.Done) return;
        _lastShown = now;
        Show($"{Table}: {_tally.Describe(value.Phase)}, {(_clock.Elapsed - _tally.Started).TotalSeconds:0.0} s");
    }

    public void Show(string text)
    {
        if (!_enabled) return;
        // One column short of the terminal's width, so that the line never wraps onto a second one.
        _maxWidth ??= Math.Max(20, (context.TerminalWidth() ?? 111) - 1);
        var line = text.Length > _maxWidth ? text[.._maxWidth.Value] : text;
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
