using System.Runtime.InteropServices;

namespace SchemaNorm.Analyzer.Data;

/// <summary>Values of one column that do not fit its type: how many rows hold one, the first row, and why.</summary>
public sealed record ValueMisfit(int Column, int Rows, int FirstRow, string Value, string Reason);

/// <summary>
/// Collects rows one value at a time into dictionary-encoded columns. Nothing but the codes and one
/// string per distinct value is kept, so a large INSERT script or CSV file costs memory in proportion
/// to its distinct values, not its text. Lookups use spans: a repeated value allocates nothing.
/// </summary>
public sealed class TableDataBuilder
{
    private readonly ColumnBuilder[] _columns;
    private readonly string[] _names;
    private int _rows;
    private int _nextColumn;

    public TableDataBuilder(IReadOnlyList<string> columnNames, IReadOnlyList<ValueSemantics>? semantics = null)
    {
        _names = columnNames.ToArray();
        _columns = new ColumnBuilder[_names.Length];
        for (int i = 0; i < _columns.Length; i++)
            _columns[i] = new ColumnBuilder(semantics?[i] ?? ValueSemantics.Exact);
    }

    public int ColumnCount => _columns.Length;
    public int RowCount => _rows;
    public string? Origin { get; set; }

    /// <summary>Appends the next value of the current row (columns in order); call <see cref="EndRow"/> after the last.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        if (_nextColumn >= _columns.Length) throw new InvalidOperationException("more values than columns in a row");
        _columns[_nextColumn++].Add(value, _rows);
    }

    /// <summary>Appends a value given as a string (null for NULL).</summary>
    public void Add(string? value)
    {
        if (value is null) AddNull();
        else Add(value.AsSpan());
    }

    public void AddNull()
    {
        if (_nextColumn >= _columns.Length) throw new InvalidOperationException("more values than columns in a row");
        _columns[_nextColumn++].AddNull(_rows);
    }

    public void EndRow()
    {
        if (_nextColumn != _columns.Length)
            throw new InvalidOperationException($"a row needs {_columns.Length} values, got {_nextColumn}");
        _nextColumn = 0;
        _rows++;
    }

    /// <summary>Drops the values added to the row in progress (for a row found bad halfway).</summary>
    public void CancelRow() => _nextColumn = 0;

    public void AddRow(params ReadOnlySpan<string?> values)
    {
        foreach (var v in values) Add(v);
        EndRow();
    }

    /// <summary>Per column, the values that do not fit its type (typed columns only), in column order.</summary>
    public IReadOnlyList<ValueMisfit> Misfits() =>
        _columns.Select((c, i) => c.Misfit(i)).OfType<ValueMisfit>().ToList();

    public TableData Build()
    {
        if (_nextColumn != 0) throw new InvalidOperationException("the last row is incomplete");
        return new TableData(_names, _columns.Select(c => c.Build(_rows)).ToList(), _rows) { Origin = Origin };
    }

    private sealed class ColumnBuilder
    {
        private readonly ValueSemantics _semantics;
        private readonly Dictionary<string, int> _codes;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        // Raw spelling -> code, for columns whose spellings are canonicalized: a repeated spelling then
        // skips canonicalization (parsing a decimal or a date) altogether.
        private readonly Dictionary<string, int>? _raw;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rawLookup;
        // The spellings by code, kept only once some spelling is not its own key: until then the keys are
        // the spellings and the dictionary alone gives them back.
        private List<string?>? _values;
        private readonly RowCodes _rowCodes = new();
        private bool _hasNulls;
        // Values that do not fit the column's type: their raw spellings map to ~code in _raw.
        private int _misfitRows;
        private int _firstMisfitRow = -1;
        private string? _firstMisfit;
        private string? _misfitReason;

        public ColumnBuilder(ValueSemantics semantics)
        {
            _semantics = semantics;
            _codes = new Dictionary<string, int>(semantics.KeyComparer);
            _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
            if (semantics.Canonicalizes)
            {
                _raw = new Dictionary<string, int>(StringComparer.Ordinal);
                _rawLookup = _raw.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        public void Add(ReadOnlySpan<char> raw, int row)
        {
            if (_raw is not null && _rawLookup.TryGetValue(raw, out int known))
            {
                if (known < 0)
                {
                    _misfitRows++;
                    known = ~known;
                }
                Set(row, known);
                return;
            }
            var key = _semantics.Canonicalize(raw, out var allocated);
            string? spelling = null;
            if (!_lookup.TryGetValue(key, out int code))
            {
                code = _codes.Count + 1;
                spelling = raw.ToString();
                // A spelling that is its own key is stored once, for both.
                var stored = allocated ?? (key.SequenceEqual(raw) ? spelling : key.ToString());
                if (_values is null && !ReferenceEquals(stored, spelling)) _values = [.. Values()];
                _codes.Add(stored, code);
                _values?.Add(spelling);
            }
            bool misfit = _raw is not null && _semantics.Type is { } type && ValueFit.Misfit(type, raw) is { } reason && Misfit(row, raw, reason);
            _raw?.Add(spelling ?? raw.ToString(), misfit ? ~code : code);
            Set(row, code);
        }

        private bool Misfit(int row, ReadOnlySpan<char> raw, string reason)
        {
            _misfitRows++;
            if (_firstMisfitRow < 0)
            {
                _firstMisfitRow = row;
                _firstMisfit = raw.Length > 60 ? raw[..57].ToString() + "..." : raw.ToString();
                _misfitReason = reason;
            }
            return true;
        }

        public ValueMisfit? Misfit(int column) =>
            _misfitRows == 0 ? null : new ValueMisfit(column, _misfitRows, _firstMisfitRow, _firstMisfit!, _misfitReason!);

        public void AddNull(int row)
        {
            _hasNulls = true;
            Set(row, ColumnData.NullCode);
        }

        private void Set(int row, int code) => _rowCodes.Set(row, code);

        public ColumnData Build(int rows) => new(_rowCodes.ToArray(rows), _values?.ToArray() ?? Values(), _hasNulls);

        /// <summary>NULL, then the spellings by code, from the keys (while every key is its spelling).</summary>
        private string?[] Values()
        {
            var values = new string?[_codes.Count + 1];
            foreach (var (key, code) in _codes) values[code] = key;
            return values;
        }
    }
}

/// <summary>
/// One column's codes while rows are still coming: in as few bytes as the largest code so far needs (1, 2
/// or 4), in blocks of a fixed size below the large-object threshold (the first grows up to it), copied once
/// into an array of the exact length at the end. An array grown by doubling would leave behind about three
/// times the final codes, as large objects that only a full collection frees, and end up to twice too long.
/// </summary>
internal sealed class RowCodes
{
    internal const int BlockShift = 14;
    internal const int BlockSize = 1 << BlockShift; // codes per block: 64 KB at 4 bytes a code
    private byte[][] _blocks = [new byte[16]];
    private int _width = 1;
    private int _max = byte.MaxValue;

    /// <summary>Bytes per code now.</summary>
    internal int Width => _width;

    /// <summary>The block arrays held now (for tests of the bound).</summary>
    internal IEnumerable<byte[]> Blocks => _blocks.Where(b => b is not null);

    /// <summary>Sets the code of a row (rows are set in order; a row may be set again until the next is).</summary>
    public void Set(int row, int code)
    {
        if ((uint)code > (uint)_max) Widen(code);
        int b = row >> BlockShift, i = row & (BlockSize - 1);
        if (b >= _blocks.Length) Array.Resize(ref _blocks, _blocks.Length * 2);
        var block = _blocks[b];
        if (block is null) _blocks[b] = block = new byte[BlockSize * _width];
        else if (i * _width >= block.Length) Array.Resize(ref _blocks[b], Math.Min(BlockSize * _width, block.Length * 2));
        Write(_blocks[b], _width, i, code);
    }

    /// <summary>Rewrites the blocks in the width the code needs.</summary>
    private void Widen(int code)
    {
        int width = code <= ushort.MaxValue ? 2 : 4;
        for (int b = 0; b < _blocks.Length; b++)
        {
            var old = _blocks[b];
            if (old is null) continue;
            int count = old.Length / _width;
            var wider = new byte[count * width];
            for (int i = 0; i < count; i++) Write(wider, width, i, Read(old, _width, i));
            _blocks[b] = wider;
        }
        _width = width;
        _max = width == 2 ? ushort.MaxValue : int.MaxValue;
    }

    private static int Read(byte[] block, int width, int i) => width switch
    {
        1 => block[i],
        2 => MemoryMarshal.Cast<byte, ushort>(block.AsSpan())[i],
        _ => MemoryMarshal.Cast<byte, int>(block.AsSpan())[i],
    };

    private static void Write(byte[] block, int width, int i, int code)
    {
        switch (width)
        {
            case 1: block[i] = (byte)code; break;
            case 2: MemoryMarshal.Cast<byte, ushort>(block.AsSpan())[i] = (ushort)code; break;
            default: MemoryMarshal.Cast<byte, int>(block.AsSpan())[i] = code; break;
        }
    }

    public int[] ToArray(int rows)
    {
        var codes = GC.AllocateUninitializedArray<int>(rows);
        for (int start = 0, b = 0; start < rows; start += BlockSize, b++)
        {
            int n = Math.Min(BlockSize, rows - start);
            var to = codes.AsSpan(start, n);
            var block = _blocks[b];
            switch (_width)
            {
                case 1: for (int i = 0; i < n; i++) to[i] = block[i]; break;
                case 2:
                    var shorts = MemoryMarshal.Cast<byte, ushort>(block.AsSpan());
                    for (int i = 0; i < n; i++) to[i] = shorts[i];
                    break;
                default: MemoryMarshal.Cast<byte, int>(block.AsSpan())[..n].CopyTo(to); break;
            }
        }
        return codes;
    }
}
