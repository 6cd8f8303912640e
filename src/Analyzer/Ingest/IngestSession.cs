using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Everything one ingest run builds up: the model, the diagnostics, and what the model has no place
/// for but later steps need (default constraint names, data sources, statements that name a table
/// another file creates later).
/// </summary>
internal sealed class IngestSession(IngestOptions options, DiagnosticBag diagnostics)
{
    private readonly Dictionary<Table, TableState> _tables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Column, ColumnState> _columns = new(ReferenceEqualityComparer.Instance);
    private readonly List<PendingStatement> _pendingStatements = [];
    private readonly List<PendingData> _pendingData = [];
    private readonly List<DependencyAnnotation> _namedAnnotations = [];
    private readonly HashSet<QualifiedName> _queryInsertsReported = [];
    private readonly HashSet<QualifiedName> _views = [];
    private readonly HashSet<QualifiedName> _clrTypes = [];
    private int _sequence;

    public SchemaModel Model { get; } = new();
    public IngestOptions Options => options;
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>Which files the inputs may make the tool read.</summary>
    public ReadScope Scope { get; } = new(options.AllowRead);

    /// <summary>Schemas, modules and non-unique indexes the scripts created, for guards to ask about.</summary>
    public TSql.Catalog.ScriptObjects Objects { get; } = new();

    public TableState State(Table table)
    {
        if (!_tables.TryGetValue(table, out var s)) _tables[table] = s = new TableState(table);
        return s;
    }

    public ColumnState State(Column column)
    {
        if (!_columns.TryGetValue(column, out var s)) _columns[column] = s = new ColumnState();
        return s;
    }

    public Table? Find(QualifiedName name) => Model.Find(name);

    /// <summary>CREATE VIEW: an index on a view or an INSERT through one is not about a table, and not an error.</summary>
    public void AddView(QualifiedName name) => _views.Add(name);

    /// <summary>A CREATE TABLE that was reported and not read: statements and rows for it are not errors again.</summary>
    public void AddSkippedTable(QualifiedName name) => _views.Add(name);

    /// <summary>CREATE TYPE ... EXTERNAL NAME: columns of a CLR type keep it as their type, compared as written.</summary>
    public void AddClrType(QualifiedName name) => _clrTypes.Add(name);

    /// <summary>
    /// Runs a statement against a table now, or once a later script creates it (files of a project may
    /// come in any order). A table that never appears is reported when the scripts are all read.
    /// </summary>
    public void OnTable(QualifiedName name, SourceLocation location, string statement, Action<Table> apply)
    {
        var table = Find(name);
        if (table is not null) apply(table);
        else _pendingStatements.Add(new PendingStatement(name, location, statement, apply));
    }

    /// <summary>Called when CREATE TABLE has added a table: runs the statements that were waiting for it.</summary>
    public void TableCreated(Table table)
    {
        for (int i = 0; i < _pendingStatements.Count; i++)
        {
            var p = _pendingStatements[i];
            if (!ReferenceEquals(Find(p.Name), table)) continue;
            _pendingStatements.RemoveAt(i--);
            p.Apply(table);
        }
    }

    /// <summary>Records a data statement against the table as it is now, or for the end-state table of that name.</summary>
    public void AddData(QualifiedName name, DataSource source)
    {
        int sequence = ++_sequence;
        var table = Find(name);
        if (table is null) _pendingData.Add(new PendingData(name, sequence, source));
        else
        {
            var state = State(table);
            state.Sources.Add(new DataEntry(sequence, source, state.Layout));
        }
    }

    /// <summary>INSERT ... SELECT / EXEC: said once per table.</summary>
    public void QueryInsert(QualifiedName name, string kind, SourceLocation location)
    {
        if (_queryInsertsReported.Add(name))
            diagnostics.Info($"rows that {kind} puts into {name} are computed by the database, so they are not read as sample data", location);
    }

    /// <summary>An annotation that names its table ("fd dbo.T: A -> B"), resolved when the scripts are all read.</summary>
    public void AddNamedAnnotation(DependencyAnnotation annotation) => _namedAnnotations.Add(annotation);

