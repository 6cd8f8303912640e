namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Finds a BCNF violation of a subschema S under F: X ⊆ S with X⁺ ∩ S ⊋ X and X⁺ ⊉ S. Deciding this is
/// coNP-complete in general (Beeri &amp; Bernstein, TODS 1979), because the FDs that hold in S are those of
/// the projection π_S(F), which can be exponentially large; this search avoids building it.
/// <para>
/// First the FDs of F whose left side lies in S are checked; when every left side of F lies in S that
/// is already exact, because {V -> W ∩ S} is then a cover of π_S(F), and a cover suffices for BCNF.
/// </para>
/// <para>
/// Otherwise: a violation exists iff, for some B ∈ S, some maximal M ⊆ S − B with B ∉ M⁺ holds a column
/// A with A ∈ (M − A)⁺. (Any violation X misses some B ∈ S from X⁺ and lies in such an M; M is closed
/// within S, so its violations are FDs among its own columns, and a non-trivial one shows as some A
/// determined by M − A.) The maximal sets M are reached by a hitting-set search from S − B: while the
/// current set X still determines B, take a minimal determinant D ⊆ X of B and branch on X − d for
/// d ∈ D. A branch stops when X has no column determined by its other columns, because no subset of X
/// can then have one either. Exact; bounded by a number of search steps.
/// </para>
/// </summary>
public static class BcnfViolation
{
    public const int DefaultMaxSteps = 100_000;

    /// <summary>
    /// A violating FD X -> Y with X ⊆ S minimal for some column it determines, Y = (X⁺ ∩ S) − X, X not
    /// a superkey of S; null when S is in BCNF. Throws <see cref="DependencyLimitException"/> past
    /// <paramref name="maxSteps"/> search steps.
    /// </summary>
    public static FunctionalDependency? Find(FunctionalDependencySet fds, AttributeSet subschema, int maxSteps = DefaultMaxSteps)
    {
        if (!subschema.IsSubsetOf(fds.Universe))
            throw new ArgumentException($"subschema {subschema} names a column outside 0..{fds.AttributeCount - 1}", nameof(subschema));
        var closure = new ClosureComputer(fds);

        bool exact = true;
        foreach (var fd in fds)
        {
            if (!fd.Lhs.IsSubsetOf(subschema)) { exact = false; continue; }
            var inside = (fd.Rhs & subschema) - fd.Lhs;
            if (inside.IsEmpty) continue;
            if (!closure.Determines(fd.Lhs, subschema)) return Violation(closure, subschema, fd.Lhs, inside.First());
        }
        if (exact) return null;

        return new Search(closure, subschema, maxSteps).Run();
    }

    public static bool IsBcnf(FunctionalDependencySet fds, AttributeSet subschema, int maxSteps = DefaultMaxSteps) =>
        Find(fds, subschema, maxSteps) is null;

    /// <summary>
    /// Builds the reported FD from a non-superkey Y of S that determines A ∉ Y: Y shrunk to a minimal
    /// determinant of A (still no superkey), with everything it determines in S on the right.
    /// </summary>
    private static FunctionalDependency Violation(ClosureComputer closure, AttributeSet s, AttributeSet y, int a)
    {
        var target = AttributeSet.Single(a);
        var lhs = y;
        foreach (var b in y)
        {
            var smaller = lhs.Without(b);
            if (closure.Determines(smaller, target)) lhs = smaller;
        }
        return new FunctionalDependency(lhs, (closure.Closure(lhs) & s) - lhs);
    }

    private sealed class Search(ClosureComputer closure, AttributeSet s, int maxSteps)
    {
        private readonly Dictionary<AttributeSet, int> _determinedColumn = []; // X -> some A ∈ X with A ∈ (X−A)⁺, or -1
        private readonly HashSet<AttributeSet> _visited = [];
        private int _steps;
        private AttributeSet _b;

        public FunctionalDependency? Run()
        {
            foreach (var b in s)
            {
                _b = AttributeSet.Single(b);
                _visited.Clear();
                if (Visit(s.Without(b)) is { } found) return found;
            }
            return null;
        }

        private FunctionalDependency? Visit(AttributeSet x)
        {
            if (!_visited.Add(x)) return null;
            if (++_steps > maxSteps)
                throw new DependencyLimitException(
                    $"BCNF test of a {s.Count}-column subschema: more than {maxSteps:N0} search steps " +
                    "(deciding BCNF of a projection is coNP-complete)");

            if (!closure.Determines(x, _b))
            {
                // x is no superkey of S: it violates BCNF itself, or through a column determined inside it.
                var outside = (closure.Closure(x) & s) - x;
                if (!outside.IsEmpty) return Violation(closure, s, x, outside.First());
                int a = DeterminedColumn(x);
                return a >= 0 ? Violation(closure, s, x.Without(a), a) : null;
            }

            if (DeterminedColumn(x) < 0) return null; // no subset of x has a non-trivial FD inside it

            // Every subset of x that misses B from its closure misses a column of a minimal determinant of B.
            var determinant = x;
            foreach (var d in x)
            {
                var smaller = determinant.Without(d);
                if (closure.Determines(smaller, _b)) determinant = smaller;
            }
            foreach (var d in determinant)
                if (Visit(x.Without(d)) is { } found) return found;
            return null;
        }

        private int DeterminedColumn(AttributeSet x)
        {
            if (_determinedColumn.TryGetValue(x, out int known)) return known;
            int result = -1;
            foreach (var a in x)
                if (closure.Determines(x.Without(a), AttributeSet.Single(a))) { result = a; break; }
            _determinedColumn[x] = result;
            return result;
        }
    }
}
