using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>X -> A found in the data; <see cref="Error"/> is its g3 error (0 when it holds exactly).</summary>
public sealed record DiscoveredFd(AttributeSet Lhs, int Rhs, double Error = 0)
{
    public FunctionalDependency ToDependency() => new(Lhs, Rhs);

    public string Format(IReadOnlyList<string> names) =>
        (Lhs.IsEmpty ? "∅" : Lhs.Format(names)) + " -> " + (Rhs < names.Count ? names[Rhs] : "#" + Rhs);

    public override string ToString() => $"{Lhs} -> {Rhs}" + (Error > 0 ? $" (g3 {Error:0.####})" : "");
}

/// <summary>
/// X ->> Y | Z found in the data: the rows of every X-group are all combinations of their Y-part and their
/// Z-part (Z = the other columns).
/// </summary>
public sealed record DiscoveredMvd(AttributeSet Lhs, AttributeSet Rhs, AttributeSet Complement)
{
    public MultivaluedDependency ToDependency() => new(Lhs, Rhs);

    public string Format(IReadOnlyList<string> names) =>
        (Lhs.IsEmpty ? "∅" : Lhs.Format(names)) + " ->> " + Rhs.Format(names) + " | " + Complement.Format(names);
}

/// <summary>⋈[R1, ..., Rk] found in the data: the rows equal the join of their projections onto the components.</summary>
public sealed record DiscoveredJd(IReadOnlyList<AttributeSet> Components)
{
    public JoinDependency ToDependency() => new(Components);

    public string Format(IReadOnlyList<string> names) => ToDependency().Format(names);
}
