using System.ComponentModel;
using System.Text.Json.Serialization;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>The `decompose --format json` document: the tool, the source table, the decomposition.</summary>
[Description("The document `schemanorm decompose --format json` writes.")]
internal sealed record DecompositionDocument(
    ToolStamp Tool,
    [property: Description("The version of the document's shape; it goes up only when a field is removed, renamed or changes meaning.")] int FormatVersion,
    DecomposedTable Table,
    DecompositionObject Decomposition)
{
    public static DecompositionDocument Of(Decomposition d) => new(
        ToolStamp.Current, JsonOutput.FormatVersion,
        new DecomposedTable(d.Source.Name.Schema, d.Source.Name.Name, [.. d.ColumnNames]),
        DecompositionObject.Of(d));
}

/// <summary>The table that was decomposed.</summary>
internal sealed record DecomposedTable(string? Schema, string Name, List<string> Columns);

/// <summary>
/// A table's proposal in the analyze report: the <see cref="DecompositionObject"/>, or why none was made.
/// </summary>
[JsonDerivedType(typeof(DecompositionObject))]
[JsonDerivedType(typeof(ProposalNotMade))]
internal abstract record ProposalJson;

/// <summary>No proposal could be made for the table.</summary>
internal sealed record ProposalNotMade(
    [property: Description("The normal form asked for.")] string Target,
    [property: Description("Why no proposal was made.")] string Error) : ProposalJson;

/// <summary>
/// The <c>decomposition</c> object of CONTRACT.md (target, lossless, dependencyPreserving, tables with
/// name, columns and key), extended with what the proposal computed: method, foreign keys, normal forms,
/// lost dependencies with how to enforce them, the splits and why, the check on the sample rows, notes,
/// and the 3NF synthesis offered beside a BCNF proposal that cannot preserve every dependency. Column
/// arrays are in the source table's column order.
/// </summary>
internal sealed record DecompositionObject(
    [property: Description("The normal form asked for.")] string Target,
    [property: Description("none, bcnfSplit, synthesis, synthesisInBcnf, maximalBcnfSubschemas, fourthNormalFormSplit or fifthNormalFormSplit.")] string Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceNormalForm,
    bool Lossless,
    bool DependencyPreserving,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), Description("For BCNF: whether some BCNF decomposition preserves every dependency (null: not settled).")] OptionalBoolean DependencyPreservingBcnfExists,
    bool MeetsTarget,
    List<ProposedTableJson> Tables,
    List<LostDependencyJson> LostDependencies,
    [property: Description("The splits made, in order, and why.")] List<DecompositionStepJson> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SetAsideJson>? SetAside,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The proposal checked on the sample rows.")] DataVerificationJson? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The 3NF synthesis offered beside a BCNF proposal that loses dependencies.")] DecompositionObject? Alternative)
    : ProposalJson
{
    public static DecompositionObject Of(Decomposition d, bool alternative = true)
    {
        var names = d.ColumnNames;
        return new DecompositionObject(
            d.Target.Display(),
            MethodName(d.Method),
            d.SourceNormalForm?.Display(),
            d.Lossless,
            d.DependencyPreserving,
            d.Target == NormalForm.BCNF || d.DependencyPreservingBcnfExists is not null ? OptionalBoolean.Of(d.DependencyPreservingBcnfExists) : default,
            d.MeetsTarget,
            d.Tables.Select(t => ProposedTableJson.Of(t, names)).ToList(),
            d.LostDependencies.Select(l => new LostDependencyJson(
                [.. l.Dependency.Lhs.Names(names)], [.. l.Dependency.Rhs.Names(names)], [.. l.Tables], l.Enforcement)).ToList(),
            d.Steps.Select(s => DecompositionStepJson.Of(s, names)).ToList(),
            d.SetAside.Count > 0
                ? d.SetAside.Select(a => new SetAsideJson([.. a.Dependency.Lhs.Names(names)], [.. a.Dependency.Rhs.Names(names)], a.Reason)).ToList()
                : null,
            d.Data is { } data ? DataVerificationJson.Of(data) : null,
            d.Notes.Count > 0 ? [.. d.Notes] : null,
            alternative && d.Alternative is { } alt ? Of(alt, alternative: false) : null);
    }

    public static string MethodName(DecompositionMethod m) => m switch
    {
        DecompositionMethod.None => "none",
        DecompositionMethod.BcnfSplit => "bcnfSplit",
        DecompositionMethod.Synthesis => "synthesis",
        DecompositionMethod.SynthesisInBcnf => "synthesisInBcnf",
        DecompositionMethod.MaximalBcnfSubschemas => "maximalBcnfSubschemas",
        DecompositionMethod.FourthNormalFormSplit => "fourthNormalFormSplit",
        _ => "fifthNormalFormSplit",
    };
}

