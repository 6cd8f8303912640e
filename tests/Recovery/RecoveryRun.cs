using System.Globalization;
using System.Text;

namespace SchemaNorm.Recovery;

/// <summary>One wide table in one setting: what analyze proposed, how it scores, and what it cost.</summary>
public sealed record RecoveryResult(WideTable Wide, RecoverySetting Setting, AnalyzeOutcome Outcome, RecoveryScore Score);

/// <summary>Runs wide tables through analyze in each setting and scores the proposals.</summary>
public static class RecoveryRun
{
    public static readonly RecoverySetting[] AllSettings = [RecoverySetting.DeclaredKey, RecoverySetting.NoKey, RecoverySetting.CsvOnly];

    public static RecoveryResult Run(WideTable wide, RecoverySetting setting, string workFolder, bool isolated = false)
    {
        var folder = Path.Combine(workFolder, wide.Name);
        try
        {
            var outcome = AnalyzeRun.Run(wide, setting, folder, isolated);
            return new RecoveryResult(wide, setting, outcome, RecoveryScore.Of(wide.Expected, outcome.Tables));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Exact original tables over all original tables, per setting.</summary>
    public static string Totals(IReadOnlyList<RecoveryResult> results) =>
        string.Join("; ", results.GroupBy(r => r.Setting).Select(g =>
        {
            int exact = g.Sum(r => r.Score.Exact), all = g.Sum(r => r.Score.Expected);
            return $"{Label(g.Key)}: {exact} of {all} exact ({Percent(exact, all)})";
        }));

    /// <summary>A Markdown table of the results, one row per wide table and setting; memory is the peak resident size during analyze and, in brackets, the size before it.</summary>
    public static string Table(IReadOnlyList<RecoveryResult> results)
    {
        var s = new StringBuilder();
        s.Append("| wide table | setting | rows x columns | exact | partial | missing | extra | analyze | peak memory (before) |\n");
        s.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            var o = r.Outcome;
            s.Append(CultureInfo.InvariantCulture, $"| {r.Wide.Name} | {Label(r.Setting)} | {r.Wide.RowCount:N0} x {r.Wide.Columns.Count} | ")
                .Append(CultureInfo.InvariantCulture, $"{r.Score.Exact}/{r.Score.Expected} | {r.Score.Partial} | {r.Score.Missing} | {r.Score.Extra.Count} | ")
                .Append(CultureInfo.InvariantCulture, $"{o.Elapsed.TotalSeconds:0.0} s | {(o.PeakBytes is long b ? $"{b / (1024 * 1024):N0} MB" : "-")}{(o.StartBytes is long a ? $" ({a / (1024 * 1024):N0})" : "")} |")
                .Append(o.Error is null ? "" : " " + o.Error.Replace('\n', ' ').Replace("|", "/", StringComparison.Ordinal))
                .Append('\n');
        }
        return s.ToString();
    }

    /// <summary>What each original table became, and the extra tables, for one result.</summary>
    public static string Details(RecoveryResult r)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{r.Wide.Name}, {Label(r.Setting)}:\n");
        foreach (var t in r.Score.Tables)
        {
            s.Append(CultureInfo.InvariantCulture, $"  {t.Expected.Copy} ({t.Expected.SourceTable}): {t.Status.ToString().ToLowerInvariant()}");
            if (t.Detail.Length > 0) s.Append(" — ").Append(t.Detail);
            s.Append('\n');
        }
        foreach (var e in r.Score.Extra)
            s.Append(CultureInfo.InvariantCulture, $"  extra: {e.Name} key {RecoveryScore.List(e.Key)}, {e.Columns.Count} columns\n");
        return s.ToString();
    }

    public static string Label(RecoverySetting setting) => setting switch
    {
        RecoverySetting.DeclaredKey => "declared key",
        RecoverySetting.NoKey => "DDL, no key",
        _ => "CSV alone",
    };

    private static string Percent(int part, int all) => all == 0 ? "-" : (100.0 * part / all).ToString("0", CultureInfo.InvariantCulture) + "%";
}
