using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output.Json;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output;

/// <summary>Writes the <see cref="AnalysisDocument"/> (`analyze --format json`).</summary>
internal sealed class AnalysisJsonWriter(string currentDirectory)
{
    /// <summary>Fingerprints, baseline states and suppressions of the findings; without it they are left out.</summary>
    public ReportFacts? Facts { get; init; }

    /// <param name="proposal">A table's proposed decomposition (or why none was made), when proposals were asked for.</param>
    public string Write(SchemaAnalysis analysis, Func<TableAnalysis, ProposalJson?>? proposal = null) =>
        JsonOutput.Write(w => JsonSerializer.Serialize(w, Document(analysis, proposal), ReportJsonContext.Default.AnalysisDocument));

    public AnalysisDocument Document(SchemaAnalysis analysis, Func<TableAnalysis, ProposalJson?>? proposal = null) => new(
        ToolStamp.Current,
        JsonOutput.FormatVersion,
        analysis.Target.Display(),
        analysis.Tables.Select(t => Table(t, proposal)).ToList(),
        Facts is { BaselinePath: { } baseline } facts ? Baseline(analysis, facts, baseline) : null);

    private BaselineComparison Baseline(SchemaAnalysis analysis, ReportFacts facts, string path) => new(
        PathDisplay.Relative(path, currentDirectory),
        analysis.Findings.Count(f => facts.StateOf(f) == BaselineState.New),
        analysis.Findings.Count(facts.IsBaselined),
        facts.Absent.Select(e => new AbsentBaselineEntry(e.Fingerprint, e.RuleId, e.Table, [.. e.Columns])).ToList());

    private AnalyzedTable Table(TableAnalysis t, Func<TableAnalysis, ProposalJson?>? proposal)
    {
        var names = t.ColumnNames;
        var table = t.Table;
        List<string>? primaryKey = null;
        string? primaryKeySource = null;
        if (table.PrimaryKey is { } pk)
            primaryKey = [.. InColumnOrder(table, pk.Columns)];
        else if (t.AssumedKey is { } assumed)
        {
            // Not declared: the key the analysis used, and where it was found ("data": in the rows).
            primaryKey = [.. assumed.Names(names)];
            primaryKeySource = t.AssumedKeySource == DependencySource.Data ? "data" : "dependencies";
        }
        return new AnalyzedTable(
            table.Name.Schema,
            table.Name.Name,
            [.. names],
            primaryKey,
            primaryKeySource,
            t.CandidateKeys.Select(k => k.Names(names).ToList()).ToList(),
            t.KeysComplete ? null : false,
            t.SampleRows,
            CsvFileLine.Of(table, currentDirectory),
            t.NormalForm.Display(),
            t.Undetermined?.Display(),
            t.Dependencies.Select(d => DependencyJson.Of(d, names, withSource: true)).ToList(),
            [.. t.Findings.Select(f => Finding(f, names, suppressed: false)), .. t.Suppressed.Select(f => Finding(f, names, suppressed: true))],
            t.Notes.Count > 0 ? [.. t.Notes] : null,
            Facts?.DataOf(table) is { } data ? DataDependencies(data, names) : null,
            FullTableChecks(table),
            proposal?.Invoke(t));
    }

    /// <summary>At most this many candidate dependencies per table (best first); the count of the rest follows.</summary>
    public const int MaxCandidates = 50;

    private static DataDiscoveryJson DataDependencies(Decomposer.Pipeline.TableDataDependencies data, IReadOnlyList<string> names) => new(
        data.Used.Count,
        data.Candidates.Count,
        data.Candidates.Take(MaxCandidates).Select(c =>
        {
            var (kind, lhs, rhs, components) = DependencyJson.Sides(c.Dependency, names);
            return new CandidateDependencyJson(c.Dependency.Format(names), kind, lhs, rhs, components, c.Dependency.Evidence?.Error, c.Score, c.Reason);
        }).ToList(),
        data.Notes.Count > 0 ? [.. data.Notes] : null);

    /// <summary>The table's dependencies checked on every row of the live table; null when none was.</summary>
    private List<FullTableCheckJson>? FullTableChecks(Table table) => FullTableChecks(Facts?.FullTable, table);

    /// <summary>A table's checks on all rows of a live table as the report writes them; null when none was made.</summary>
    internal static List<FullTableCheckJson>? FullTableChecks(Databases.Common.FullTableEvidence? fullTable, Table table)
    {
        if (fullTable is not { } full) return null;
        var names = table.ColumnNames;
        var checks = full.Figures.Where(f => ReferenceEquals(f.Table, table)).Select(f => new FullTableCheckJson(
            [.. f.Dependency.Lhs.Names(names)],
            [.. (f.Dependency.Rhs - f.Dependency.Lhs).Names(names)],
            f.Kept,
            f.Sample is { } s ? new SampleFigures(s.SupportRows, s.Error) : null,
            new FullTableFiguresJson(f.Full.Rows, f.Full.ViolatingGroups, f.Full.RowsInViolatingGroups, f.Full.RowsToDelete, f.Full.Error))).ToList();
        return checks.Count > 0 ? checks : null;
    }

    private FindingJson Finding(Finding f, IReadOnlyList<string> names, bool suppressed) => new(
        f.RuleId,
        f.Violates.Display(),
        f.Severity.Display(),
        f.Message,
        f.Fix,
        f.Dependency is { } d ? DependencyJson.Of(d, names, withSource: false) : null,
        f.Keys.Select(k => k.Names(names).ToList()).ToList(),
        [.. f.Columns.Names(names)],
        LocationJson.Of(f.Location, currentDirectory),
        f.Anomalies.Count > 0 ? f.Anomalies.Select(AnomalyJson.Of).ToList() : null,
        f.Witnesses.Count > 0 ? f.Witnesses.Select(x => DisplayText.Shorten(x, ReportText.MaxWitnessLength)).ToList() : null,
        f.Established ? null : false,
        suppressed ? true : null,
        suppressed && f.SuppressedBy is { } by
            ? new SuppressionJson(by.InSource ? "comment" : "config", by.Reason, by.Source is { } source ? LocationJson.Of(source, currentDirectory) : null)
            : null,
        Facts?.FingerprintOf(f),
        Facts is { } facts && !suppressed && facts.StateOf(f) is { } state ? state.Display() : null);

    /// <summary>Key columns in table column order (CONTRACT: arrays of columns are in table column order).</summary>
    public static IEnumerable<string> InColumnOrder(Table table, IReadOnlyList<string> columns)
    {
        return table.ColumnsAmong(columns).Names(table.ColumnNames);
    }
}
