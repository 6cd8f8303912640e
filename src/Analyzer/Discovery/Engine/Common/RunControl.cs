using System.Diagnostics;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// The bounds of one run: time limit, cancellation, memory budget, progress reports, and the list of
/// limits hit (in words, for the result). Checked often, so the checks are cheap.
/// </summary>
internal sealed class RunControl
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan? _limit;
    private readonly CancellationToken _token;
    private readonly IProgress<DiscoveryProgress>? _progress;
    private readonly List<string> _limits = [];
    private long _lastReport;
    private bool _timedOut;

    public RunControl(DiscoveryOptions options)
    {
        _limit = options.TimeLimit;
        _token = options.Cancellation;
        _progress = options.Progress;
        MemoryBudget = options.MemoryBudgetBytes
            ?? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.4);
    }

    public long MemoryBudget { get; }

    /// <summary>The memory the running engine's structures use now (set by the engine).</summary>
    public Func<long>? MemoryProbe { get; set; }

    public long PeakMemory { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<string> Limits => _limits;

    public bool TimedOut => _timedOut;

    /// <summary>True once the time limit has passed; throws when cancelled.</summary>
    public bool ShouldStop
    {
        get
        {
            _token.ThrowIfCancellationRequested();
            if (_timedOut) return true;
            if (_limit is { } limit && _clock.Elapsed > limit) _timedOut = true;
            return _timedOut;
        }
    }

    /// <summary>
    /// True once the given share of the time limit has passed: the phases before validation stop there,
    /// so that validation has time left to certify some levels.
    /// </summary>
    public bool PastShare(double share)
    {
        if (ShouldStop) return true;
        return _limit is { } limit && _clock.Elapsed > limit * share;
    }

    /// <summary>True when the engine's structures have outgrown the memory budget.</summary>
    public bool OverMemory
    {
        get
        {
            long used = MemoryProbe?.Invoke() ?? 0;
            if (used > PeakMemory) PeakMemory = used;
            return used > MemoryBudget;
        }
    }

    public void AddLimit(string text)
    {
        if (!_limits.Contains(text)) _limits.Add(text);
    }

    /// <summary>Adds a limit, or replaces the one added earlier under the same key (a bound lowered twice is said once).</summary>
    public void SetLimit(string key, string text)
    {
        if (_limitKeys.TryGetValue(key, out int index)) _limits[index] = text;
        else
        {
            _limitKeys[key] = _limits.Count;
            _limits.Add(text);
        }
    }

    private readonly Dictionary<string, int> _limitKeys = [];

    /// <summary>Reports progress at most every 100 ms.</summary>
    public void Report(DiscoveryPhase phase, int level, long work, long found, bool force = false)
    {
        if (_progress is null) return;
        long now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastReport < 100) return;
        _lastReport = now;
        _progress.Report(new DiscoveryProgress(phase, level, work, found, _clock.Elapsed));
    }
}
