using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Evidence;

/// <summary>
/// A table's sample rows seen through the table's column numbering (the data may name its columns in
/// another order, or lack some). Only observed columns have values; the others read as missing.
/// </summary>
internal sealed class DataView
{
    private readonly int[] _dataColumn; // table column -> data column, or -1

    private DataView(Table table, TableData data, int[] dataColumn)
    {
        Table = table;
        Data = data;
        _dataColumn = dataColumn;
    }

    public Table Table { get; }
    public TableData Data { get; }
    public int RowCount => Data.RowCount;

    public static DataView? For(Table table)
    {
        if (table.Data is not { RowCount: > 0 } data) return null;
        var map = new int[table.Columns.Count];
        var observed = data.ObservedColumns;
        for (int i = 0; i < map.Length; i++)
        {
            int j = i < data.ColumnCount && Identifier.AreEqual(data.ColumnNames[i], table.Columns[i].Name)
                ? i
                : IndexOf(data, table.Columns[i].Name);
            map[i] = j >= 0 && observed.Contains(j) ? j : -1;
        }
        return new DataView(table, data, map);
    }

    private static int IndexOf(TableData data, string name)
    {
        for (int j = 0; j < data.ColumnCount; j++)
            if (Identifier.AreEqual(data.ColumnNames[j], name)) return j;
        return -1;
    }

    public bool Has(int column) => _dataColumn[column] >= 0;

    public bool HasAll(AttributeSet columns)
    {
        foreach (var c in columns) if (!Has(c)) return false;
        return true;
    }

    public AttributeSet Observed
    {
        get
        {
            var s = AttributeSet.Empty;
            for (int i = 0; i < _dataColumn.Length; i++) if (_dataColumn[i] >= 0) s = s.With(i);
            return s;
        }
    }

    public ColumnData Column(int column) => Data.Columns[_dataColumn[column]];

    public int Code(int row, int column) => Column(column).Codes[row];

    public string? Value(int row, int column) => Column(column).ValueAt(row);

    /// <summary>Rows grouped by their codes on <paramref name="columns"/>; rows with a NULL there are left out when asked.</summary>
    public List<List<int>> GroupBy(AttributeSet columns, bool skipNulls)
    {
        var cols = columns.ToArray();
        var groups = new Dictionary<CodeKey, List<int>>();
        var order = new List<List<int>>();
        for (int r = 0; r < RowCount; r++)
        {
            var codes = new int[cols.Length];
            bool hasNull = false;
            for (int i = 0; i < cols.Length; i++)
            {
                codes[i] = Code(r, cols[i]);
                hasNull |= codes[i] == ColumnData.NullCode;
            }
            if (hasNull && skipNulls) continue;
            var key = new CodeKey(codes);
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups[key] = list;
                order.Add(list);
            }
            list.Add(r);
        }
        return order;
    }

    /// <summary>Distinct code combinations on <paramref name="columns"/> among the given rows.</summary>
    public int DistinctCount(IEnumerable<int> rows, AttributeSet columns)
    {
        var cols = columns.ToArray();
        var seen = new HashSet<CodeKey>();
        foreach (var r in rows)
        {
            var codes = new int[cols.Length];
            for (int i = 0; i < cols.Length; i++) codes[i] = Code(r, cols[i]);
            seen.Add(new CodeKey(codes));
        }
        return seen.Count;
    }

    /// <summary>A value as a message quotes it: numbers bare, text in single quotes, NULL as NULL.</summary>
    public string Quote(int row, int column)
    {
        var v = Value(row, column);
        if (v is null) return "NULL";
        var category = Table.Columns[column].Type.Category;
        if (category is TypeCategory.Integer or TypeCategory.Decimal or TypeCategory.Float
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return v;
        var shown = v.Length > 60 ? v[..57] + "..." : v;
        return "'" + shown.Replace("'", "''") + "'";
    }

    /// <summary>"Ssn 123456789" or "(Ssn, Pnumber) = (123456789, 1)".</summary>
    public string Describe(int row, AttributeSet columns, IReadOnlyList<string> names)
    {
        var cols = columns.ToArray();
        if (cols.Length == 1) return $"{names[cols[0]]} {Quote(row, cols[0])}";
        return "(" + string.Join(", ", cols.Select(c => names[c])) + ") = (" + string.Join(", ", cols.Select(c => Quote(row, c))) + ")";
    }

    private readonly struct CodeKey(int[] codes) : IEquatable<CodeKey>
    {
        private readonly int[] _codes = codes;
        public bool Equals(CodeKey other) => _codes.AsSpan().SequenceEqual(other._codes);
        public override bool Equals(object? obj) => obj is CodeKey k && Equals(k);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var c in _codes) h.Add(c);
            return h.ToHashCode();
        }
    }
}
