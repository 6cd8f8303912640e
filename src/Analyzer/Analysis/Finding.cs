using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis;

public enum AnomalyKind { Update, Insertion, Deletion }

/// <summary>One consequence of a violation, in the table's own terms.</summary>
public sealed record Anomaly(AnomalyKind Kind, string Description)
{
    public override string ToString() => $"{Description} ({Kind.ToString().ToLowerInvariant()} anomaly)";
}

/// <summary>
/// One violation of a normal form, with its evidence: the dependency it comes from, the keys it is
/// measured against, where it is stated, what goes wrong (anomalies) and, with sample rows, the rows
/// that show it.
/// </summary>
public sealed record Finding
{
    public required RuleDescriptor Rule { get; init; }
    public string RuleId => Rule.Id;

    /// <summary>The table the finding is about.</summary>
    public required QualifiedName Table { get; init; }

    /// <summary>The normal form this finding breaks.</summary>
    public NormalForm Violates => Rule.NormalForm;

    public required Severity Severity { get; init; }

    /// <summary>One paragraph: what holds, why it is a problem here, which anomalies follow.</summary>
    public required string Message { get; init; }

    /// <summary>One line: how to fix it ("move Ename to a table keyed by Ssn").</summary>
    public required string Fix { get; init; }

    /// <summary>The violating dependency (stated, or derived from the stated ones), when there is one.</summary>
    public TableDependency? Dependency { get; init; }

    /// <summary>The candidate key(s) the violation is measured against.</summary>
    public IReadOnlyList<AttributeSet> Keys { get; init; } = [];

    public required SourceLocation Location { get; init; }

    public IReadOnlyList<Anomaly> Anomalies { get; init; } = [];

    /// <summary>Sample rows that show the problem, as sentences ("Ename 'Smith' is stored in 3 rows for Ssn 123456789").</summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];

    /// <summary>The columns involved.</summary>
    public AttributeSet Columns { get; init; }

    /// <summary>
    /// True when the finding rests on dependencies the table holds (keys, declarations, sample data), so
    /// that it lowers the table's normal form. False for a suspicion (a dependency inferred from the
    /// schema's shape only), which is reported as a note and leaves the normal form alone.
    /// </summary>
    public bool Established { get; init; } = true;

    /// <summary>For a finding in <see cref="TableAnalysis.Suppressed"/>: the suppression that set it aside.</summary>
    public Suppression? SuppressedBy { get; init; }

    public override string ToString() => $"{Location}: {Severity.Display()} {RuleId}: {Message}";
}
