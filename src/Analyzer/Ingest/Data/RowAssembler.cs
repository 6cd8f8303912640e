using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// Puts rows into one table's <see cref="TableDataBuilder"/> in its end-state column order, filling
/// the columns a statement leaves out as the database would: the next IDENTITY value or the column's
/// literal default. Where only the database knows the value (a left-out column without a literal
/// default, GETDATE(), a computed column) the row gets a NULL placeholder, and a column that no row
/// gave a value for is recorded as unobserved.
/// </summary>
internal sealed class RowAssembler
{
    private const int MaxReportedRows = 20;

    private readonly Table _table;
    private readonly TableDataBuilder _builder;
    private readonly ValueSlot?[] _defaults;
    private readonly bool[] _given;
    private readonly int _identity;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<TableLayout, int[]> _finalIndexes = new(ReferenceEqualityComparer.Instance);
    private decimal? _lastIdentity;
    private char[] _scratch = new char[256];
    private int _badRows;

    public RowAssembler(Table table, IReadOnlyList<ValueSemantics> semantics, Func<Column, ValueSlot?> defaultOf, DiagnosticBag diagnostics)
    {
        _table = table;
        _builder = new TableDataBuilder(table.ColumnNames, semantics);
        _defaults = table.Columns.Select(defaultOf).ToArray();
        _given = new bool[table.Columns.Count];
        _identity = table.Columns.FindIndex(c => c.IsIdentity);
        _diagnostics = diagnostics;
    }

    public Table Table => _table;
    public int RowCount => _builder.RowCount;
    public int ColumnCount => _table.Columns.Count;

    /// <summary>For each column of <paramref name="layout"/>, its position in the end-state table, or -1 if dropped since.</summary>
    public int[] FinalIndexes(TableLayout layout)
    {
        if (!_finalIndexes.TryGetValue(layout, out var map))
        {
            map = layout.Columns.Select(c => _table.Columns.IndexOf(c)).ToArray();
            _finalIndexes[layout] = map;
        }
        return map;
    }

    /// <summary>
    /// Maps the values of an INSERT to end-state columns: <c>result[column] = value position or -1</c>.
    /// Null (with an error) when the column list names a column the table did not have.
    /// </summary>
    public int[]? InsertMapping(TableLayout layout, IReadOnlyList<string>? columns, SourceLocation location, out int valueCount)
    {
        var final = FinalIndexes(layout);
        var sourceOf = new int[ColumnCount];
        Array.Fill(sourceOf, -1);
        if (columns is null)
        {
            valueCount = layout.Implicit.Length;
            for (int i = 0; i < layout.Implicit.Length; i++)
                if (final[layout.Implicit[i]] is int f and >= 0) sourceOf[f] = i;
            return sourceOf;
        }
        valueCount = columns.Count;
        var seen = new HashSet<int>();
        for (int i = 0; i < columns.Count; i++)
        {
            int at = layout.IndexOf(columns[i]);
            if (at < 0)
            {
                _diagnostics.Error($"INSERT names column {columns[i]}, which {_table.Name} does not have; the statement's rows are skipped", location);
                return null;
            }
            if (!seen.Add(at))
            {
                _diagnostics.Error($"INSERT names column {columns[i]} twice; the statement's rows are skipped", location);
                return null;
            }
            if (layout.Columns[at].IsComputed)
            {
                _diagnostics.Error($"INSERT gives a value for computed column {columns[i]}; the statement's rows are skipped", location);
                return null;
            }
            if (final[at] >= 0) sourceOf[final[at]] = i;
        }
        return sourceOf;
    }

    /// <summary>
    /// Adds one row; false when it has the wrong number of values (the caller reports it with
    /// <see cref="ReportBadRow"/>, so that the hot path builds no message).
    /// With <paramref name="fillOmitted"/> false (a CSV file without some columns) left-out columns are only placeholders.
    /// </summary>
    public bool AddRow(ReadOnlySpan<ValueSlot> values, int[] sourceOf, int expectedCount, bool fillOmitted = true)
    {
        if (values.Length != expectedCount) return false;
        for (int c = 0; c < sourceOf.Length; c++)
        {
            int s = sourceOf[c];
            if (s >= 0) AddGiven(c, values[s]);
            else if (fillOmitted) AddOmitted(c);
            else _builder.AddNull();
        }
        _builder.EndRow();
        return true;
    }

