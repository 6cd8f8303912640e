using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Proposal;

/// <summary>How the tables of a decomposition were found.</summary>
public enum DecompositionMethod
{
    /// <summary>The table already meets the target: nothing to do.</summary>
    None,
    /// <summary>BCNF by splitting on violating FDs (Ullman; Silberschatz et al.).</summary>
    BcnfSplit,
    /// <summary>3NF by synthesis from a minimal cover (Bernstein 1976).</summary>
    Synthesis,
    /// <summary>A 3NF synthesis whose tables all happen to be in BCNF: dependency preserving and BCNF.</summary>
    SynthesisInBcnf,
    /// <summary>BCNF from the maximal BCNF subschemas, kept only as many as lossless join and preservation need.</summary>
    MaximalBcnfSubschemas,
    /// <summary>4NF by splitting on violating FDs and MVDs (Fagin 1977).</summary>
    FourthNormalFormSplit,
    /// <summary>5NF by splitting further on the components of join dependencies the keys do not imply (Fagin 1979).</summary>
    FifthNormalFormSplit,
}

/// <summary>
/// A proposed lossless decomposition of one table: the new tables with their keys, foreign keys and
/// normal forms, and the facts about the whole that were computed, never assumed: lossless join (the
/// chase), dependency preservation (and what is lost), and, with sample rows, the join of the projected
/// rows compared with the original ones.
/// </summary>
public sealed class Decomposition
{
    public required Table Source { get; init; }

    /// <summary>Column names of the source table: the attribute numbering of every set in the proposal.</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }

    public required NormalForm Target { get; init; }

    /// <summary>The source table's normal form under the dependencies the decomposition worked with (null when a bound stopped the test).</summary>
    public NormalForm? SourceNormalForm { get; init; }

    public required DecompositionMethod Method { get; init; }

    public required IReadOnlyList<ProposedTable> Tables { get; init; }

    /// <summary>The natural join of the new tables is always the source table (the chase under all its dependencies).</summary>
    public required bool Lossless { get; init; }

    /// <summary>Every FD the table holds follows from the FDs that hold inside the new tables.</summary>
    public required bool DependencyPreserving { get; init; }

    /// <summary>The FDs (right sides cut to the lost part) that no new table enforces, with how one could enforce them.</summary>
    public IReadOnlyList<LostDependency> LostDependencies { get; init; } = [];

    /// <summary>For the BCNF target: whether any lossless, dependency-preserving BCNF decomposition exists (null: not decided).</summary>
    public bool? DependencyPreservingBcnfExists { get; init; }

    /// <summary>Offered beside the proposal: the 3NF synthesis when no dependency-preserving BCNF decomposition exists.</summary>
    public Decomposition? Alternative { get; init; }

    /// <summary>The splits, in the order they were made, with why each was chosen.</summary>
    public IReadOnlyList<DecompositionStep> Steps { get; init; } = [];

    /// <summary>The proposal checked on the sample rows (null without rows).</summary>
    public DataVerification? Data { get; init; }

    /// <summary>FDs found in the sample rows that no split acted on, and why.</summary>
    public IReadOnlyList<SetAsideDependency> SetAside { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when the proposal changes the design (more than one table, or other columns).</summary>
    public bool Changes => Method != DecompositionMethod.None;

    /// <summary>Every new table reaches the target (as far as could be established).</summary>
    public bool MeetsTarget => Tables.All(t => t.NormalForm is { } nf && nf >= Target);

    /// <summary>The table by name (case-insensitive).</summary>
    public ProposedTable? Find(string name) => Tables.FirstOrDefault(t => Identifier.AreEqual(t.Name, name));

    public override string ToString() =>
        $"{Source.Name} -> {string.Join(", ", Tables.Select(t => $"{t.Name}({t.Columns.Format(ColumnNames)})"))}";
}

/// <summary>One table of a proposal. Column sets are positions in the source table.</summary>
public sealed class ProposedTable
{
    public required string Name { get; init; }

    /// <summary>The schema of the source table (null for a table read from a bare CSV file).</summary>
    public string? Schema { get; init; }

    public required AttributeSet Columns { get; init; }

    /// <summary>Its columns in source column order.</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }

    public required AttributeSet PrimaryKey { get; init; }

    /// <summary>Every candidate key under the projected dependencies (sorted by size, then column order).</summary>
    public required IReadOnlyList<AttributeSet> CandidateKeys { get; init; }

    /// <summary>Candidate keys besides the primary key that rest on declared dependencies, to be declared UNIQUE.</summary>
    public IReadOnlyList<AttributeSet> UniqueKeys { get; init; } = [];

