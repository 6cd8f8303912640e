namespace SchemaNorm.Analyzer.Model;

/// <summary>
/// A table's column positions by name, so that finding a column does not scan them all (a CREATE TABLE of
/// n columns looks each new name up: n scans would make a wide table quadratic).
/// <para>
/// Columns are only ever appended or removed (ALTER TABLE ADD makes a new <see cref="Column"/>), so the
/// list is unchanged up to the column that was last when the index was built exactly when that column is
/// still at its place; columns after it are added to the index, anything else rebuilds it. A rename
/// (<see cref="Column.Name"/>) rebuilds every index.
/// </para>
/// </summary>
internal sealed class ColumnPositions
{
    private readonly Dictionary<string, int> _byName = new(Identifier.Comparer);
    private int _count;
    private Column? _last;
    private long _renames = -1;

    public bool IsCurrent(List<Column> columns) =>
        _renames == Column.Renames && _count == columns.Count && (_count == 0 || ReferenceEquals(columns[_count - 1], _last));

    public void Update(List<Column> columns)
    {
        bool extends = _renames == Column.Renames && _count <= columns.Count &&
                       (_count == 0 || ReferenceEquals(columns[_count - 1], _last));
        if (!extends)
        {
            _byName.Clear();
            _count = 0;
        }
        _renames = Column.Renames;
        // The first column of a name wins, as a scan from the start would find it.
        for (int i = _count; i < columns.Count; i++) _byName.TryAdd(columns[i].Name, i);
        _count = columns.Count;
        _last = _count == 0 ? null : columns[_count - 1];
    }

    public int Find(string name) => _byName.TryGetValue(name, out int i) ? i : -1;
}
