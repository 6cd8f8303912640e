using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies.Reference;

/// <summary>Seeded random dependency sets for the property tests.</summary>
internal static class RandomDependencies
{
    public static AttributeSet Subset(Random rng, int width, int minSize, int maxSize)
    {
        int size = rng.Next(minSize, maxSize + 1);
        var set = AttributeSet.Empty;
        while (set.Count < Math.Min(size, width)) set = set.With(rng.Next(width));
        return set;
    }

    /// <summary>FDs with left sides of 0..maxLhs columns (empty ones rare) and right sides of 1..maxRhs.</summary>
    public static List<FunctionalDependency> Fds(Random rng, int width, int count, int maxLhs = 3, int maxRhs = 2)
    {
        var list = new List<FunctionalDependency>();
        for (int i = 0; i < count; i++)
        {
            int minLhs = rng.Next(25) == 0 ? 0 : 1;
            list.Add(new FunctionalDependency(Subset(rng, width, minLhs, maxLhs), Subset(rng, width, 1, maxRhs)));
        }
        return list;
    }

    public static List<MultivaluedDependency> Mvds(Random rng, int width, int count)
    {
        var list = new List<MultivaluedDependency>();
        for (int i = 0; i < count; i++)
            list.Add(new MultivaluedDependency(Subset(rng, width, 0, 2), Subset(rng, width, 1, Math.Max(1, width / 2))));
        return list;
    }

    /// <summary>A JD of 2..3 components that together cover all columns.</summary>
    public static JoinDependency Jd(Random rng, int width) => new(Components(rng, width, rng.Next(2, 4)));

    /// <summary>k random components whose union is every column.</summary>
    public static List<AttributeSet> Components(Random rng, int width, int k)
    {
        var comps = Enumerable.Range(0, k).Select(_ => Subset(rng, width, 1, Math.Max(1, width - 1))).ToList();
        for (int a = 0; a < width; a++)
        {
            if (comps.Any(c => c.Contains(a))) continue;
            int i = rng.Next(k);
            comps[i] = comps[i].With(a);
        }
        return comps;
    }

    public static FunctionalDependencySet Set(int width, IEnumerable<FunctionalDependency> fds) => new(width, fds);
}
