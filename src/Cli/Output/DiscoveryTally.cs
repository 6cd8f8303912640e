using System.Globalization;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// What the searches of one table have done so far, one counter per kind of thing, summed over the
/// searches (analyze runs up to three per table: FDs, keys, MVDs). Reads each report by its phase, as
/// <see cref="DiscoveryProgress"/> documents it.
/// </summary>
internal sealed class DiscoveryTally
{
    // Of the search running now: its counts so far, added to the totals when the next search starts.
    private long _runPairs, _runTested, _levelCandidates;
    private DiscoveryPhase _levelPhase;
    private int _level = -1;

    public TimeSpan Started { get; init; }

    /// <summary>The widest left side the current search tries (0 when unknown).</summary>
    public int Levels { get; private set; }

    /// <summary>The left-side size being checked, or -1 outside the level-wise phases.</summary>
    public int Level => _level;

    public long RowPairsCompared { get; private set; }

    /// <summary>Candidate dependencies checked against the rows: FD candidates of finished levels, MVD and JD candidates tested.</summary>
    public long CandidatesChecked { get; private set; }

    /// <summary>FDs found by the searches that finished (exact or approximate).</summary>
    public long Fds { get; private set; }

    public long Mvds { get; private set; }

    public long Jds { get; private set; }

    public long AllPairs => RowPairsCompared + _runPairs;

    public long AllChecked => CandidatesChecked + _runTested;

    public void Add(DiscoveryProgress p)
    {
        if (p.Phase is not (DiscoveryPhase.Validation or DiscoveryPhase.Approximate) || p.Phase != _levelPhase || p.Level != _level)
            FinishLevel();
        switch (p.Phase)
        {
            case DiscoveryPhase.Preparing:
                FinishSearch();
                Levels = p.Level;
                break;
            case DiscoveryPhase.Sampling:
                _runPairs = Math.Max(_runPairs, p.Work);
                break;
            case DiscoveryPhase.Validation or DiscoveryPhase.Approximate:
                _levelPhase = p.Phase;
                _level = p.Level;
                _levelCandidates = p.Work;
                break;
            case DiscoveryPhase.Mvds:
                _runTested = Math.Max(_runTested, p.Work);
                Mvds = p.Found;
                break;
            case DiscoveryPhase.Jds:
                _runTested = Math.Max(_runTested, p.Work);
                Jds = p.Found;
                break;
            case DiscoveryPhase.Done:
                Fds += p.Found;
                FinishSearch();
                break;
        }
    }

    /// <summary>A level is checked once the search moves on from it.</summary>
    private void FinishLevel()
    {
        CandidatesChecked += _levelCandidates;
        _levelCandidates = 0;
        _level = -1;
    }

    private void FinishSearch()
    {
        FinishLevel();
        RowPairsCompared += _runPairs;
        CandidatesChecked += _runTested;
        _runPairs = _runTested = 0;
    }

    /// <summary>"checking candidates, level 3 of 14, 48,211 row pairs compared, 1,234 candidates checked, 57 FDs".</summary>
    public string Describe(DiscoveryPhase phase)
    {
        var parts = new List<string> { Doing(phase) };
        if (_level >= 0) parts.Add(Levels > 0 ? $"level {_level} of {Levels}" : $"level {_level}");
        if (AllPairs > 0) parts.Add(Count(AllPairs, "row pair") + " compared");
        parts.Add(Count(AllChecked, "candidate") + " checked");
        parts.Add(Count(Fds, "FD"));
        if (Mvds > 0) parts.Add(Count(Mvds, "MVD"));
        if (Jds > 0) parts.Add(Count(Jds, "JD"));
        return string.Join(", ", parts);
    }

    private static string Count(long n, string what) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + what + (n == 1 ? "" : "s");

    private static string Doing(DiscoveryPhase phase) => phase switch
    {
        DiscoveryPhase.Preparing => "reading the rows",
        DiscoveryPhase.Sampling => "comparing rows",
        DiscoveryPhase.Induction => "deriving candidates",
        DiscoveryPhase.Validation => "checking candidates",
        DiscoveryPhase.Approximate => "checking approximate FDs",
        DiscoveryPhase.Mvds => "checking MVDs",
        DiscoveryPhase.Jds => "checking JDs",
        _ => "done",
    };
}