    public IReadOnlyList<ProposedForeignKey> ForeignKeys { get; init; } = [];

    /// <summary>The normal form the table reaches under its projected dependencies (null when a bound stopped the test).</summary>
    public NormalForm? NormalForm { get; init; }

    /// <summary>A cover of the FDs that hold in the table.</summary>
    public IReadOnlyList<FunctionalDependency> Dependencies { get; init; } = [];

    /// <summary>Why the table exists: "CourseCode -> CourseTitle, Credits", "the rest of Enrollment", "a key of Enrollment".</summary>
    public required string Origin { get; init; }

    /// <summary>True for the table that keeps the source's primary key (or, without one, the rest after the splits).</summary>
    public bool IsRemainder { get; init; }

    /// <summary>The anomalies of the source that this table removes.</summary>
    public IReadOnlyList<Anomaly> AnomaliesRemoved { get; init; } = [];

    /// <summary>Rows after moving the sample rows (null without rows).</summary>
    public int? Rows { get; init; }

    public override string ToString() => $"{Name}({string.Join(", ", ColumnNames)})";
}

/// <summary>
/// FOREIGN KEY (Columns) REFERENCES ReferencedTable (ReferencedColumns): to another new table, or, for
/// a foreign key the source declared, to the table it referenced (<see cref="IsExternal"/>).
/// </summary>
public sealed record ProposedForeignKey(
    AttributeSet Columns, string? ReferencedSchema, string ReferencedTable, IReadOnlyList<string> ReferencedColumns)
{
    public bool IsExternal { get; init; }

    /// <summary>The name of the source's foreign key this one carries over, if any.</summary>
    public string? OriginalName { get; init; }

    /// <summary>Some column may be NULL (the reference is optional).</summary>
    public bool Nullable { get; init; }
}

/// <summary>An FD that no new table enforces; <see cref="Enforcement"/> says how one could.</summary>
public sealed record LostDependency(FunctionalDependency Dependency, IReadOnlyList<string> Tables, string Enforcement);

/// <summary>One split: in <see cref="From"/>, the dependency <see cref="Kind"/> Lhs -> Rhs (or the JD) moved columns to a new table (<see cref="Parts"/>).</summary>
public sealed record DecompositionStep
{
    public required DependencyKind Kind { get; init; }
    public required AttributeSet From { get; init; }
    public AttributeSet Lhs { get; init; }
    public AttributeSet Rhs { get; init; }
    /// <summary>The tables the split made (for an FD or MVD: Lhs ∪ Rhs and From − Rhs; for a JD its components).</summary>
    public required IReadOnlyList<AttributeSet> Parts { get; init; }
    public double Score { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    /// <summary>The other splits that were possible at this point.</summary>
    public int Alternatives { get; init; }
    /// <summary>A declared key or foreign key that had to be split to reach the target, in words; null when none.</summary>
    public string? Relaxed { get; init; }
    /// <summary>Rests only on dependencies found in the sample rows.</summary>
    public bool DataOnly { get; init; }
}

/// <summary>An FD found in the sample rows that no split acted on, and why.</summary>
public sealed record SetAsideDependency(FunctionalDependency Dependency, string Reason);

/// <summary>The proposal checked on the sample rows.</summary>
public sealed record DataVerification
{
    public required int SourceRows { get; init; }
    /// <summary>Distinct rows of the source (a set of tables cannot keep duplicate rows).</summary>
    public required int DistinctSourceRows { get; init; }
    /// <summary>Rows of the natural join of the projected rows.</summary>
    public required int JoinedRows { get; init; }
    /// <summary>Joined rows that were not in the source.</summary>
    public required int SpuriousRows { get; init; }
    /// <summary>Source rows missing from the join.</summary>
    public required int LostRows { get; init; }
    /// <summary>
    /// Source rows whose foreign-key columns into a new table hold NULL while a column that moved there does
    /// not: SQL cannot store them (a key is never NULL), so the migration refuses to run while they exist.
    /// </summary>
    public int UnstorableRows { get; init; }
    public required IReadOnlyList<(string Table, int Rows)> TableRows { get; init; }
    public IReadOnlyList<RedundancyChange> Redundancy { get; init; } = [];

    public bool JoinEqualsSource => SpuriousRows == 0 && LostRows == 0;
}

/// <summary>"CourseTitle stored 14 times -> 4 times".</summary>
public sealed record RedundancyChange(string Column, string Table, int Before, int After);
