using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SchemaNorm.Analyzer.Data;

namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// The rows as the engines see them: only the observed columns, in an internal order (the most selective
/// column first, so that an attribute set's first member is the cheapest one to start a validation
/// from), with NULL recoded according to the null semantics, one stripped partition per column, and
/// the codes again row by row so that the agree set of two rows is a few vector compares. Row codes are
/// stored in 1, 2 or 4 bytes, the fewest that hold every code, so that a row of up to 64 small columns
/// is one cache line and one 512-bit compare, and a row of up to 32 bytes half a line.
/// </summary>
internal sealed unsafe class EncodedRelation
{
    private readonly byte[] _records; // pinned, row-major, _rowBytes per row
    private readonly byte* _base;
    private readonly int _rowBytes;
    private readonly int _elementSize;
    private readonly ulong[] _columnMask;

    private EncodedRelation(int rowCount, int[] columnOf, int[][] codes, int[] distinct, StrippedPartition[] plis, bool[] hasNulls)
    {
        RowCount = rowCount;
        ColumnOf = columnOf;
        Codes = codes;
        Distinct = distinct;
        Partitions = plis;
        HasNulls = hasNulls;
        int m = columnOf.Length;
        int maxCode = distinct.Length == 0 ? 0 : distinct.Max() - 1;
        _elementSize = maxCode <= byte.MaxValue ? 1 : maxCode <= ushort.MaxValue ? 2 : 4;
        // Half a line when the codes fit: the rows (and the sampler's copies, bounded by their size) take half
        // the memory, and a row is one 256-bit compare.
        _rowBytes = m * _elementSize <= HalfLineBytes ? HalfLineBytes : Math.Max(64, (m * _elementSize + 63) & ~63);
        // As many words as the widest bit set (the key pseudo-column may need one more word than the rows).
        _columnMask = new ulong[Math.Max(16, (_rowBytes / _elementSize + 63) / 64)];
        for (int c = 0; c < m; c++) _columnMask[c >> 6] |= 1UL << (c & 63);
        // Pinned (on the pinned object heap), so the address taken once stays valid; rows start on a cache
        // line, so that a row of 64 bytes is one line, not two.
        _records = GC.AllocateArray<byte>(checked(Math.Max(_rowBytes, rowCount * _rowBytes) + LineBytes), pinned: true);
        _base = Aligned(_records);
        for (int c = 0; c < m; c++)
        {
            var col = codes[c];
            byte* p = _base + (long)c * _elementSize;
            switch (_elementSize)
            {
                case 1: for (int r = 0; r < rowCount; r++) p[(long)r * _rowBytes] = (byte)col[r]; break;
                case 2: for (int r = 0; r < rowCount; r++) *(ushort*)(p + (long)r * _rowBytes) = (ushort)col[r]; break;
                default: for (int r = 0; r < rowCount; r++) *(int*)(p + (long)r * _rowBytes) = col[r]; break;
            }
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

    public long MemoryBytes => _records.Length + Codes.Sum(c => (long)c.Length * 4) + Partitions.Sum(p => (long)p.Rows.Length * 4);

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Agree<T>(int r1, int r2) where T : struct, IBits<T>, IEquatable<T> =>
        Agree<T>(_base + (long)r1 * _rowBytes, _base + (long)r2 * _rowBytes);

    /// <summary>The positions on which two rows agree, given where their codes are (here or in a <see cref="CopyRows"/> block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Agree<T>(byte* a, byte* b) where T : struct, IBits<T>, IEquatable<T>
    {
        if (_rowBytes == HalfLineBytes) return T.FromWord(AgreeHalfLine(a, b) & _columnMask[0]);
        if (_rowBytes == 64) return T.FromWord(AgreeLine(a, b) & _columnMask[0]);
        return AgreeWide<T>(a, b);
    }

    public int RowBytes => _rowBytes;

    private const int LineBytes = 64;
    private const int HalfLineBytes = 32;

    /// <summary>The first cache-line boundary inside a pinned block (allocate <see cref="LineBytes"/> more than needed).</summary>
    private static byte* Aligned(byte[] pinned)
    {
        byte* p = Address(pinned);
        return p + ((LineBytes - ((nint)p & (LineBytes - 1))) & (LineBytes - 1));
    }

    /// <summary>Where row r's codes start.</summary>
    public byte* Row(int r) => _base + (long)r * _rowBytes;

    /// <summary>Bytes of the row-by-row codes.</summary>
    public long RecordBytes => _records.LongLength;

    /// <summary>Bytes of a block that <see cref="CopyRows"/> fills with the given number of rows.</summary>
    public long CopyBytes(int rows) => Math.Max(1L, (long)rows * _rowBytes) + LineBytes;

    /// <summary>
    /// The codes of the given rows, one after another from <see cref="CopyStart"/>, in a pinned block:
    /// comparisons between rows that are near each other in <paramref name="rows"/> then read memory in order.
    /// </summary>
    public byte[] CopyRows(ReadOnlySpan<int> rows)
    {
        var block = GC.AllocateUninitializedArray<byte>(checked((int)CopyBytes(rows.Length)), pinned: true);
        byte* to = Aligned(block);
        for (int i = 0; i < rows.Length; i++)
            Buffer.MemoryCopy(_base + (long)rows[i] * _rowBytes, to + (long)i * _rowBytes, _rowBytes, _rowBytes);
        return block;
    }

    /// <summary>Where the first row of a <see cref="CopyRows"/> block starts.</summary>
    public static byte* CopyStart(byte[] block) => Aligned(block);

    /// <summary>The address of a pinned block's first byte.</summary>
    public static byte* Address(byte[] pinned) => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    /// <summary>
    /// Rows of one cache line (up to 64 byte codes, 32 short codes or 16 int codes): the common case, in
    /// one 512-bit compare or a few narrower ones, straight into one word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong AgreeLine(byte* a, byte* b)
    {
        if (_elementSize == 1)
        {
            if (Vector512.IsHardwareAccelerated) return Vector512.Equals(Vector512.Load(a), Vector512.Load(b)).ExtractMostSignificantBits();
            if (Vector256.IsHardwareAccelerated)
                return Vector256.Equals(Vector256.Load(a), Vector256.Load(b)).ExtractMostSignificantBits()
                       | ((ulong)Vector256.Equals(Vector256.Load(a + 32), Vector256.Load(b + 32)).ExtractMostSignificantBits() << 32);
            ulong w = 0;
            for (int off = 0; off < 64; off += 16)
                w |= (ulong)Vector128.Equals(Vector128.Load(a + off), Vector128.Load(b + off)).ExtractMostSignificantBits() << off;
            return w;
        }
        if (_elementSize == 2)
        {
            if (Vector512.IsHardwareAccelerated) return Vector512.Equals(Vector512.Load((ushort*)a), Vector512.Load((ushort*)b)).ExtractMostSignificantBits();
            ulong w = 0;
            for (int off = 0; off < 64; off += 16)
                w |= (ulong)Vector128.Equals(Vector128.Load((ushort*)(a + off)), Vector128.Load((ushort*)(b + off))).ExtractMostSignificantBits() << (off >> 1);
            return w;
        }
        {
            if (Vector512.IsHardwareAccelerated) return Vector512.Equals(Vector512.Load((int*)a), Vector512.Load((int*)b)).ExtractMostSignificantBits();
            ulong w = 0;
            for (int off = 0; off < 64; off += 16)
                w |= (ulong)Vector128.Equals(Vector128.Load((int*)(a + off)), Vector128.Load((int*)(b + off))).ExtractMostSignificantBits() << (off >> 2);
            return w;
        }
    }

    /// <summary>Rows of half a cache line (up to 32 byte codes, 16 short codes or 8 int codes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong AgreeHalfLine(byte* a, byte* b)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            return _elementSize switch
            {
                1 => Vector256.Equals(Vector256.Load(a), Vector256.Load(b)).ExtractMostSignificantBits(),
                2 => Vector256.Equals(Vector256.Load((ushort*)a), Vector256.Load((ushort*)b)).ExtractMostSignificantBits(),
                _ => Vector256.Equals(Vector256.Load((int*)a), Vector256.Load((int*)b)).ExtractMostSignificantBits(),
            };
        }
        return _elementSize switch
        {
            1 => Vector128.Equals(Vector128.Load(a), Vector128.Load(b)).ExtractMostSignificantBits()
                 | ((ulong)Vector128.Equals(Vector128.Load(a + 16), Vector128.Load(b + 16)).ExtractMostSignificantBits() << 16),
            2 => Vector128.Equals(Vector128.Load((ushort*)a), Vector128.Load((ushort*)b)).ExtractMostSignificantBits()
                 | ((ulong)Vector128.Equals(Vector128.Load((ushort*)(a + 16)), Vector128.Load((ushort*)(b + 16))).ExtractMostSignificantBits() << 8),
            _ => Vector128.Equals(Vector128.Load((int*)a), Vector128.Load((int*)b)).ExtractMostSignificantBits()
                 | ((ulong)Vector128.Equals(Vector128.Load((int*)(a + 16)), Vector128.Load((int*)(b + 16))).ExtractMostSignificantBits() << 4),
        };
    }

