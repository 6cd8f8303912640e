using System.Diagnostics;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// The bounds of one run: time limit, cancellation, memory budget, progress reports, and the list of
/// limits hit (in words, for the result). Checked often, so the checks are cheap.
/// </summary>
internal sealed class RunControl
{
    private readonly Func<int, TimeSpan> _now; // given the bound of the search that reads it
    private readonly TimeSpan _origin;
    private readonly int _bound = int.MaxValue;
    private readonly TimeSpan _start; // where this control's window opens (shares of the limit count from here)
    private readonly TimeSpan? _limit; // where it closes, from the origin
    private readonly CancellationToken _token;
    private readonly IProgress<DiscoveryProgress>? _progress;
    private readonly List<string> _limits = [];
    private long _lastReport;
    private bool _timedOut;

    public RunControl(DiscoveryOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (options.SimulatedStep is { } step)
        {
            var now = TimeSpan.Zero;
            _now = bound => now += step(bound);
        }
        else _now = _ => clock.Elapsed;
        _origin = _now(_bound);
        _limit = options.TimeLimit;
        _token = options.Cancellation;
        _progress = options.Progress;
        MemoryBudget = options.MemoryBudgetBytes
            ?? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.4);
    }

    private RunControl(RunControl parent, TimeSpan? end, int bound)
    {
        _now = parent._now;
        _bound = bound;
        _origin = parent._origin;
        _start = parent.Elapsed;
        _limit = end is { } e && (parent._limit is not { } l || e < l) ? e : parent._limit;
        _token = parent._token;
        _progress = parent._progress;
        MemoryBudget = parent.MemoryBudget;
    }

    /// <summary>
    /// A control for one attempt of a search bounded at <paramref name="bound"/> columns, from now until
    /// <paramref name="end"/> (from the start of the run; never past this control's own limit). It keeps its
    /// own limits and memory peak, so that an attempt whose result is dropped leaves no trace;
    /// <see cref="Adopt"/> takes over those of the one reported.
    /// </summary>
    public RunControl Attempt(TimeSpan? end, int bound) => new(this, end, bound);

    /// <summary>The time limit from the start of the run, if any.</summary>
    public TimeSpan? Limit => _limit;

    /// <summary>Takes over an attempt's limits (in order, keyed ones under their key).</summary>
    public void Adopt(RunControl attempt)
    {
        for (int i = 0; i < attempt._limits.Count; i++)
        {
            string? key = attempt._limitKeys.FirstOrDefault(k => k.Value == i).Key;
            if (key is null) AddLimit(attempt._limits[i]);
            else SetLimit(key, attempt._limits[i]);
        }
        NotePeak(attempt);
    }

    /// <summary>Counts an attempt's memory peak in this control's (whether or not its result is kept).</summary>
    public void NotePeak(RunControl attempt)
    {
        if (attempt.PeakMemory > PeakMemory) PeakMemory = attempt.PeakMemory;
    }

    public long MemoryBudget { get; }

    /// <summary>The memory the running engine's structures use now (set by the engine).</summary>
    public Func<long>? MemoryProbe { get; set; }

    public long PeakMemory { get; private set; }

    public TimeSpan Elapsed => _now(_bound) - _origin;

    public IReadOnlyList<string> Limits => _limits;

    public bool TimedOut => _timedOut;

    /// <summary>True once the time limit has passed; throws when cancelled.</summary>
    public bool ShouldStop
    {
        get
        {
            _token.ThrowIfCancellationRequested();
            if (_timedOut) return true;
            if (_limit is { } limit && Elapsed > limit) _timedOut = true;
            return _timedOut;
        }
    }

    /// <summary>
    /// True once the given share of this control's window has passed: the phases before validation stop
    /// there, so that validation has time left to certify some levels.
    /// </summary>
    public bool PastShare(double share)
    {
        if (ShouldStop) return true;
        return _limit is { } limit && Elapsed > _start + (limit - _start) * share;
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
        long now = (long)Elapsed.TotalMilliseconds;
        if (!force && now - _lastReport < 100) return;
        _lastReport = now;
        _progress.Report(new DiscoveryProgress(phase, level, work, found, Elapsed));
    }
}
