using System.ComponentModel;
using System.Text.Json.Serialization;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>
/// The `analyze --format json` document of CONTRACT.md: per table its columns, keys, sample rows,
/// normal form, dependencies with their sources, and findings. Column arrays are in table column order.
/// Fields beyond the contract (fix, anomalies, witnesses, notes) are additions, never renames.
/// </summary>
[Description("The document `schemanorm analyze --format json` writes.")]
internal sealed record AnalysisDocument(
    ToolStamp Tool,
    [property: Description("The version of the document's shape; it goes up only when a field is removed, renamed or changes meaning.")] int FormatVersion,
    [property: Description("The normal form the tables were checked against.")] string Target,
    List<AnalyzedTable> Tables,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The comparison with the baseline file, when one was given.")] BaselineComparison? Baseline);

/// <summary>One table: columns, keys, normal form, dependencies and findings.</summary>
internal sealed record AnalyzedTable(
    string? Schema,
    string Name,
    List<string> Columns,
    [property: Description("The declared primary key, else the key the analysis assumed (see primaryKeySource), else null.")] List<string>? PrimaryKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("\"data\" or \"dependencies\": where an undeclared primary key was found.")] string? PrimaryKeySource,
    List<List<string>> CandidateKeys,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("False when the search for candidate keys was cut short.")] bool? CandidateKeysComplete,
    [property: Description("Sample rows the dependencies were checked on.")] int SampleRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<CsvFileLine>? CsvFiles,
    [property: Description("The highest normal form the table is in.")] string NormalForm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The normal form that could not be decided.")] string? Undetermined,
    List<DependencyJson> Dependencies,
    List<FindingJson> Findings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("What discovery saw in the rows beyond the dependencies used.")] DataDiscoveryJson? Discovery,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Dependencies found in sample rows, checked on every row of the live table.")] List<FullTableCheckJson>? FullTableChecks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The proposed decomposition, or why none was made.")] ProposalJson? Decomposition);

/// <summary>
/// A dependency: kind, and lhs/rhs (FD, MVD) or components (JD), column arrays in table order; in the
/// table's list also where it came from and, for one found in rows, its error and support.
/// </summary>
internal sealed record DependencyJson(
    [property: Description("fd, mvd or jd.")] string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Lhs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The columns determined (a key's FD does not repeat the key).")] List<string>? Rhs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("A JD's components.")] List<List<string>>? Components,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("g3 error in the rows.")] double? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Rows it was checked on.")] int? Support,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("names: a dependency of the data source that the column names and their layout show and the rows do not contradict, in a sample too small to confirm it.")] string? Basis = null)
{
    public static DependencyJson Of(TableDependency d, IReadOnlyList<string> names, bool withSource)
    {
        var (kind, lhs, rhs, components) = Sides(d, names);
        var evidence = withSource ? d.Evidence : null;
        return new DependencyJson(kind, lhs, rhs, components, withSource ? d.Source.Display() : null, evidence?.Error, evidence?.SupportRows,
            withSource && d.IsFromNames ? "names" : null);
    }

    public static (string Kind, List<string>? Lhs, List<string>? Rhs, List<List<string>>? Components) Sides(TableDependency d, IReadOnlyList<string> names) =>
        d.Kind switch
        {
            DependencyKind.Fd => ("fd", [.. d.Lhs.Names(names)], [.. (d.Rhs - d.Lhs).Names(names)], null),
            DependencyKind.Mvd => ("mvd", [.. d.Lhs.Names(names)], [.. (d.Rhs - d.Lhs).Names(names)], null),
            _ => ("jd", null, null, d.Components.Select(c => c.Names(names).ToList()).ToList()),
        };
}

/// <summary>A place in a source file.</summary>
internal sealed record LocationJson(string File, int Line, int Column)
{
    public static LocationJson Of(SourceLocation l, string currentDirectory) => new(PathDisplay.Relative(l.File, currentDirectory), l.Line, l.Column);
}

/// <summary>One finding: the rule, the normal form it breaks, where, and how to fix it.</summary>
internal sealed record FindingJson(
    string RuleId,
    [property: Description("The normal form the finding breaks.")] string NormalForm,
    string Severity,
    string Message,
    string? Fix,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DependencyJson? Dependency,
    List<List<string>> Keys,
    List<string> Columns,
    LocationJson Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<AnomalyJson>? Anomalies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Rows that show the problem.")] List<string>? Witnesses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("False when the finding rests on an assumption.")] bool? Established,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SuppressionJson? Suppression,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fingerprint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("new or unchanged, against the baseline.")] string? BaselineState);

/// <summary>What suppressed a finding: a comment in the source or the config file, and why.</summary>
internal sealed record SuppressionJson(
    [property: Description("comment or config.")] string By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocationJson? Location);

/// <summary>The comparison with the baseline: counts, and the entries no finding matches any more.</summary>
internal sealed record BaselineComparison(string File, int New, int Unchanged, List<AbsentBaselineEntry> Absent);

/// <summary>A baseline entry no finding matches any more.</summary>
internal sealed record AbsentBaselineEntry(string Fingerprint, string RuleId, string Table, List<string> Columns);

/// <summary>
/// What discovery saw in the rows beyond the dependencies used: candidates (with the reason they do not
/// drive findings; a config entry can accept one) and the bounds of the search.
/// </summary>
internal sealed record DataDiscoveryJson(
    [property: Description("Dependencies found in the rows that the analysis used.")] int Used,
    int CandidateCount,
    [property: Description("The best candidates, at most 50.")] List<CandidateDependencyJson> Candidates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Notes);

/// <summary>A dependency seen in the rows that does not drive findings, and why.</summary>
internal sealed record CandidateDependencyJson(
    [property: Description("The dependency as text.")] string Dependency,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Lhs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Rhs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<List<string>>? Components,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Plausibility,
    string Reason);

/// <summary>A dependency found in sample rows, with what the sample and every row of the live table said.</summary>
internal sealed record FullTableCheckJson(
    List<string> Lhs,
    List<string> Rhs,
    [property: Description("Whether the analysis kept it.")] bool Kept,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SampleFigures? Sample,
    FullTableFiguresJson Table);

/// <summary>Rows of the sample and the g3 error there.</summary>
internal sealed record SampleFigures(int Rows, double Error);

/// <summary>The dependency on every row of the live table.</summary>
internal sealed record FullTableFiguresJson(long Rows, long ViolatingGroups, long ViolatingRows, long RowsToDelete, double Error);
