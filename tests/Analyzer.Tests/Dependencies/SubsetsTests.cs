using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Tests.Dependencies.Reference;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class SubsetsTests
{
    [Theory]
    [InlineData(new[] { 1, 3, 4, 6 }, 0, int.MaxValue)]
    [InlineData(new[] { 0, 2, 5, 63, 64, 130 }, 1, 4)]
    [InlineData(new[] { 7 }, 0, 0)]
    [InlineData(new int[0], 0, 3)]
    [InlineData(new[] { 1, 2, 3 }, 2, 1)]
    public void Subsets_by_size_are_every_subset_in_the_size_bounds_in_set_order(int[] columns, int min, int max)
    {
        var set = AttributeSet.Of(columns);
        var expected = Naive.Subsets(set).Where(s => s.Count >= min && s.Count <= max).ToList();
        expected.Sort();

        Assert.Equal(expected, Subsets.BySize(set, min, max));
    }

    [Fact]
    public void Subsets_of_one_size_leave_the_others_out()
    {
        var set = AttributeSet.Of(0, 1, 2, 3);

        Assert.Equal([AttributeSet.Of(0, 1, 2), AttributeSet.Of(0, 1, 3), AttributeSet.Of(0, 2, 3), AttributeSet.Of(1, 2, 3)], Subsets.OfSize(set, 3));
        Assert.Empty(Subsets.OfSize(set, 5));
        Assert.Equal([AttributeSet.Empty], Subsets.OfSize(set, 0));
    }
}