    private T AgreeWide<T>(byte* a, byte* b) where T : struct, IBits<T>, IEquatable<T>
    {
        Span<ulong> words = stackalloc ulong[T.WordCount];
        switch (_elementSize)
        {
            case 1: AgreeBytes(a, b, words); break;
            case 2: AgreeShorts(a, b, words); break;
            default: AgreeInts(a, b, words); break;
        }
        for (int i = 0; i < words.Length; i++) words[i] &= _columnMask[i];
        return T.FromWords(words);
    }

    // One bit per lane: a lane of byte b holds column (b / element size). The widest vector the CPU runs
    // natively is used; 128-bit vectors are native on every 64-bit target (SSE2, NEON).

    private void AgreeBytes(byte* a, byte* b, Span<ulong> words)
    {
        words.Clear();
        if (Vector512.IsHardwareAccelerated)
            for (int off = 0; off < _rowBytes; off += 64)
                words[off >> 6] = Vector512.Equals(Vector512.Load(a + off), Vector512.Load(b + off)).ExtractMostSignificantBits();
        else if (Vector256.IsHardwareAccelerated)
        {
            for (int off = 0; off < _rowBytes; off += 32)
                words[off >> 6] |= (ulong)Vector256.Equals(Vector256.Load(a + off), Vector256.Load(b + off)).ExtractMostSignificantBits() << (off & 63);
        }
        else
        {
            for (int off = 0; off < _rowBytes; off += 16)
                words[off >> 6] |= (ulong)Vector128.Equals(Vector128.Load(a + off), Vector128.Load(b + off)).ExtractMostSignificantBits() << (off & 63);
        }
    }

