using System.Globalization;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Databases.Common;

/// <summary>One dependency found in a sample, with what the sample said and what all rows say.</summary>
internal sealed record FullTableFigures(Table Table, TableDependency Dependency, LiveCheckResult Full, bool Kept)
{
    /// <summary>What the sample said (rows seen, g3 error), when the dependency carries it.</summary>
    public DataEvidence? Sample => Dependency.Evidence;

    /// <summary>
    /// "CustomerId -> City: sample 10,000 rows, holds; all 1,204,331 rows: 2 violating groups (7 rows), error 0.0004% — rejected".
    /// </summary>
    public string Describe()
    {
        var names = Table.ColumnNames;
        var sample = Sample is { } s
            ? $"sample {Count(s.SupportRows)} rows, {(s.Error == 0 ? "holds" : $"error {Percent(s.Error)}")}"
            : "sample";
        var full = Full.Holds
            ? $"all {Count(Full.Rows)} rows: holds"
            : $"all {Count(Full.Rows)} rows: {Count(Full.ViolatingGroups)} violating group{(Full.ViolatingGroups == 1 ? "" : "s")} ({Count(Full.RowsInViolatingGroups)} rows), error {Percent(Full.Error)}";
        return $"{Dependency.Format(names)}: {sample}; {full}{(Kept ? "" : " — rejected")}";
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double e) => (e * 100).ToString(e * 100 >= 0.01 ? "0.##" : "0.######", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// Settles the dependencies found in sample rows against every row of the live table they came from.
/// Each functional dependency with source <see cref="DependencySource.Data"/> is checked with
/// <see cref="LiveDependencyCheck"/>; it is kept when its g3 error on all rows is at most
/// <see cref="MaxError"/>, restated with the full-table figures as its evidence (support = all rows, error = the
/// full-table g3; the sample's witness rows stay, as they are rows of the table's sample), and dropped otherwise.
/// Other dependencies pass through unchanged. <see cref="Figures"/> keeps the sample and full-table figures of
/// every check, side by side, for the report.
/// </summary>
/// <example>
/// In a command (e.g. analyze), around the analysis, once discovery gives each table's sample dependencies:
/// <code>
/// var model = ModelLoader.Load(settings, context, out int errors, out var live);
/// if (model is null) return Stop(context, errors);
/// using (live)
/// {
///     Func&lt;Table, IReadOnlyList&lt;TableDependency&gt;&gt; fromSample = table => /* discovery on table.Data, source Data */;
///     var full = live is null ? null : new FullTableEvidence(live)
///     {
///         Nulls = settings.Discovery.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct,
///         MaxError = settings.Discovery.MaxError ?? 0,
///     };
///     var analysis = SchemaAnalyzer.Analyze(model, settings.Analysis, diagnostics, full?.Confirming(fromSample) ?? fromSample);
///     // side by side in the reports:
///     //   new AnalysisTextWriter(cwd).Write(analysis, extra: t => full?.Describe(t.Table));
///     //   full.Figures for the JSON report's fullTableChecks and anything else
/// }
/// </code>
/// </example>
internal sealed class FullTableEvidence(LiveDatabase database) : IFullTableCheck
{
    private readonly Dictionary<(Table, AttributeSet, AttributeSet), LiveCheckResult> _cache = [];
    private readonly List<FullTableFigures> _figures = [];

    /// <summary>The largest g3 error on all rows for which a dependency is kept (0: it must hold exactly).</summary>
    public double MaxError { get; init; }

    /// <summary>How NULLs compare (as in discovery's --nulls).</summary>
    public NullSemantics Nulls { get; init; } = NullSemantics.Equal;

    /// <summary>Violating groups fetched per check as examples.</summary>
    public int Examples { get; init; } = 3;

    /// <summary>Every check made so far, in order.</summary>
    public IReadOnlyList<FullTableFigures> Figures => _figures;

    /// <summary>The dependencies the analysis should hold for <paramref name="table"/>: see the class summary.</summary>
    public IReadOnlyList<TableDependency> Confirm(Table table, IReadOnlyList<TableDependency> fromSample)
    {
        var result = new List<TableDependency>(fromSample.Count);
        foreach (var d in fromSample)
        {
            if (d.Source != DependencySource.Data || d.Fd is not { } fd || (fd.Rhs - fd.Lhs).IsEmpty)
            {
                result.Add(d);
                continue;
            }
            var full = Check(table, fd.Lhs, fd.Rhs - fd.Lhs);
            bool kept = full.Error <= MaxError;
            _figures.Add(new FullTableFigures(table, d, full, kept));
            if (!kept) continue;
            var evidence = new DataEvidence((int)Math.Min(full.Rows, int.MaxValue), full.Error)
            {
                WitnessGroups = d.Evidence?.WitnessGroups ?? [],
            };
            result.Add(TableDependency.Functional(fd, DependencySource.Data, d.Location, $"checked on all rows of {table.Location.File}", evidence));
        }
        return result;
    }

    /// <summary>Wraps the sample's dependency source for <see cref="SchemaAnalyzer.Analyze"/>.</summary>
    public Func<Table, IReadOnlyList<TableDependency>> Confirming(Func<Table, IReadOnlyList<TableDependency>> fromSample) =>
        table => Confirm(table, fromSample(table));

    /// <summary>The lines to add under a table in the text report (null when nothing was checked).</summary>
    public string? Describe(Table table)
    {
        var lines = _figures.Where(f => ReferenceEquals(f.Table, table)).Select(f => "  all rows: " + f.Describe()).ToList();
        return lines.Count == 0 ? null : string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>X -> Y on all rows (cached: the same dependency is counted once per run).</summary>
    public LiveCheckResult Check(Table table, AttributeSet lhs, AttributeSet rhs)
    {
        if (!_cache.TryGetValue((table, lhs, rhs), out var result))
            _cache[(table, lhs, rhs)] = result = LiveDependencyCheck.Check(database, table, lhs, rhs, Nulls, Examples);
        return result;
    }
}
