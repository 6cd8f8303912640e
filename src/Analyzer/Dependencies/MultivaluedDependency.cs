namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>X ->> Y over the column positions of one table (with universe U it also states X ->> U - X - Y).</summary>
public readonly record struct MultivaluedDependency(AttributeSet Lhs, AttributeSet Rhs)
{
    /// <summary>Trivial when Y ⊆ X or X ∪ Y = U.</summary>
    public bool IsTrivial(AttributeSet universe) => Rhs.IsSubsetOf(Lhs) || (Lhs | Rhs) == universe;

    /// <summary>The other side of the split: U - X - Y.</summary>
    public AttributeSet Complement(AttributeSet universe) => universe - Lhs - Rhs;

    /// <summary>The same MVD with the left side removed from the right side.</summary>
    public MultivaluedDependency Normalized => new(Lhs, Rhs - Lhs);

    public string Format(IReadOnlyList<string> names) =>
        (Lhs.IsEmpty ? "∅" : Lhs.Format(names)) + " ->> " + Rhs.Format(names);

    public override string ToString() => $"{Lhs} ->> {Rhs}";
}