    private void AgreeShorts(byte* a, byte* b, Span<ulong> words)
    {
        words.Clear();
        if (Vector512.IsHardwareAccelerated)
            for (int off = 0; off < _rowBytes; off += 64)
            {
                int col = off >> 1;
                words[col >> 6] |= Vector512.Equals(Vector512.Load((ushort*)(a + off)), Vector512.Load((ushort*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
        else if (Vector256.IsHardwareAccelerated)
            for (int off = 0; off < _rowBytes; off += 32)
            {
                int col = off >> 1;
                words[col >> 6] |= (ulong)Vector256.Equals(Vector256.Load((ushort*)(a + off)), Vector256.Load((ushort*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
        else
            for (int off = 0; off < _rowBytes; off += 16)
            {
                int col = off >> 1;
                words[col >> 6] |= (ulong)Vector128.Equals(Vector128.Load((ushort*)(a + off)), Vector128.Load((ushort*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
    }

    private void AgreeInts(byte* a, byte* b, Span<ulong> words)
    {
        words.Clear();
        if (Vector512.IsHardwareAccelerated)
            for (int off = 0; off < _rowBytes; off += 64)
            {
                int col = off >> 2;
                words[col >> 6] |= Vector512.Equals(Vector512.Load((int*)(a + off)), Vector512.Load((int*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
        else if (Vector256.IsHardwareAccelerated)
            for (int off = 0; off < _rowBytes; off += 32)
            {
                int col = off >> 2;
                words[col >> 6] |= (ulong)Vector256.Equals(Vector256.Load((int*)(a + off)), Vector256.Load((int*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
        else
            for (int off = 0; off < _rowBytes; off += 16)
            {
                int col = off >> 2;
                words[col >> 6] |= (ulong)Vector128.Equals(Vector128.Load((int*)(a + off)), Vector128.Load((int*)(b + off))).ExtractMostSignificantBits() << (col & 63);
            }
    }
}
