using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis;

/// <summary>
/// What sample rows say about a dependency: <see cref="SupportRows"/> rows were seen, and removing the
/// fraction <see cref="Error"/> of them (g3) would make it hold exactly. <see cref="WitnessGroups"/> holds
/// clusters of 0-based row numbers that show it (rows that repeat a fact, or rows that break it).
/// </summary>
public sealed record DataEvidence(int SupportRows, double Error)
{
    public IReadOnlyList<IReadOnlyList<int>> WitnessGroups { get; init; } = [];
}

/// <summary>
/// One dependency a table holds (an FD, an MVD or a JD over its column positions), with where it came
/// from. A dependency that the analysis derived from others (e.g. a partial dependency reached through
/// the closure) lists them in <see cref="DerivedFrom"/> and takes the source and location of the first.
/// </summary>
public sealed class TableDependency
{
    private TableDependency(
        DependencyKind kind, FunctionalDependency? fd, MultivaluedDependency? mvd, JoinDependency? jd,
        DependencySource source, SourceLocation? location, string? origin, DataEvidence? evidence,
        IReadOnlyList<TableDependency>? derivedFrom)
    {
        Kind = kind;
        Fd = fd;
        Mvd = mvd;
        Jd = jd;
        Source = source;
        Location = location;
        Origin = origin;
        Evidence = evidence;
        DerivedFrom = derivedFrom ?? [];
    }

    public static TableDependency Functional(
        FunctionalDependency fd, DependencySource source, SourceLocation? location = null,
        string? origin = null, DataEvidence? evidence = null) =>
        new(DependencyKind.Fd, fd, null, null, source, location, origin, evidence, null);

    public static TableDependency Multivalued(
        MultivaluedDependency mvd, DependencySource source, SourceLocation? location = null,
        string? origin = null, DataEvidence? evidence = null) =>
        new(DependencyKind.Mvd, null, mvd, null, source, location, origin, evidence, null);

    public static TableDependency Join(
        JoinDependency jd, DependencySource source, SourceLocation? location = null,
        string? origin = null, DataEvidence? evidence = null) =>
        new(DependencyKind.Jd, null, null, jd, source, location, origin, evidence, null);

    /// <summary>
    /// K -> (every column) for a table that declares no key, with K the unique column combination of its
    /// rows that a designer would declare: the key the table is analysed with, marked as found in the rows.
    /// </summary>
    public static TableDependency KeyFromRows(AttributeSet key, int columnCount, DataEvidence evidence) =>
        new(DependencyKind.Fd, new FunctionalDependency(key, AttributeSet.Range(columnCount)), null, null, DependencySource.Data, null,
            "unique in the sample rows", evidence, null) { IsKeyFromRows = true };

    /// <summary>Whether this is the key chosen from the rows of a table without a declared key (<see cref="KeyFromRows"/>).</summary>
    public bool IsKeyFromRows { get; private init; }

    /// <summary>
    /// An FD the column names and layout show in a sample too small to weigh it (<see cref="Discovery.NamedDesign"/>):
    /// it holds in the rows, but they are no evidence for it; <paramref name="basis"/> says so.
    /// </summary>
    public static TableDependency FromNames(FunctionalDependency fd, int rows, string basis) =>
        new(DependencyKind.Fd, fd, null, null, DependencySource.Data, null, basis, new DataEvidence(rows, 0), null) { IsFromNames = true };

    /// <summary>Whether the names, not the rows, support this FD (<see cref="FromNames"/>).</summary>
    public bool IsFromNames { get; private init; }

    /// <summary>An FD implied by <paramref name="basis"/> (not stated as such).</summary>
    public static TableDependency DerivedFd(FunctionalDependency fd, IReadOnlyList<TableDependency> basis) =>
        new(DependencyKind.Fd, fd, null, null, Primary(basis).Source, Primary(basis).Location, "derived", null, basis);

    /// <summary>An MVD implied by <paramref name="basis"/> (not stated as such).</summary>
    public static TableDependency DerivedMvd(MultivaluedDependency mvd, IReadOnlyList<TableDependency> basis) =>
        new(DependencyKind.Mvd, null, mvd, null, Primary(basis).Source, Primary(basis).Location, "derived", null, basis);

    /// <summary>
    /// The part X -> Y' (Y' ⊆ Y) of a stated FD X -> Y, with the same source, location and evidence: what a
    /// finding names when only some of the right side breaks a normal form.
    /// </summary>
    public TableDependency Restrict(AttributeSet rhs)
    {
        if (Fd is not { } fd) throw new InvalidOperationException("only an FD can be restricted");
        if (fd.Rhs == rhs) return this;
        if (!rhs.IsSubsetOf(fd.Rhs)) throw new ArgumentException("the restricted right side must be part of the FD's", nameof(rhs));
        return new(DependencyKind.Fd, new FunctionalDependency(fd.Lhs, rhs), null, null, Source, Location, Origin, Evidence, DerivedFrom) { IsKeyFromRows = IsKeyFromRows, IsFromNames = IsFromNames };
    }

    private static TableDependency Primary(IReadOnlyList<TableDependency> basis) =>
        basis.Count > 0 ? basis[0] : throw new ArgumentException("a derived dependency needs at least one basis dependency", nameof(basis));

    public DependencyKind Kind { get; }
    public FunctionalDependency? Fd { get; }
    public MultivaluedDependency? Mvd { get; }
    public JoinDependency? Jd { get; }
    public DependencySource Source { get; }

    /// <summary>The annotation, key constraint or foreign key that states it; null for data and config entries without one.</summary>
    public SourceLocation? Location { get; }

    /// <summary>A short account of the origin: "PRIMARY KEY PK_Orders", "annotation", "config", "derived", ...</summary>
    public string? Origin { get; }

    /// <summary>Support and error in the sample rows (dependencies found in data; schema inferences checked against data).</summary>
    public DataEvidence? Evidence { get; }

    public IReadOnlyList<TableDependency> DerivedFrom { get; }

    public bool IsDerived => DerivedFrom.Count > 0;

    /// <summary>Left side of an FD or MVD (empty for a JD).</summary>
    public AttributeSet Lhs => Fd?.Lhs ?? Mvd?.Lhs ?? AttributeSet.Empty;

    /// <summary>Right side of an FD or MVD (empty for a JD).</summary>
    public AttributeSet Rhs => Fd?.Rhs ?? Mvd?.Rhs ?? AttributeSet.Empty;

    /// <summary>Components of a JD (empty for an FD or MVD).</summary>
    public IReadOnlyList<AttributeSet> Components => Jd?.Components ?? [];

    /// <summary>Every column the dependency names.</summary>
    public AttributeSet Columns => Kind == DependencyKind.Jd ? Jd!.Attributes : Lhs | Rhs;

    /// <summary>"Ssn -> Ename", "Course ->> Teacher", "⋈[(S#, P#); (P#, J#); (S#, J#)]".</summary>
    public string Format(IReadOnlyList<string> names) => Kind switch
    {
        DependencyKind.Fd => Fd!.Value.Format(names),
        DependencyKind.Mvd => Mvd!.Value.Format(names),
        _ => Jd!.Format(names),
    };

    public override string ToString() => Kind switch
    {
        DependencyKind.Fd => $"{Fd} ({Source.Display()})",
        DependencyKind.Mvd => $"{Mvd} ({Source.Display()})",
        _ => $"{Jd} ({Source.Display()})",
    };
}
