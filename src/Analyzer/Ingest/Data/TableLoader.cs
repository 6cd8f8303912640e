using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// Reads one table's sample rows from all its sources, in the order the scripts ran them, into
/// dictionary-encoded columns in the table's end-state column order. Tables are independent, so the
/// caller loads them in parallel.
/// </summary>
internal static class TableLoader
{
    /// <summary>The table's rows, or null when its sources gave none.</summary>
    public static TableData? Load(Table table, IReadOnlyList<DataEntry> sources, Func<Column, ValueSlot?> defaultOf,
        bool caseSensitive, ReadLimits limits, DiagnosticBag diagnostics)
    {
        // A table whose only rows are one CSV file keeps the columns CsvReader encoded.
        if (sources is [{ Source: CsvSource only }]) return CsvColumns(table, only);

        var semantics = table.Columns.Select(c => ValueSemantics.For(c.Type, caseSensitive)).ToList();
        var rows = new RowAssembler(table, semantics, defaultOf, diagnostics);
        var finalLayout = new TableLayout(table.Columns);
        var origins = new List<string>();
        var firstRows = new List<(int Row, SourceLocation Location)>(); // where each source's rows start
        foreach (var entry in sources)
        {
            firstRows.Add((rows.RowCount, entry.Source.Location));
            var layout = entry.Layout ?? finalLayout;
            switch (entry.Source)
            {
                case FastInsertSource f:
                    var sink = new InsertSink(rows, layout, f.Script, f.Location);
                    for (int i = 0; i < f.Repeat; i++) FastInsertScanner.ReadInsert(f.Script.Text, f.Insert, sink);
                    Origin(origins, $"INSERT statements in {Path.GetFileName(f.Script.Path)}");
                    break;
                case ParsedInsertSource p:
                    var mapping = rows.InsertMapping(layout, p.Columns, p.Location, out int count);
                    if (mapping is null) break;
                    for (int i = 0; i < p.Repeat; i++)
                        foreach (var row in p.Rows)
                            if (!rows.AddRow(row.Values, mapping, count))
                                rows.ReportBadRow("the row", row.Values.Length, count, p.Script.Locate(row.Offset));
                    Origin(origins, $"INSERT statements in {Path.GetFileName(p.Script.Path)}");
                    break;
                case BulkInsertSource b when b.Path is not null:
                    BulkDataFile.Read(b, layout, rows, limits, diagnostics);
                    Origin(origins, Path.GetFileName(b.Path));
                    break;
                case CsvSource c:
                    AddCsvRows(rows, c);
                    Origin(origins, Path.GetFileName(c.File.Path));
                    break;
            }
        }
        rows.ReportSkippedRows(sources[0].Source.Location);
        foreach (var m in rows.Misfits())
        {
            var at = firstRows.Last(f => f.Row <= m.FirstRow).Location;
            var more = m.Rows == 1 ? "" : $" ({m.Rows} rows hold such values, the first here)";
            diagnostics.Warning($"a value for {table.Name}.{table.Columns[m.Column].Name} does not fit its type: '{m.Value}' {m.Reason}{more}; SQL Server would refuse the row", at);
        }
        return rows.RowCount == 0 ? null : rows.Build(string.Join(", ", origins));
    }

    /// <summary>Roughly how much text loading the sources reads, to schedule big tables first.</summary>
    public static long EstimatedSize(IReadOnlyList<DataEntry> sources) => sources.Sum(e => e.Source switch
    {
        BulkInsertSource { Path: { } path } => File.Exists(path) ? new FileInfo(path).Length : 0L,
        FastInsertSource f => f.Insert.End - f.Insert.Start,
        ParsedInsertSource p => p.Rows.Sum(r => (long)r.Values.Length) * 8,
        CsvSource c => (long)c.File.Data.RowCount * c.File.Data.ColumnCount * 8,
        _ => 0L,
    });

    private static void Origin(List<string> origins, string origin)
    {
        if (!origins.Contains(origin)) origins.Add(origin);
    }

    private static TableData? CsvColumns(Table table, CsvSource source)
    {
        var data = source.File.Data;
        if (data.RowCount == 0) return null;
        var columns = new ColumnData[table.Columns.Count];
        var unobserved = AttributeSet.Empty;
        for (int i = 0; i < source.Mapping.Length; i++)
            if (source.Mapping[i] >= 0) columns[source.Mapping[i]] = data.Columns[i];
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not null) continue;
            // A column the file does not have: NULL placeholders, and say that nothing was observed.
            columns[c] = new ColumnData(new int[data.RowCount], [null], hasNulls: true);
            unobserved = unobserved.With(c);
        }
        return new TableData(table.ColumnNames, columns, data.RowCount) { Origin = Path.GetFileName(source.File.Path), UnobservedColumns = unobserved };
    }

    private static void AddCsvRows(RowAssembler rows, CsvSource source)
    {
        var data = source.File.Data;
        var sourceOf = new int[rows.ColumnCount];
        Array.Fill(sourceOf, -1);
        for (int i = 0; i < source.Mapping.Length; i++)
            if (source.Mapping[i] >= 0) sourceOf[source.Mapping[i]] = i;
        var values = new ValueSlot[data.ColumnCount];
        for (int r = 0; r < data.RowCount; r++)
        {
            for (int c = 0; c < values.Length; c++)
                values[c] = data.Value(r, c) is { } v ? ValueSlot.Of(v) : ValueSlot.Null;
            // Columns the file does not have get placeholders, whatever their defaults.
            rows.AddRow(values, sourceOf, values.Length, fillOmitted: false);
        }
    }

    /// <summary>Feeds the rows of one fast-scanned INSERT to the assembler.</summary>
    private sealed class InsertSink(RowAssembler rows, TableLayout layout, Sqlcmd.PreparedScript script, SourceLocation location) : IInsertRowSink
    {
        private int[]? _mapping;
        private int _count;

        public void Columns(IReadOnlyList<string>? columns) => _mapping = rows.InsertMapping(layout, columns, location, out _count);

        public void Row(int offset, ReadOnlySpan<ValueSlot> values)
        {
            if (_mapping is not null && !rows.AddRow(values, _mapping, _count))
                rows.ReportBadRow("the row", values.Length, _count, script.Locate(offset));
        }
    }
}
