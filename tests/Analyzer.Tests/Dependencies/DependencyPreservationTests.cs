using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;
using static SchemaNorm.Analyzer.Tests.Dependencies.Reference.RandomDependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class DependencyPreservationTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 3)]
    public void Lost_dependencies_are_those_the_projections_do_not_imply(int width, int seed)
    {
        var rng = new Random(seed);
        int lossy = 0, preserving = 0;
        for (int trial = 0; trial < 80; trial++)
        {
            var fds = Fds(rng, width, rng.Next(1, 2 * width));
            var set = Set(width, fds);
            var comps = Components(rng, width, rng.Next(1, 4));

            var expected = new List<FunctionalDependency>();
            foreach (var fd in fds)
            {
                var lostPart = AttributeSet.Of((fd.Rhs - fd.Lhs).ToArray().Where(a =>
                    !Naive.Preserved(fds, comps, new FunctionalDependency(fd.Lhs, AttributeSet.Single(a)))));
                if (!lostPart.IsEmpty) expected.Add(new FunctionalDependency(fd.Lhs, lostPart));
                Assert.Equal(lostPart.IsEmpty, DependencyPreservation.IsPreserved(set, comps, fd));
            }
            Assert.Equal(expected, DependencyPreservation.LostDependencies(set, comps));
            Assert.Equal(expected.Count == 0, DependencyPreservation.IsPreserving(set, comps));
            if (expected.Count == 0) preserving++; else lossy++;
        }
        Assert.True(lossy > 5 && preserving > 5, $"both outcomes should occur ({lossy}/{preserving})");
    }
}
