using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SchemaNorm.Analyzer.Data;

namespace SchemaNorm.Analyzer.Discovery.Engine;

/// <summary>
/// The rows as the engines see them: only the observed columns, in an internal order (the most selective
/// column first, so that an attribute set's first member is the cheapest one to start a validation
/// from), with NULL recoded according to the null semantics, one stripped partition per column, and
/// the codes again row by row so that the agree set of two rows is a few vector compares.
/// </summary>
internal sealed unsafe class EncodedRelation
{
    private readonly int[] _records; // pinned, row-major, Stride ints per row
    private readonly int* _base;

    private EncodedRelation(int rowCount, int[] columnOf, int[][] codes, int[] distinct, StrippedPartition[] plis, bool[] hasNulls)
    {
        RowCount = rowCount;
        ColumnOf = columnOf;
        Codes = codes;
        Distinct = distinct;
        Partitions = plis;
        HasNulls = hasNulls;
        int m = columnOf.Length;
        Stride = Math.Max(16, (m + 15) & ~15);
        // Pinned (on the pinned object heap), so the address taken once stays valid.
        _records = GC.AllocateArray<int>(Math.Max(Stride, checked(rowCount * Stride)), pinned: true);
        _base = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_records));
        for (int r = 0; r < rowCount; r++)
        {
            var row = _records.AsSpan(r * Stride, Stride);
            // Padding gets a value of the row's own (codes are never negative), so it never agrees.
            row[m..].Fill(-1 - r);
            for (int c = 0; c < m; c++) row[c] = codes[c][r];
        }
    }

    public int RowCount { get; }

    /// <summary>Engine position → column of the table.</summary>
    public int[] ColumnOf { get; }

    public int ColumnCount => ColumnOf.Length;

    /// <summary>Codes per engine position; equal codes mean equal values under the chosen null semantics.</summary>
    public int[][] Codes { get; }

    /// <summary>Codes of position p lie in [0, Distinct[p]).</summary>
    public int[] Distinct { get; }

    public int MaxDistinct => Distinct.Length == 0 ? 1 : Math.Max(1, Distinct.Max());

    public StrippedPartition[] Partitions { get; }

    /// <summary>Whether the column holds a NULL (before recoding).</summary>
    public bool[] HasNulls { get; }

    public int Stride { get; }

    public long MemoryBytes => (long)_records.Length * 4 + Codes.Sum(c => (long)c.Length * 4) + Partitions.Sum(p => (long)p.Rows.Length * 4);

    /// <summary>
    /// Encodes the given table columns. Under <see cref="NullSemantics.Distinct"/> every NULL gets a code of
    /// its own, so that it equals nothing, not even another NULL; under Equal code 0 is an ordinary value.
    /// </summary>
    public static EncodedRelation Create(TableData data, IReadOnlyList<int> columns, NullSemantics nulls)
    {
        int n = data.RowCount, m = columns.Count;
        var codes = new int[m][];
        var distinct = new int[m];
        var hasNulls = new bool[m];
        for (int i = 0; i < m; i++)
        {
            var col = data.Columns[columns[i]];
            hasNulls[i] = col.HasNulls;
            int d = col.Values.Length; // codes are 0 (NULL) .. Values.Length-1
            if (nulls == NullSemantics.Distinct && col.HasNulls)
            {
                var recoded = (int[])col.Codes.Clone();
                for (int r = 0; r < n; r++)
                    if (recoded[r] == ColumnData.NullCode) recoded[r] = d++;
                codes[i] = recoded;
            }
            else codes[i] = col.Codes;
            distinct[i] = Math.Max(d, 1);
        }
        var plis = new StrippedPartition[m];
        for (int i = 0; i < m; i++) plis[i] = StrippedPartition.FromCodes(codes[i], distinct[i]);

        // Most selective first: fewest rows in clusters, then most clusters, then table order.
        var order = Enumerable.Range(0, m)
            .OrderBy(i => plis[i].Size).ThenByDescending(i => plis[i].ClusterCount).ThenBy(i => i).ToArray();
        return new EncodedRelation(n,
            order.Select(i => columns[i]).ToArray(),
            order.Select(i => codes[i]).ToArray(),
            order.Select(i => distinct[i]).ToArray(),
            order.Select(i => plis[i]).ToArray(),
            order.Select(i => hasNulls[i]).ToArray());
    }

    /// <summary>The positions on which two rows agree.</summary>
    public T Agree<T>(int r1, int r2) where T : struct, IBits<T>, IEquatable<T>
    {
        int* a = _base + (long)r1 * Stride;
        int* b = _base + (long)r2 * Stride;
        Span<ulong> words = stackalloc ulong[T.WordCount];
        words.Clear();
        if (Vector512.IsHardwareAccelerated)
        {
            for (int k = 0; k < Stride; k += 16)
            {
                ulong mask = Vector512.Equals(Vector512.Load(a + k), Vector512.Load(b + k)).ExtractMostSignificantBits();
                words[k >> 6] |= mask << (k & 63);
            }
        }
        else
        {
            for (int k = 0; k < Stride; k += 8)
            {
                ulong mask = Vector256.Equals(Vector256.Load(a + k), Vector256.Load(b + k)).ExtractMostSignificantBits();
                words[k >> 6] |= mask << (k & 63);
            }
        }
        return T.FromWords(words);
    }
}
