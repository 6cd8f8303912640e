using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Tests.Dependencies;

public class AttributeSetTests
{
    // Random sets over up to 200 columns, checked against SortedSet<int>, the obvious reference.
    [Theory]
    [InlineData(10, 1)]
    [InlineData(64, 2)]
    [InlineData(65, 3)]
    [InlineData(200, 4)]
    public void Operations_agree_with_a_sorted_set(int width, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 300; trial++)
        {
            var a = RandomSet(rng, width);
            var b = RandomSet(rng, width);
            var sa = AttributeSet.Of(a);
            var sb = AttributeSet.Of(b);

            Assert.Equal(a.Order(), sa.ToArray());
            Assert.Equal(a.Count, sa.Count);
            Assert.Equal(a.Union(b).Order(), (sa | sb).ToArray());
            Assert.Equal(a.Intersect(b).Order(), (sa & sb).ToArray());
            Assert.Equal(a.Except(b).Order(), (sa - sb).ToArray());
            Assert.Equal(a.IsSubsetOf(b), sa.IsSubsetOf(sb));
            Assert.Equal(a.Overlaps(b), sa.Overlaps(sb));
            Assert.Equal(a.Count == 0 ? -1 : a.Min, sa.First());

            // Equal sets built different ways are equal and hash alike.
            var rebuilt = (sa | sb) - (sb - sa);
            Assert.Equal(sa, rebuilt);
            Assert.Equal(sa.GetHashCode(), rebuilt.GetHashCode());

            foreach (var x in a) Assert.True(sa.Contains(x));
            int missing = rng.Next(width);
            Assert.Equal(a.Contains(missing), sa.Contains(missing));
            Assert.False(sa.Without(missing).Contains(missing));
            Assert.True(sa.With(missing).Contains(missing));
        }
    }

    [Fact]
    public void Range_holds_exactly_the_first_columns()
    {
        foreach (var n in new[] { 0, 1, 63, 64, 65, 128, 129, 223 })
        {
            var r = AttributeSet.Range(n);
            Assert.Equal(n, r.Count);
            Assert.Equal(Enumerable.Range(0, n), r.ToArray());
            Assert.False(r.Contains(n));
        }
    }

    [Fact]
    public void Removing_high_columns_gives_back_the_low_representation()
    {
        var low = AttributeSet.Of(1, 5);
        var wide = low.With(150).Without(150);
        Assert.Equal(low, wide);
        Assert.Equal(1, wide.WordCount);
    }

    [Fact]
    public void Sort_order_is_size_then_column_order()
    {
        var sets = new[] { AttributeSet.Of(2, 3), AttributeSet.Of(0, 5), AttributeSet.Of(4), AttributeSet.Of(0, 1, 2) };
        var sorted = sets.Order().Select(s => s.ToString()).ToArray();
        Assert.Equal(["{4}", "{0,5}", "{2,3}", "{0,1,2}"], sorted);
    }

    [Fact]
    public void Format_uses_column_names_in_column_order()
    {
        var names = new[] { "Ssn", "Pnumber", "Hours" };
        Assert.Equal("Ssn, Hours", AttributeSet.Of(2, 0).Format(names));
    }

    private static SortedSet<int> RandomSet(Random rng, int width)
    {
        var s = new SortedSet<int>();
        int n = rng.Next(width + 1);
        for (int i = 0; i < n; i++) s.Add(rng.Next(width));
        return s;
    }
}