/// <summary>One table of a proposal.</summary>
internal sealed record ProposedTableJson(
    string? Schema,
    string Name,
    List<string> Columns,
    [property: Description("The primary key.")] List<string> Key,
    List<List<string>> CandidateKeys,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<List<string>>? UniqueKeys,
    List<ProposedForeignKeyJson> ForeignKeys,
    string? NormalForm,
    [property: Description("Where the table came from (the split or synthesis step).")] string Origin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("True for what is left of the source table.")] bool? Remainder,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Rows,
    List<ColumnDependencyJson> Dependencies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<AnomalyJson>? AnomaliesRemoved)
{
    public static ProposedTableJson Of(ProposedTable t, IReadOnlyList<string> names) => new(
        t.Schema,
        t.Name,
        [.. t.ColumnNames],
        [.. t.PrimaryKey.Names(names)],
        t.CandidateKeys.Select(k => k.Names(names).ToList()).ToList(),
        t.UniqueKeys.Count > 0 ? t.UniqueKeys.Select(k => k.Names(names).ToList()).ToList() : null,
        t.ForeignKeys.Select(fk => new ProposedForeignKeyJson(
            [.. fk.Columns.Names(names)],
            new ForeignKeyTarget(fk.ReferencedSchema, fk.ReferencedTable, [.. fk.ReferencedColumns]),
            fk.IsExternal ? true : null,
            fk.OriginalName)).ToList(),
        t.NormalForm?.Display(),
        t.Origin,
        t.IsRemainder ? true : null,
        t.Rows,
        MinimalCover.Combine(t.Dependencies).Select(fd => new ColumnDependencyJson([.. fd.Lhs.Names(names)], [.. fd.Rhs.Names(names)])).ToList(),
        t.AnomaliesRemoved.Count > 0 ? t.AnomaliesRemoved.Select(AnomalyJson.Of).ToList() : null);
}

/// <summary>A foreign key of a proposed table.</summary>
internal sealed record ProposedForeignKeyJson(
    List<string> Columns,
    ForeignKeyTarget References,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("True for a foreign key the source table declared.")] bool? Declared,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The declared constraint's name.")] string? Name);

/// <summary>The table and columns a foreign key references.</summary>
internal sealed record ForeignKeyTarget(string? Schema, string Table, List<string> Columns);

/// <summary>lhs -> rhs.</summary>
internal sealed record ColumnDependencyJson(List<string> Lhs, List<string> Rhs);

/// <summary>A dependency no table of the proposal holds, and how to enforce it.</summary>
internal sealed record LostDependencyJson(List<string> Lhs, List<string> Rhs, List<string> Tables, string Enforcement);

/// <summary>A dependency the proposal did not split on, and why.</summary>
internal sealed record SetAsideJson(List<string> Lhs, List<string> Rhs, string Reason);

/// <summary>An update, insertion or deletion anomaly.</summary>
internal sealed record AnomalyJson(string Kind, string Description)
{
    public static AnomalyJson Of(Anomaly a) => new(a.Kind.ToString().ToLowerInvariant(), a.Description);
}

/// <summary>One split: the columns split, on which dependency, into which parts, and why.</summary>
internal sealed record DecompositionStepJson(
    [property: Description("fd, mvd or jd.")] string Kind,
    List<string> From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Lhs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Rhs,
    List<List<string>> Parts,
    double Score,
    List<string> Reasons,
    [property: Description("How many other splits were possible.")] int Alternatives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? DataOnly,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SplitsDeclared)
{
    public static DecompositionStepJson Of(DecompositionStep s, IReadOnlyList<string> names)
    {
        var withSides = s.Kind != DependencyKind.Jd;
        return new DecompositionStepJson(
            s.Kind.ToString().ToLowerInvariant(),
            [.. s.From.Names(names)],
            withSides ? [.. s.Lhs.Names(names)] : null,
            withSides ? [.. s.Rhs.Names(names)] : null,
            s.Parts.Select(p => p.Names(names).ToList()).ToList(),
            s.Score,
            [.. s.Reasons],
            s.Alternatives,
            s.DataOnly ? true : null,
            s.Relaxed);
    }
}

/// <summary>The proposal applied to the sample rows: row counts, the join back, redundancy before and after.</summary>
internal sealed record DataVerificationJson(
    int SourceRows,
    int DistinctSourceRows,
    int JoinedRows,
    int SpuriousRows,
    int LostRows,
    int UnstorableRows,
    bool JoinEqualsSource,
    List<TableRowCount> Tables,
    List<RedundancyJson> Redundancy)
{
    public static DataVerificationJson Of(DataVerification d) => new(
        d.SourceRows, d.DistinctSourceRows, d.JoinedRows, d.SpuriousRows, d.LostRows, d.UnstorableRows, d.JoinEqualsSource,
        d.TableRows.Select(t => new TableRowCount(t.Table, t.Rows)).ToList(),
        d.Redundancy.Select(r => new RedundancyJson(r.Column, r.Table, r.Before, r.After)).ToList());
}

/// <summary>Rows of one proposed table.</summary>
internal sealed record TableRowCount(string Name, int Rows);

/// <summary>Repeated values of a column before and after the split.</summary>
internal sealed record RedundancyJson(string Column, string Table, int Before, int After);
