namespace SchemaNorm.Analyzer.Model;

public enum DependencyKind { Fd, Mvd, Jd }

/// <summary>
/// A dependency written by a person: a "-- schemanorm: fd A, B -> C" comment in the DDL, or an entry
/// of a config file. Column names are kept as written; the analysis resolves them against the table
/// and reports an unknown name as an error at <see cref="Location"/>.
/// </summary>
public sealed record DependencyAnnotation(
    DependencyKind Kind,
    IReadOnlyList<string> Lhs,
    IReadOnlyList<string> Rhs,
    IReadOnlyList<IReadOnlyList<string>> Components,
    SourceLocation Location)
{
    /// <summary>The table named before a colon ("fd dbo.EmpProj: Ssn -> Ename"), if any.</summary>
    public QualifiedName? Table { get; init; }

    public override string ToString() => Kind switch
    {
        DependencyKind.Fd => $"fd {string.Join(", ", Lhs)} -> {string.Join(", ", Rhs)}",
        DependencyKind.Mvd => $"mvd {string.Join(", ", Lhs)} ->> {string.Join(", ", Rhs)}",
        _ => "jd " + string.Join(", ", Components.Select(c => "(" + string.Join(", ", c) + ")")),
    };
}
