using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Discovery.Engine.Common;
using SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>
/// Pair sampling copies the clusters of its busiest columns in sorted order, only to read memory in order:
/// bounding those copies (or making none) must change no agree set and no comparison, and the default
/// bound keeps them within the size of the rows.
/// </summary>
public class PairSamplerCopyTests
{
    private const int Columns = 16;

    private static TableData Rows(int n)
    {
        var random = new Random(12);
        var builder = new TableDataBuilder(Enumerable.Range(0, Columns).Select(c => "c" + c).ToArray());
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < Columns; c++) builder.Add(random.Next(2 + c % 4).ToString());
            builder.EndRow();
        }
        return builder.Build();
    }

    private static (List<Bits64> AgreeSets, long Comparisons, long CopyBytes, long RecordBytes) Sample(TableData data, long? copyBudget)
    {
        var rel = EncodedRelation.Create(data, Enumerable.Range(0, Columns).ToList(), NullSemantics.Equal);
        var store = new AgreeSetStore<Bits64>(rel.ColumnCount);
        var sampler = new PairSampler<Bits64>(rel, store, copyBudget);
        var control = new RunControl(new DiscoveryOptions());
        long copyBytes = 0;
        foreach (var threshold in new[] { 0.01, 0.001, 0.0001 })
        {
            sampler.Run(threshold, control);
            copyBytes = Math.Max(copyBytes, sampler.MemoryBytes);
        }
        var sets = store.TakePending();
        sets.Sort((x, y) => x.Word(0).CompareTo(y.Word(0)));
        return (sets, sampler.Comparisons, copyBytes, rel.RecordBytes);
    }

    [Fact]
    public void Bounded_copies_find_the_same_agree_sets_with_the_same_comparisons()
    {
        var data = Rows(20_000);
        var none = Sample(data, 0);
        var unbounded = Sample(data, long.MaxValue);
        var bounded = Sample(data, null);

        Assert.Equal(0, none.CopyBytes);
        Assert.True(unbounded.CopyBytes > unbounded.RecordBytes, $"the test needs copies past the rows' size: {unbounded.CopyBytes}");
        Assert.InRange(bounded.CopyBytes, 1, bounded.RecordBytes);
        Assert.Equal(none.AgreeSets, unbounded.AgreeSets);
        Assert.Equal(none.AgreeSets, bounded.AgreeSets);
        Assert.Equal(none.Comparisons, unbounded.Comparisons);
        Assert.Equal(none.Comparisons, bounded.Comparisons);
    }

    [Fact]
    public unsafe void Copied_rows_start_on_a_cache_line_and_equal_the_rows()
    {
        var data = Rows(300);
        var rel = EncodedRelation.Create(data, Enumerable.Range(0, Columns).ToList(), NullSemantics.Equal);
        Assert.Equal(0, (long)rel.Row(0) % 64);
        int[] rows = [5, 0, 299, 17];
        var block = rel.CopyRows(rows);
        byte* start = EncodedRelation.CopyStart(block);
        Assert.Equal(0, (long)start % 64);
        for (int i = 0; i < rows.Length; i++)
            Assert.True(new ReadOnlySpan<byte>(start + i * rel.RowBytes, rel.RowBytes).SequenceEqual(new ReadOnlySpan<byte>(rel.Row(rows[i]), rel.RowBytes)));
    }
}
