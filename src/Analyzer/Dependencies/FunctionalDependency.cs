namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>X -> Y over the column positions of one table.</summary>
public readonly record struct FunctionalDependency(AttributeSet Lhs, AttributeSet Rhs)
{
    public FunctionalDependency(AttributeSet lhs, int rhs) : this(lhs, AttributeSet.Single(rhs)) { }

    /// <summary>Y ⊆ X: holds in every relation.</summary>
    public bool IsTrivial => Rhs.IsSubsetOf(Lhs);

    /// <summary>The same FD split into one FD per right-hand attribute not already on the left.</summary>
    public IEnumerable<FunctionalDependency> SplitRhs()
    {
        foreach (var a in Rhs - Lhs) yield return new FunctionalDependency(Lhs, a);
    }

    public string Format(IReadOnlyList<string> names) =>
        (Lhs.IsEmpty ? "∅" : Lhs.Format(names)) + " -> " + Rhs.Format(names);

    public override string ToString() => $"{Lhs} -> {Rhs}";
}
