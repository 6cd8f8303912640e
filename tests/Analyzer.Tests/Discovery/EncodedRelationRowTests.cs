using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Discovery.Engine.Common;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>Row codes take half a cache line when they fit in 32 bytes, and agree sets stay those of the codes.</summary>
public class EncodedRelationRowTests
{
    private static TableData Rows(int columns, int rows, int distinct, int seed)
    {
        var random = new Random(seed);
        var builder = new TableDataBuilder(Enumerable.Range(0, columns).Select(c => "c" + c).ToArray());
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                // A few NULLs, and one column with every value distinct to widen the codes.
                if (c == 0) builder.Add((r % (distinct + 1)).ToString());
                else if (random.Next(20) == 0) builder.AddNull();
                else builder.Add(random.Next(1 + c % 5).ToString());
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    [Theory]
    [InlineData(32, 100, 1, 32)]     // 32 byte codes: half a line
    [InlineData(33, 100, 1, 64)]
    [InlineData(16, 1000, 2, 32)]    // 16 short codes
    [InlineData(17, 1000, 2, 64)]
    [InlineData(8, 70000, 4, 32)]    // 8 int codes
    [InlineData(9, 70000, 4, 64)]
    [InlineData(40, 1000, 2, 128)]
    public void Rows_take_the_fewest_bytes_and_agree_sets_match_the_codes(int columns, int distinct, int elementBytes, int rowBytes)
    {
        int n = Math.Max(300, distinct + 2);
        foreach (var nulls in new[] { NullSemantics.Equal, NullSemantics.Distinct })
        {
            var data = Rows(columns, n, distinct, columns);
            var rel = EncodedRelation.Create(data, Enumerable.Range(0, columns).ToList(), nulls);
            Assert.Equal(rowBytes, rel.RowBytes);
            Assert.True(rel.RowBytes >= columns * elementBytes);
            Assert.Equal((long)n * rowBytes + 64, rel.RecordBytes);
            var random = new Random(5);
            for (int k = 0; k < 2000; k++)
            {
                int r1 = random.Next(n), r2 = k % 7 == 0 ? r1 : random.Next(n);
                var expected = new Bits128();
                for (int p = 0; p < columns; p++)
                    if (rel.Codes[p][r1] == rel.Codes[p][r2]) expected = expected.With(p);
                Assert.Equal(expected, rel.Agree<Bits128>(r1, r2));
            }
        }
    }
}
