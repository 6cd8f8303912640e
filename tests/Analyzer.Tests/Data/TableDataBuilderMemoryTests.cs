using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Data;

/// <summary>What the builder allocates while rows come in, counted in bytes on this thread (no timing).</summary>
public class TableDataBuilderMemoryTests
{
    private const int Rows = 100_000;

    [Fact]
    public void Codes_of_a_long_column_cost_little_more_than_their_final_size_and_come_out_exact()
    {
        var b = new TableDataBuilder(["a", "b", "c", "d"]);
        var spellings = Enumerable.Range(0, 7).Select(i => "v" + i).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < 4; c++) b.Add(spellings[(r * (c + 1)) % 7].AsSpan());
            b.EndRow();
        }
        var data = b.Build();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        long finalCodes = 4L * Rows * sizeof(int);
        // Blocks of one byte a code while reading, then one exact copy. Blocks of ints would cost twice the
        // final codes, an array grown by doubling about 3.6 times.
        Assert.InRange(allocated, finalCodes, finalCodes * 3 / 2);
        for (int c = 0; c < 4; c++)
        {
            var codes = data.Columns[c].Codes;
            Assert.Equal(Rows, codes.Length);
            for (int r = 0; r < Rows; r += 997) Assert.Equal(spellings[(r * (c + 1)) % 7], data.Columns[c].Values[codes[r]]);
        }
    }

    [Fact]
    public void A_column_of_distinct_values_keeps_no_list_of_spellings_beside_its_dictionary()
    {
        const int distinct = 80_000;
        var spellings = Enumerable.Range(0, distinct).Select(i => "x" + i).ToArray();
        var b = new TableDataBuilder(["k"]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in spellings) b.AddRow(s);
        var data = b.Build();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Strings, spellings by code and codes are needed; the dictionary with its growth costs about 105
        // bytes a value here, and a list of spellings grown by doubling would add about 26 more.
        long strings = spellings.Sum(s => 22L + 2 * s.Length + 7 & ~7L);
        long needed = strings + (distinct + 1) * 8L + 2L * distinct * sizeof(int);
        Assert.InRange(allocated, needed, needed + distinct * 115L);
        Assert.Equal(new string?[] { null }.Concat(spellings), data.Columns[0].Values);
    }

    [Fact]
    public void Codes_widen_past_one_and_two_bytes_without_changing()
    {
        var b = new TableDataBuilder(["k", "few"]);
        const int rows = 70_000;
        for (int r = 0; r < rows; r++)
        {
            b.Add(("k" + r).AsSpan());
            if (r % 3 == 0) b.AddNull();
            else b.Add((r % 300).ToString().AsSpan());
            b.EndRow();
        }
        var data = b.Build();
        Assert.Equal(Enumerable.Range(1, rows), data.Columns[0].Codes);
        for (int r = 0; r < rows; r++)
            Assert.Equal(r % 3 == 0 ? null : (r % 300).ToString(), data.Columns[1].ValueAt(r));
    }

    [Fact]
    public void Spellings_stay_the_first_read_when_keys_stop_being_spellings_halfway()
    {
        // Trailing spaces are trimmed from the key of a char column: the first such value makes the
        // spellings differ from the keys, after keys that were their spellings.
        var b = new TableDataBuilder(["c"], [ValueSemantics.For(new SqlType("char", Length: 10))]);
        foreach (var v in new[] { "a", "B", "b", "c  ", "C", "d", null, "e " }) b.AddRow(v);
        var column = b.Build().Columns[0];
        Assert.Equal(new string?[] { null, "a", "B", "c  ", "d", "e " }, column.Values);
        Assert.Equal([1, 2, 2, 3, 3, 4, 0, 5], column.Codes);
    }
}
