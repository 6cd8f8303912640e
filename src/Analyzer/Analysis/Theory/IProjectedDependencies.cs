using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Theory;

/// <summary>
/// The dependencies that hold in a set of columns S of a table (its projection), as the normal-form tests
/// of <see cref="NormalFormTheory"/> ask for them. Each answer may be worked out on demand, and may throw
/// <see cref="DependencyLimitException"/> when that takes more than its bound.
/// </summary>
public interface IProjectedDependencies
{
    /// <summary>S.</summary>
    AttributeSet Columns { get; }

    /// <summary>
    /// The table's FDs when it has no MVD or JD, else null. With FDs alone π_S of them is all that holds in
    /// S, and every embedded MVD or JD of S follows from its FDs (4NF and 5NF of S are BCNF).
    /// </summary>
    FunctionalDependencySet? OnlyFds { get; }

    /// <summary>X⁺ under all the table's dependencies, for X ⊆ S (it may hold columns outside S).</summary>
    AttributeSet Closure(AttributeSet x);

    /// <summary>A cover of the FDs that hold in S: one column on the right, left sides minimal.</summary>
    IReadOnlyList<FunctionalDependency> Cover();

    /// <summary>The candidate keys of S.</summary>
    IReadOnlyList<AttributeSet> Keys();

    /// <summary>The finest partition of S − X into blocks B such that X ->> B holds in S.</summary>
    IReadOnlyList<AttributeSet> Basis(AttributeSet x);

    /// <summary>The JDs with components inside S that hold in S, none trivial, each once.</summary>
    IReadOnlyList<JoinDependency> JoinDependencies();

    /// <summary>Widest S whose subsets are searched one by one (for the MVDs of S).</summary>
    int MaxExhaustiveColumns { get; }

    /// <summary>Rows a chase tableau may grow to.</summary>
    int ChaseMaxRows { get; }
}
