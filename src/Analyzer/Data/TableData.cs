using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Data;

/// <summary>Sample rows of one table, column by column (see <see cref="ColumnData"/>).</summary>
public sealed class TableData
{
    public TableData(IReadOnlyList<string> columnNames, IReadOnlyList<ColumnData> columns, int rowCount)
    {
        if (columnNames.Count != columns.Count) throw new ArgumentException("one name per column");
        foreach (var c in columns)
            if (c.Codes.Length != rowCount) throw new ArgumentException("every column needs one code per row");
        ColumnNames = columnNames;
        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<string> ColumnNames { get; }
    public IReadOnlyList<ColumnData> Columns { get; }
    public int RowCount { get; }
    public int ColumnCount => Columns.Count;

    public string? Value(int row, int column) => Columns[column].ValueAt(row);

    /// <summary>Where the rows came from, for messages ("INSERT statements in nw.sql", "Orders.csv").</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// Columns the input gave no values for (a computed column, a column no INSERT named and without a
    /// literal default): their codes are all NULL, which says nothing about the real data, so discovery
    /// and the data-driven rules leave them out.
    /// </summary>
    public AttributeSet UnobservedColumns { get; init; }

    /// <summary>The columns with values from the input.</summary>
    public AttributeSet ObservedColumns => AttributeSet.Range(ColumnCount) - UnobservedColumns;

    /// <summary>The same rows with only the given columns, in the given order (codes are shared, not copied).</summary>
    public TableData Select(IReadOnlyList<int> columns)
    {
        var unobserved = AttributeSet.Empty;
        for (int i = 0; i < columns.Count; i++)
            if (UnobservedColumns.Contains(columns[i])) unobserved = unobserved.With(i);
        return new(columns.Select(c => ColumnNames[c]).ToList(), columns.Select(c => Columns[c]).ToList(), RowCount)
        {
            Origin = Origin,
            UnobservedColumns = unobserved,
        };
    }
}
