using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Output;

/// <summary>Where a finding stands against the baseline (SARIF's baselineState).</summary>
internal enum BaselineState { New, Unchanged, Absent }

internal static class BaselineStates
{
    /// <summary>"new", "unchanged", "absent": SARIF's spelling, also used by the JSON report.</summary>
    public static string Display(this BaselineState state) => state switch
    {
        BaselineState.New => "new",
        BaselineState.Unchanged => "unchanged",
        _ => "absent",
    };
}

/// <summary>
/// What the reports say about findings beyond the analysis itself: fingerprints, the state of each
/// against the baseline, baseline entries no longer found, and the settings that shape the reports.
/// </summary>
internal sealed class ReportFacts
{
    private readonly IReadOnlyDictionary<Finding, string> _fingerprints;
    private readonly IReadOnlyDictionary<Finding, BaselineState> _states;

    private ReportFacts(IReadOnlyDictionary<Finding, string> fingerprints, IReadOnlyDictionary<Finding, BaselineState> states)
    {
        _fingerprints = fingerprints;
        _states = states;
    }

    public ReportSettings Settings { get; private init; } = new();

    /// <summary>Severity per rule id set by the config file (for SARIF's rule configuration).</summary>
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; private init; } = new Dictionary<string, Severity>();

    /// <summary>Rules switched off in the config file.</summary>
    public IReadOnlySet<string> DisabledRules { get; private init; } = new HashSet<string>();

    /// <summary>The baseline compared with, or null.</summary>
    public string? BaselinePath { get; private init; }

    /// <summary>Baseline entries that no finding of this run matches (fixed, or changed beyond recognition).</summary>
    public IReadOnlyList<BaselineEntry> Absent { get; private init; } = [];

    public string? HelpUriBase => Settings.HelpUriBase;

    /// <summary>What discovery found in each table's sample rows (candidates and bounds), when it ran.</summary>
    public IReadOnlyDictionary<SchemaNorm.Analyzer.Model.Table, Decomposer.Pipeline.TableDataDependencies> Data { get; private init; } =
        new Dictionary<SchemaNorm.Analyzer.Model.Table, Decomposer.Pipeline.TableDataDependencies>();

    public Decomposer.Pipeline.TableDataDependencies? DataOf(SchemaNorm.Analyzer.Model.Table table) => Data.GetValueOrDefault(table);

    /// <summary>With --connection: the sample's dependencies counted again on all rows by the server.</summary>
    public Databases.Common.FullTableEvidence? FullTable { get; private init; }

    public string FingerprintOf(Finding f) => _fingerprints[f];

    /// <summary>New or unchanged against the baseline; null when there is no baseline.</summary>
    public BaselineState? StateOf(Finding f) => _states.TryGetValue(f, out var s) ? s : null;

    public bool IsBaselined(Finding f) => StateOf(f) == BaselineState.Unchanged;

    /// <summary>The findings that can fail the run: reported (not suppressed) and not in the baseline.</summary>
    public IEnumerable<Finding> Failing(SchemaAnalysis analysis) => analysis.Findings.Where(f => !IsBaselined(f));

    /// <summary>Facts with no baseline and no settings: what a report of the analysis alone shows.</summary>
    public static ReportFacts For(SchemaAnalysis analysis) =>
        new(FindingFingerprint.Compute(analysis), new Dictionary<Finding, BaselineState>());

    /// <summary>
    /// Fingerprints the findings, writes the baseline when asked (--write-baseline), and compares with the
    /// baseline (--baseline, config baseline; or the one just written, so that writing one passes).
    /// </summary>
    public static ReportFacts Build(SchemaAnalysis analysis, ReportSettings settings, AnalysisOptions options, CliContext context, bool quiet,
        IReadOnlyDictionary<SchemaNorm.Analyzer.Model.Table, Decomposer.Pipeline.TableDataDependencies>? data = null,
        Databases.Common.FullTableEvidence? fullTable = null)
    {
        var fingerprints = FindingFingerprint.Compute(analysis);
        if (settings.WriteBaseline is { } output)
        {
            int count = BaselineFile.Write(output, analysis, fingerprints);
            if (!quiet) context.Stderr.WriteLine($"schemanorm: wrote {count} finding{(count == 1 ? "" : "s")} to the baseline {PathDisplay.Relative(output, context.CurrentDirectory)}");
        }

        var states = new Dictionary<Finding, BaselineState>(ReferenceEqualityComparer.Instance);
        var absent = new List<BaselineEntry>();
        var baselinePath = settings.Baseline ?? settings.WriteBaseline;
        if (baselinePath is not null)
        {
            var entries = BaselineFile.Read(baselinePath);
            var remaining = entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            bool Take(Finding f)
            {
                var fp = fingerprints[f];
                if (remaining.GetValueOrDefault(fp) == 0) return false;
                remaining[fp]--;
                return true;
            }
            foreach (var t in analysis.Tables)
            {
                foreach (var f in t.Findings) states[f] = Take(f) ? BaselineState.Unchanged : BaselineState.New;
                // A suppressed finding that the baseline holds is still there: not absent, and not reported either.
                foreach (var f in t.Suppressed) Take(f);
            }
            foreach (var e in entries)
            {
                if (remaining.GetValueOrDefault(e.Fingerprint) == 0) continue;
                remaining[e.Fingerprint]--;
                absent.Add(e);
            }
        }

        return new ReportFacts(fingerprints, states)
        {
            Settings = settings,
            RuleSeverities = options.RuleSeverities,
            DisabledRules = options.DisabledRules,
            BaselinePath = baselinePath,
            Absent = absent,
            Data = data ?? new Dictionary<SchemaNorm.Analyzer.Model.Table, Decomposer.Pipeline.TableDataDependencies>(),
            FullTable = fullTable,
        };
    }
}