    /// <summary>
    /// After the last script: resolves alias types and everything that named a table by name, and
    /// applies the rules SQL Server applies to the end state (key and identity columns are NOT NULL).
    /// </summary>
    public void FinishSchema()
    {
        foreach (var p in _pendingStatements.Where(p => !_views.Contains(p.Name)))
            diagnostics.Error($"{p.Statement} names table {p.Name}, which no script creates", p.Location);
        _pendingStatements.Clear();

        foreach (var a in _namedAnnotations)
        {
            var table = Find(a.Table!.Value);
            if (table is null) diagnostics.Error($"the annotation names table {a.Table}, which no script creates", a.Location);
            else table.Annotations.Add(a);
        }
        _namedAnnotations.Clear();

        foreach (var table in Model.Tables)
        {
            foreach (var column in table.Columns) ResolveAlias(column);
            foreach (var column in table.Columns)
                if (column.IsIdentity) column.IsNullable = false;
            if (table.PrimaryKey is { } pk)
                foreach (var name in pk.Columns)
                    if (table.FindColumn(name) is { } c) c.IsNullable = false;
        }

        var unknown = new Dictionary<QualifiedName, (SourceLocation first, int count)>();
        foreach (var p in _pendingData)
        {
            var table = Find(p.Name);
            if (table is not null)
            {
                State(table).Sources.Add(new DataEntry(p.Sequence, p.Source, null));
                continue;
            }
            if (_views.Contains(p.Name)) continue;
            unknown[p.Name] = unknown.TryGetValue(p.Name, out var u) ? (u.first, u.count + 1) : (p.Source.Location, 1);
        }
        _pendingData.Clear();
        foreach (var (name, (first, count)) in unknown)
            diagnostics.Error(count == 1
                ? $"data for unknown table {name}: no script creates it; its rows are skipped"
                : $"data for unknown table {name}: no script creates it; the rows of {count} statements are skipped (the first is here)", first);

        // Tables dropped after rows went into them: DROP TABLE deleted those rows.
        foreach (var (table, state) in _tables)
            if (state.Sources.Count > 0 && !ReferenceEquals(Find(table.Name), table))
                diagnostics.Info($"rows inserted into {table.Name} before it was dropped are not kept", state.Sources[0].Source.Location);
    }

    private void ResolveAlias(Column column)
    {
        if (!_columns.TryGetValue(column, out var state) || state.Alias is not { } aliasName) return;
        state.Alias = null;
        var alias = FindAlias(aliasName);
        if (alias is null && _clrTypes.Contains(aliasName)) return;
        if (alias is null)
        {
            diagnostics.Warning($"column {column.Name} has type {aliasName}, which no script creates (CREATE TYPE or sp_addtype); its values are compared as written",
                column.Location);
            return;
        }
        column.Type = alias.BaseType with { Alias = alias.Name, Collation = column.Type.Collation ?? alias.BaseType.Collation };
        if (!state.NullabilityGiven && alias.Nullable is bool nullable) column.IsNullable = nullable;
    }

    private AliasType? FindAlias(QualifiedName name)
    {
        if (Model.AliasTypes.TryGetValue(name, out var a)) return a;
        var byName = Model.AliasTypes.Values.Where(x => Identifier.AreEqual(x.Name.Name, name.Name)).Take(2).ToList();
        return Identifier.AreEqual(name.Schema ?? "", QualifiedName.DefaultSchema) && byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>The tables in the model with the sources of their rows, in the order the sources ran.</summary>
    public IEnumerable<(Table table, IReadOnlyList<DataEntry> sources)> DataByTable()
    {
        foreach (var table in Model.Tables)
        {
            if (!_tables.TryGetValue(table, out var state) || state.Sources.Count == 0) continue;
            yield return (table, state.Sources.OrderBy(s => s.Sequence).ToList());
        }
    }

    /// <summary>The default a column's omitted values take (read-only: safe while tables load in parallel).</summary>
    public ValueSlot? DefaultOf(Column column) => _columns.TryGetValue(column, out var s) ? s.Default : null;

    /// <summary>Real paths of the files that BULK INSERT statements read.</summary>
    public IReadOnlySet<string> BulkDataFiles() =>
        _tables.Values.SelectMany(t => t.Sources).Select(s => s.Source).OfType<BulkInsertSource>()
            .Where(b => b.Path is not null).Select(b => b.Path!).ToHashSet(StringComparer.Ordinal);

    public void AddCsvSource(Table table, CsvSource source)
    {
        var state = State(table);
        state.Sources.Add(new DataEntry(++_sequence, source, null));
    }

    private sealed record PendingStatement(QualifiedName Name, SourceLocation Location, string Statement, Action<Table> Apply);

    private sealed record PendingData(QualifiedName Name, int Sequence, DataSource Source);
}

/// <summary>What ingest keeps about a table beyond the model.</summary>
internal sealed class TableState(Table table)
{
    private TableLayout? _layout;

    /// <summary>The columns now (snapshots are shared until the columns change).</summary>
    public TableLayout Layout => _layout ??= new TableLayout(table.Columns);

    public void ColumnsChanged() => _layout = null;

    /// <summary>Default constraints by name, for ALTER TABLE ... DROP CONSTRAINT.</summary>
    public Dictionary<string, Column> DefaultConstraints { get; } = new(Identifier.Comparer);

    public List<DataEntry> Sources { get; } = [];
}

/// <summary>What ingest keeps about a column beyond the model.</summary>
internal sealed class ColumnState
{
    /// <summary>The alias type to resolve once all scripts are read.</summary>
    public QualifiedName? Alias { get; set; }

    /// <summary>True when the column definition said NULL or NOT NULL (an alias type's nullability then does not apply).</summary>
    public bool NullabilityGiven { get; set; }

    /// <summary>The default's value: a literal (or NULL), <see cref="ValueKind.Unknown"/> for an expression, null for no default.</summary>
    public ValueSlot? Default { get; set; }

    public string? DefaultName { get; set; }
}
