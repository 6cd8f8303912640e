using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis;

/// <summary>
/// A rule switched off for a table, a column of it, a file, a line of a file, or everywhere (from the
/// config file, the command line, or a <c>-- schemanorm-disable</c> comment). A suppressed finding is set
/// aside in <see cref="TableAnalysis.Suppressed"/> (with <see cref="Finding.SuppressedBy"/>) and does not
/// lower the table's normal form: suppressing says "this is intended".
/// </summary>
public sealed record Suppression(string RuleId)
{
    /// <summary>The <see cref="RuleId"/> that matches every rule (a comment that names no rule).</summary>
    public const string AnyRule = "*";

    /// <summary>The table it applies to; null for every table.</summary>
    public QualifiedName? Table { get; init; }

    /// <summary>A column the finding must involve; null for any.</summary>
    public string? Column { get; init; }

    /// <summary>A file the finding must be located in, or whose table it must be about; null for any.</summary>
    public string? File { get; init; }

    /// <summary>With <see cref="File"/>: the 1-based line the finding must be located on; null for any.</summary>
    public int? Line { get; init; }

    /// <summary>Why the finding is accepted, as the user wrote it.</summary>
    public string? Reason { get; init; }

    /// <summary>Where the suppression is written (the comment, or the config file entry), when known.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>True for a <c>-- schemanorm-disable</c> comment in a script (false: config file or command line).</summary>
    public bool InSource { get; init; }
}

/// <summary>What the analysis assumes and how far it may search.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// The normal form the design must reach. Findings that only matter beyond it (e.g. 4NF and 5NF
    /// findings with the default BCNF target) are lowered to notes.
    /// </summary>
    public NormalForm Target { get; init; } = NormalForm.BCNF;

    /// <summary>At most this many candidate keys per table; past it the key list is marked incomplete.</summary>
    public int KeyLimit { get; init; } = CandidateKeys.DefaultLimit;

    /// <summary>Rows a chase tableau may grow to (MVD / JD implication).</summary>
    public int ChaseMaxRows { get; init; } = Chase.DefaultMaxRows;

    /// <summary>
    /// Bound for the exhaustive searches (subsets of a table's columns, minimal left sides, keys under MVDs
    /// and JDs): tables or keys wider than this are not searched exhaustively, and the analysis says so.
    /// </summary>
    public int MaxExhaustiveColumns { get; init; } = 20;

    /// <summary>Chase runs allowed per table for JD reasoning before the analysis gives up and says so.</summary>
    public int ChaseBudget { get; init; } = 20_000;

    /// <summary>Dependencies from the config file; each must name its table (<see cref="DependencyAnnotation.Table"/>).</summary>
    public IReadOnlyList<DependencyAnnotation> ConfigDependencies { get; init; } = [];

    /// <summary>Infer "FK -> copied column" dependencies from the schema (source <c>schema</c>).</summary>
    public bool InferFromSchema { get; init; } = true;

    /// <summary>
    /// Treat inferred schema dependencies as held (they then lower the normal form and give warnings).
    /// Off by default: a copied column is often a deliberate snapshot (the price when ordered).
    /// </summary>
    public bool TrustSchemaInference { get; init; }

    /// <summary>Sample-row witnesses quoted per finding.</summary>
    public int MaxWitnesses { get; init; } = 3;

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>
    /// Severity per rule id (the config file's <c>rules</c>), in place of the rule's own, for established
    /// findings; findings beyond <see cref="Target"/> and suspicions stay notes.
    /// </summary>
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>
    /// Rules switched off (<c>"off"</c> in the config file): their findings are dropped, neither reported
    /// nor counted in the normal form. The rules still run, so that later rules do not report the same
    /// dependency again under another id.
    /// </summary>
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>();
}
