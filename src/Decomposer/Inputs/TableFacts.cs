using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Verification;

namespace SchemaNorm.Decomposer.Inputs;

/// <summary>
/// What the schema and the sample rows say about a table's columns, for choosing splits and keys:
/// declared keys and foreign keys, keys and foreign keys of other tables with the same column names,
/// types, nullability, and (with rows) value lengths and the distinct rows of any subset of columns.
/// </summary>
internal sealed class TableFacts
{
    private readonly Dictionary<AttributeSet, RowSet> _rows = [];
    private readonly double[] _valueLength;

    public TableFacts(Table table, SchemaModel? model)
    {
        Table = table;
        Model = model;
        Names = table.ColumnNames;
        Universe = AttributeSet.Range(Names.Count);

        PrimaryKey = Resolve(table.PrimaryKey?.Columns);
        UniqueKeys.AddRange(table.DeclaredKeys.Where(k => k != PrimaryKey));
        foreach (var fk in table.ForeignKeys)
            if (Resolve(fk.Columns) is { } cols) ForeignKeys.Add((cols, fk));

        if (model is not null)
            foreach (var other in model.Tables)
            {
                if (ReferenceEquals(other, table)) continue;
                // Only the names count here: another table's key, named alike in this one.
                var lists = other.KeyConstraints.Select(k => k.Names(other.ColumnNames))
                    .Concat(other.ForeignKeys.Select(f => f.Columns));
                foreach (var cols in lists)
                    if (Resolve(cols) is { } k && !KeysElsewhere.Contains(k)) KeysElsewhere.Add(k);
            }
        foreach (var (cols, _) in ForeignKeys)
            if (!KeysElsewhere.Contains(cols)) KeysElsewhere.Add(cols);

        Data = table.Data is { } d && d.ColumnCount == Names.Count && d.RowCount > 0 ? d : null;
        _valueLength = new double[Names.Count];
        if (Data is not null)
            for (int c = 0; c < Names.Count; c++) _valueLength[c] = AverageLength(Data.Columns[c]);
    }

    public Table Table { get; }
    public SchemaModel? Model { get; }
    public IReadOnlyList<string> Names { get; }
    public AttributeSet Universe { get; }
    public AttributeSet? PrimaryKey { get; }
    /// <summary>The declared keys other than the primary key (see <see cref="Table.DeclaredKeys"/>).</summary>
    public List<AttributeSet> UniqueKeys { get; } = [];
    public List<(AttributeSet Columns, ForeignKey Key)> ForeignKeys { get; } = [];

    /// <summary>Column sets whose names are a key or foreign key of another table (or a foreign key here).</summary>
    public List<AttributeSet> KeysElsewhere { get; } = [];

    /// <summary>The sample rows, when there are any with every column.</summary>
    public TableData? Data { get; }

    public bool HasData => Data is not null;

    public Column Column(int position) => Table.Columns[position];

    /// <summary>Average length of the non-NULL values of a column in the rows (0 without rows).</summary>
    public double ValueLength(int position) => _valueLength[position];

    /// <summary>The distinct rows over the columns S (cached).</summary>
    public RowSet Rows(AttributeSet s)
    {
        if (Data is null) throw new InvalidOperationException("the table has no rows");
        if (_rows.TryGetValue(s, out var r)) return r;
        r = RowSet.Project(Data, s);
        _rows[s] = r;
        return r;
    }

    /// <summary>A name that says "identifier": ends in ID, Code, No, Number, Key or # (as a word).</summary>
    public bool IsIdLike(int position) => Naming.TableNamer.HasKeySuffix(Names[position]);

    /// <summary>Types that make poor keys: approximate numbers, long text, binary, XML, dates.</summary>
    public double TypePenalty(int position)
    {
        if (Table.FromDataOnly) return 0; // a CSV file says nothing about types
        var t = Table.Columns[position].Type;
        return t.Category switch
        {
            TypeCategory.Float or TypeCategory.Xml or TypeCategory.Binary or TypeCategory.Other => 1.0,
            TypeCategory.DateTime => 0.7,
            TypeCategory.Text when t.Length is null or < 0 or > 200 || t.Name is "text" or "ntext" => 0.8,
            TypeCategory.Decimal when t.Name is "money" or "smallmoney" || (t.Scale ?? 0) > 0 => 0.6,
            _ => 0,
        };
    }

    private AttributeSet? Resolve(IReadOnlyList<string>? columns) =>
        columns is null || columns.Count == 0 ? null : Table.ColumnSet(columns);

    private static double AverageLength(ColumnData column)
    {
        long total = 0;
        int counted = 0;
        var lengths = new int[column.Values.Length];
        for (int v = 1; v < lengths.Length; v++) lengths[v] = column.Values[v]?.Length ?? 0;
        foreach (var code in column.Codes)
        {
            if (code == ColumnData.NullCode) continue;
            total += lengths[code];
            counted++;
        }
        return counted == 0 ? 0 : (double)total / counted;
    }
}
