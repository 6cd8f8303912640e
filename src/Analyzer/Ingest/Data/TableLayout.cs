using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// A table's columns as they were when a data statement ran. An INSERT without a column list and a
/// BULK INSERT fill columns by position, and a later ALTER TABLE may add, drop or rename columns:
/// the rows are matched to the end-state columns through these <see cref="Column"/> objects, which
/// keep their identity across renames and type changes.
/// </summary>
internal sealed class TableLayout
{
    public TableLayout(IReadOnlyList<Column> columns)
    {
        Columns = columns.ToArray();
        Names = Columns.Select(c => c.Name).ToArray();
        Implicit = Enumerable.Range(0, Columns.Length).Where(i => TakesImplicitValue(Columns[i])).ToArray();
    }

    public Column[] Columns { get; }

    /// <summary>The column names at the time (a later sp_rename changes <see cref="Column.Name"/>).</summary>
    public string[] Names { get; }

    /// <summary>Positions of the columns that an INSERT without a column list gives values for.</summary>
    public int[] Implicit { get; }

    public int IndexOf(string name)
    {
        var unquoted = Identifier.Unquote(name);
        for (int i = 0; i < Names.Length; i++)
            if (Identifier.AreEqual(Names[i], unquoted)) return i;
        return -1;
    }

    /// <summary>Identity, computed and rowversion columns take no value from INSERT t VALUES (...).</summary>
    public static bool TakesImplicitValue(Column c) => !c.IsIdentity && !c.IsComputed && !IsRowVersion(c.Type);

    public static bool IsRowVersion(SqlType type) => type.Name is "rowversion" or "timestamp";
}
