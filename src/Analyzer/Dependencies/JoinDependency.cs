namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// ⋈[R1, ..., Rk]: the table equals the join of its projections onto the components.
/// Components are kept sorted (by size, then column order) so that equal JDs compare equal.
/// </summary>
public sealed class JoinDependency : IEquatable<JoinDependency>
{
    public JoinDependency(IEnumerable<AttributeSet> components)
    {
        var list = components.Distinct().ToList();
        list.Sort();
        Components = list;
    }

    public IReadOnlyList<AttributeSet> Components { get; }

    public AttributeSet Attributes
    {
        get
        {
            var all = AttributeSet.Empty;
            foreach (var c in Components) all |= c;
            return all;
        }
    }

    /// <summary>Trivial when one component is the whole table.</summary>
    public bool IsTrivial(AttributeSet universe) => Components.Any(c => c == universe);

    /// <summary>The binary JD ⋈[XY, X(U-Y)] that X ->> Y states.</summary>
    public static JoinDependency FromMvd(MultivaluedDependency mvd, AttributeSet universe) =>
        new([mvd.Lhs | mvd.Rhs, universe - (mvd.Rhs - mvd.Lhs)]);

    public bool Equals(JoinDependency? other) =>
        other is not null && Components.SequenceEqual(other.Components);

    public override bool Equals(object? obj) => Equals(obj as JoinDependency);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in Components) h.Add(c);
        return h.ToHashCode();
    }

    public string Format(IReadOnlyList<string> names) =>
        "⋈[" + string.Join("; ", Components.Select(c => "(" + c.Format(names) + ")")) + "]";

    public override string ToString() => "⋈[" + string.Join(", ", Components) + "]";
}
