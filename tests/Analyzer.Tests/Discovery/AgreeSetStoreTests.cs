using SchemaNorm.Analyzer.Discovery.Engine.Common;
using SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The hashed agree-set store (tables too wide for the bitmap) is a set, including the set its free slots hold.</summary>
public class AgreeSetStoreTests
{
    [Fact]
    public void Hashed_store_keeps_each_set_once_across_growth()
    {
        var store = new AgreeSetStore<Bits128>(100, capacity: 4);
        Assert.False(store.UsesBitmap);
        var random = new Random(5);
        var reference = new HashSet<Bits128>();
        for (int i = 0; i < 20_000; i++)
        {
            var set = Bits128.Empty;
            for (int b = 0; b < 100; b++)
                if (random.Next(8) == 0) set = set.With(b);
            if (i % 7 == 0) set = Bits128.Empty.With(random.Next(3));
            Assert.Equal(reference.Add(set), store.Add(set));
        }
        Assert.Equal(reference.Count, store.Count);
        Assert.All(reference, s => Assert.True(store.Contains(s)));
        Assert.False(store.Contains(Bits128.FirstN(101)));
        Assert.Equal(reference.Count, store.TakePending().Count);
    }

    [Fact]
    public void A_set_of_every_bit_is_stored_like_any_other()
    {
        var store = new AgreeSetStore<Bits64>(64);
        var all = Bits64.FirstN(64);
        Assert.False(store.Contains(all));
        Assert.True(store.Add(all));
        Assert.False(store.Add(all));
        Assert.True(store.Add(Bits64.Empty));
        Assert.True(store.Contains(all));
        Assert.True(store.Contains(Bits64.Empty));
        Assert.Equal(2, store.Count);
        Assert.Equal(new[] { all, Bits64.Empty }, store.TakePending());
    }
}
