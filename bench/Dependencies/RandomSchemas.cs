using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Bench.Dependencies;

/// <summary>Seeded random FD sets for the dependency benchmarks.</summary>
internal static class RandomSchemas
{
    /// <summary>
    /// <paramref name="count"/> FDs over <paramref name="width"/> columns, left sides of
    /// <paramref name="minLhs"/>..4 columns, right sides of 1..2.
    /// </summary>
    public static FunctionalDependencySet Table(Random rng, int width, int count, int minLhs = 1)
    {
        var fds = new List<FunctionalDependency>(count);
        for (int i = 0; i < count; i++)
            fds.Add(new FunctionalDependency(Subset(rng, width, rng.Next(minLhs, 5)), Subset(rng, width, rng.Next(1, 3))));
        return new FunctionalDependencySet(width, fds);
    }

    public static AttributeSet Subset(Random rng, int width, int size)
    {
        var set = AttributeSet.Empty;
        while (set.Count < size) set = set.With(rng.Next(width));
        return set;
    }
}