    /// <summary>Reports a row with the wrong number of values (only the first few of a table one by one).</summary>
    public void ReportBadRow(string what, int count, int expectedCount, SourceLocation location)
    {
        if (++_badRows <= MaxReportedRows)
            _diagnostics.Error($"{what} has {count} values, but {_table.Name} takes {expectedCount} here; the row is skipped", location);
    }

    /// <summary>Says how many rows were left out beyond those reported one by one.</summary>
    public void ReportSkippedRows(SourceLocation location)
    {
        if (_badRows > MaxReportedRows)
            _diagnostics.Error($"{_badRows - MaxReportedRows} more rows for {_table.Name} have the wrong number of values and are skipped", location);
    }

    private void AddGiven(int column, ValueSlot value)
    {
        switch (value.Kind)
        {
            case ValueKind.Null:
                _given[column] = true;
                _builder.AddNull();
                break;
            case ValueKind.Text:
                _given[column] = true;
                var text = Text(value);
                if (column == _identity) NoteIdentity(text);
                _builder.Add(text);
                break;
            case ValueKind.Default:
                if (column == _identity) AddIdentity();
                else if (_defaults[column] is { } d) AddDefault(column, d);
                else
                {
                    // DEFAULT without a default constraint stores NULL.
                    _given[column] = true;
                    _builder.AddNull();
                }
                break;
            default:
                _builder.AddNull();
                break;
        }
    }

    private void AddOmitted(int column)
    {
        if (column == _identity) AddIdentity();
        else if (_table.Columns[column].IsComputed || _defaults[column] is not { } d) _builder.AddNull();
        else AddDefault(column, d);
    }

    private void AddDefault(int column, ValueSlot value)
    {
        _given[column] = value.Kind is ValueKind.Text or ValueKind.Null || _given[column];
        if (value.Kind == ValueKind.Text) _builder.Add(Text(value));
        else _builder.AddNull();
    }

    /// <summary>The value's characters, unescaping doubled quotes and adding a minus sign in a reused buffer.</summary>
    private ReadOnlySpan<char> Text(ValueSlot v)
    {
        var raw = v.Source.AsSpan(v.Start, v.Length);
        if (!v.Escaped && !v.Negative) return raw;
        if (_scratch.Length < raw.Length + 1) _scratch = new char[Math.Max(raw.Length + 1, _scratch.Length * 2)];
        int n = 0;
        if (v.Negative) _scratch[n++] = '-';
        for (int i = 0; i < raw.Length; i++)
        {
            _scratch[n++] = raw[i];
            if (v.Escaped && raw[i] == '\'' && i + 1 < raw.Length && raw[i + 1] == '\'') i++;
        }
        return _scratch.AsSpan(0, n);
    }

    /// <summary>An explicit identity value (IDENTITY_INSERT ON) moves the next generated one past it, as in SQL Server.</summary>
    private void NoteIdentity(ReadOnlySpan<char> text)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return;
        var increment = _table.Columns[_identity].IdentityIncrement;
        if (_lastIdentity is not { } last || (increment >= 0 ? v > last : v < last)) _lastIdentity = v;
    }

    private void AddIdentity()
    {
        var column = _table.Columns[_identity];
        var next = _lastIdentity is { } last ? last + column.IdentityIncrement : column.IdentitySeed;
        _lastIdentity = next;
        _given[_identity] = true;
        _builder.Add(next.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The rows so far, with the columns no row gave a value for marked unobserved.</summary>
    /// <inheritdoc cref="TableDataBuilder.Misfits"/>
    public IReadOnlyList<ValueMisfit> Misfits() => _builder.Misfits();

    public TableData Build(string origin)
    {
        var built = _builder.Build();
        var unobserved = AttributeSet.Empty;
        for (int c = 0; c < _given.Length; c++)
            if (!_given[c]) unobserved = unobserved.With(c);
        return new TableData(built.ColumnNames, built.Columns, built.RowCount) { Origin = origin, UnobservedColumns = unobserved };
    }
}
