using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql.Catalog;

/// <summary>One row of a catalog view; a column the snapshot does not know reads as unknown.</summary>
internal sealed class CatalogRow() : Dictionary<string, CatalogValue>(StringComparer.OrdinalIgnoreCase)
{
    public CatalogValue Get(string column) => TryGetValue(column, out var v) ? v : CatalogValue.Unknown;
}

/// <summary>An object of sys.objects: a table, a constraint, a view or a module.</summary>
internal sealed record CatalogObject(int Id, string Schema, string Name, string Type, int ParentId, Table? Table);

/// <summary>
/// The database's catalog as the scripts read so far leave it, starting from an empty database: the
/// model's tables, columns, keys and indexes, and the other objects the scripts created. Object ids are
/// numbered afresh for each snapshot; they are only compared within one guard.
/// </summary>
internal sealed class CatalogSnapshot
{
    private static readonly HashSet<string> SystemTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "bigint", "binary", "bit", "char", "date", "datetime", "datetime2", "datetimeoffset", "decimal", "float",
        "geography", "geometry", "hierarchyid", "image", "int", "money", "nchar", "ntext", "numeric", "nvarchar",
        "real", "smalldatetime", "smallint", "smallmoney", "sql_variant", "sysname", "text", "time", "timestamp",
        "tinyint", "uniqueidentifier", "varbinary", "varchar", "xml", "json", "vector",
    };

    private readonly IngestSession _session;
    private readonly ScriptObjects _objects;
    private readonly Dictionary<string, int> _schemaIds = new(Identifier.Comparer);
    private readonly List<CatalogObject> _all = [];
    private readonly Dictionary<int, CatalogObject> _byId = [];
    private readonly Dictionary<string, List<CatalogRow>> _views = new(StringComparer.OrdinalIgnoreCase);

    public CatalogSnapshot(IngestSession session, ScriptObjects objects)
    {
        _session = session;
        _objects = objects;
        foreach (var schema in objects.Schemas) SchemaIdOf(schema);
        int id = 1000;
        foreach (var table in session.Model.Tables)
        {
            var schema = table.Name.Schema ?? QualifiedName.DefaultSchema;
            SchemaIdOf(schema);
            var t = Add(new CatalogObject(++id, schema, table.Name.Name, "U", 0, table));
            int unnamed = 0;
            string NameOr(string? name, string prefix) => name ?? $"{prefix}__{table.Name.Name}__{++unnamed}";
            if (table.PrimaryKey is { } pk) Add(new CatalogObject(++id, schema, NameOr(pk.Name, "PK"), "PK", t.Id, table));
            foreach (var u in table.UniqueConstraints) Add(new CatalogObject(++id, schema, NameOr(u.Name, "UQ"), "UQ", t.Id, table));
            foreach (var f in table.ForeignKeys) Add(new CatalogObject(++id, schema, NameOr(f.Name, "FK"), "F", t.Id, table));
            foreach (var c in table.CheckConstraints) Add(new CatalogObject(++id, schema, NameOr(c.Name, "CK"), "C", t.Id, table));
            foreach (var d in session.State(table).DefaultConstraints.Keys) Add(new CatalogObject(++id, schema, d, "D", t.Id, table));
        }
        foreach (var (name, type) in objects.Modules)
        {
            var schema = name.Schema ?? QualifiedName.DefaultSchema;
            SchemaIdOf(schema);
            Add(new CatalogObject(++id, schema, name.Name, type, 0, null));
        }
    }

    private CatalogObject Add(CatalogObject o)
    {
        _all.Add(o);
        _byId[o.Id] = o;
        return o;
    }

    private int SchemaIdOf(string schema)
    {
        if (!_schemaIds.TryGetValue(schema, out var id)) _schemaIds[schema] = id = _schemaIds.Count + 1;
        return id;
    }

    public int? SchemaId(string name) => _schemaIds.TryGetValue(Identifier.Unquote(name), out var id) ? id : null;

    public string? SchemaName(long id) => _schemaIds.FirstOrDefault(p => p.Value == id).Key;

    public CatalogObject? ById(long id) => _byId.GetValueOrDefault((int)Math.Clamp(id, int.MinValue, int.MaxValue));

    /// <summary>
    /// OBJECT_ID: null when no such object exists; unknown (false return) when the name is one the
    /// snapshot cannot answer for (a temporary table, another database's object).
    /// </summary>
    public bool TryFindObject(string text, string? type, out CatalogObject? found)
    {
        found = null;
        var parts = Identifier.SplitMultipart(text);
        if (parts.Count == 0 || parts.Count > 4 || parts[^1].StartsWith('#')) return false;
        // A named database other than this one is outside what the scripts show; an empty part means the current one.
        var schema = parts.Count >= 2 && parts[^2].Length > 0 ? parts[^2] : QualifiedName.DefaultSchema;
        var name = parts[^1];
        found = _all.FirstOrDefault(o => Identifier.AreEqual(o.Schema, schema) && Identifier.AreEqual(o.Name, name) &&
                                         (type is null || string.Equals(o.Type, type.Trim(), StringComparison.OrdinalIgnoreCase)));
        return true;
    }

    public bool TypeExists(string text)
    {
        var parts = Identifier.SplitMultipart(text);
        if (parts.Count == 0) return false;
        if (parts.Count == 1 && SystemTypes.Contains(parts[0])) return true;
        if (parts.Count == 2 && Identifier.AreEqual(parts[0], "sys") && SystemTypes.Contains(parts[1])) return true;
        var name = new QualifiedName(parts.Count >= 2 ? parts[^2] : QualifiedName.DefaultSchema, parts[^1]);
        return _session.Model.AliasTypes.ContainsKey(name) || _objects.Modules.TryGetValue(name, out var t) && t == "TT";
    }

    public Table? TableById(long id) => ById(id)?.Table is { } t && ById(id)!.Type == "U" ? t : null;

    /// <summary>The index names of a table: its keys, its unique indexes and the others the scripts created.</summary>
    public IEnumerable<(string name, bool unique, bool primary, bool constraint)> IndexesOf(Table table)
    {
        int unnamed = 0;
        if (table.PrimaryKey is { } pk) yield return (pk.Name ?? $"PK__{table.Name.Name}__{++unnamed}", true, true, true);
        foreach (var u in table.UniqueConstraints) yield return (u.Name ?? $"UQ__{table.Name.Name}__{++unnamed}", true, false, true);
        foreach (var i in table.UniqueIndexes) yield return (i.Name, true, false, false);
        foreach (var n in _objects.IndexesOf(table)) yield return (n, false, false, false);
    }

    /// <summary>The rows of a catalog view (sys.tables, INFORMATION_SCHEMA.COLUMNS ...), or null when the name is not one.</summary>
    public IReadOnlyList<CatalogRow>? Rows(IReadOnlyList<string> parts)
    {
        if (parts.Count == 0) return null;
        var view = parts[^1];
        var schema = parts.Count >= 2 ? parts[^2] : "";
        string key;
        if (Identifier.AreEqual(schema, "INFORMATION_SCHEMA")) key = "INFORMATION_SCHEMA." + view;
        else if (Identifier.AreEqual(schema, "sys")) key = "sys." + view;
        // The SQL Server 2000 compatibility views are reachable without a schema (dbo.sysobjects too).
        else if (view.ToLowerInvariant() is "sysobjects" or "syscolumns" or "sysindexes" or "systypes") key = "sys." + view;
        else return null;
        if (_views.TryGetValue(key, out var rows)) return rows;
        var built = Build(key.ToLowerInvariant());
        if (built is null) return null;
        _views[key] = built;
        return built;
    }

    private List<CatalogRow>? Build(string view) => view switch
    {
        "sys.objects" or "sys.all_objects" => ObjectRows(_ => true),
        "sys.tables" => ObjectRows(o => o.Type == "U"),
        "sys.views" => ObjectRows(o => o.Type == "V"),
        "sys.procedures" => ObjectRows(o => o.Type == "P"),
        "sys.sequences" => ObjectRows(o => o.Type == "SO"),
        "sys.synonyms" => ObjectRows(o => o.Type == "SN"),
        "sys.triggers" => ObjectRows(o => o.Type == "TR"),
        "sys.foreign_keys" => ObjectRows(o => o.Type == "F"),
        "sys.key_constraints" => ObjectRows(o => o.Type is "PK" or "UQ"),
        "sys.check_constraints" => ObjectRows(o => o.Type == "C"),
        "sys.default_constraints" => ObjectRows(o => o.Type == "D"),
        "sys.sysobjects" => _all.Select(o => Row(("id", o.Id), ("name", o.Name), ("xtype", o.Type), ("type", o.Type),
            ("uid", SchemaIdOf(o.Schema)), ("parent_obj", o.ParentId))).ToList(),
        "sys.columns" or "sys.all_columns" => ColumnRows(("object_id", "column_id")),
        "sys.syscolumns" => ColumnRows(("id", "colid")),
        "sys.indexes" => IndexRows("object_id", "index_id"),
        "sys.sysindexes" => IndexRows("id", "indid"),
        "sys.schemas" => _schemaIds.Select(p => Row(("schema_id", p.Value), ("name", p.Key))).ToList(),
        "sys.types" or "sys.systypes" or "sys.table_types" => TypeRows(view == "sys.table_types"),
        "information_schema.tables" => _all.Where(o => o.Type is "U" or "V").Select(o => Row(("TABLE_SCHEMA", o.Schema),
            ("TABLE_NAME", o.Name), ("TABLE_TYPE", o.Type == "U" ? "BASE TABLE" : "VIEW"))).ToList(),
        "information_schema.views" => _all.Where(o => o.Type == "V").Select(o => Row(("TABLE_SCHEMA", o.Schema), ("TABLE_NAME", o.Name))).ToList(),
        "information_schema.routines" => _all.Where(o => o.Type is "P" or "FN" or "IF" or "TF").Select(o => Row(("ROUTINE_SCHEMA", o.Schema),
            ("ROUTINE_NAME", o.Name), ("ROUTINE_TYPE", o.Type == "P" ? "PROCEDURE" : "FUNCTION"))).ToList(),
        "information_schema.schemata" => _schemaIds.Keys.Select(s => Row(("SCHEMA_NAME", s))).ToList(),
        "information_schema.columns" => _all.Where(o => o.Type == "U").SelectMany(o => o.Table!.Columns.Select((c, i) => Row(
            ("TABLE_SCHEMA", o.Schema), ("TABLE_NAME", o.Name), ("COLUMN_NAME", c.Name), ("ORDINAL_POSITION", i + 1),
            ("DATA_TYPE", c.Type.Name), ("IS_NULLABLE", c.IsNullable ? "YES" : "NO")))).ToList(),
        "information_schema.table_constraints" => _all.Where(o => o.Type is "PK" or "UQ" or "F" or "C").Select(o => Row(
            ("CONSTRAINT_SCHEMA", o.Schema), ("CONSTRAINT_NAME", o.Name), ("TABLE_SCHEMA", o.Schema), ("TABLE_NAME", _byId[o.ParentId].Name),
            ("CONSTRAINT_TYPE", o.Type switch { "PK" => "PRIMARY KEY", "UQ" => "UNIQUE", "F" => "FOREIGN KEY", _ => "CHECK" }))).ToList(),
        _ => null,
    };

    private List<CatalogRow> ObjectRows(Func<CatalogObject, bool> which) =>
        _all.Where(which).Select(o => Row(("object_id", o.Id), ("name", o.Name), ("schema_id", SchemaIdOf(o.Schema)), ("type", o.Type),
            ("parent_object_id", o.ParentId), ("parent_id", o.ParentId), ("is_ms_shipped", 0))).ToList();

    private List<CatalogRow> ColumnRows((string objectId, string columnId) names) =>
        _all.Where(o => o.Type == "U").SelectMany(o => o.Table!.Columns.Select((c, i) => Row((names.objectId, o.Id), ("name", c.Name),
            (names.columnId, i + 1), ("is_nullable", c.IsNullable), ("is_identity", c.IsIdentity),
            ("is_computed", c.ComputedExpression is not null)))).ToList();

    private List<CatalogRow> IndexRows(string objectId, string indexId) =>
        _all.Where(o => o.Type == "U").SelectMany(o => IndexesOf(o.Table!).Select((x, i) => Row((objectId, o.Id), ("name", x.name),
            (indexId, i + 1), ("is_unique", x.unique), ("is_primary_key", x.primary), ("is_unique_constraint", x.constraint && !x.primary)))).ToList();

    private List<CatalogRow> TypeRows(bool tableTypesOnly)
    {
        var rows = new List<CatalogRow>();
        int id = 0;
        if (!tableTypesOnly)
        {
            foreach (var t in SystemTypes) rows.Add(Row(("name", t), ("schema_id", SchemaIdOf("sys")), ("user_type_id", ++id), ("is_user_defined", false), ("is_table_type", false)));
            foreach (var a in _session.Model.AliasTypes.Keys)
                rows.Add(Row(("name", a.Name), ("schema_id", SchemaIdOf(a.Schema ?? "dbo")), ("user_type_id", 256 + ++id), ("is_user_defined", true), ("is_table_type", false)));
        }
        foreach (var (name, type) in _objects.Modules.Where(m => m.Value == "TT"))
            rows.Add(Row(("name", name.Name), ("schema_id", SchemaIdOf(name.Schema ?? "dbo")), ("user_type_id", 256 + ++id), ("is_user_defined", true), ("is_table_type", true)));
        return rows;
    }

    private static CatalogRow Row(params (string column, object value)[] values)
    {
        var row = new CatalogRow();
        foreach (var (column, value) in values)
            row[column] = value switch
            {
                int n => CatalogValue.Of(n),
                bool b => CatalogValue.Of(b),
                string s => CatalogValue.Of(s),
                _ => CatalogValue.Unknown,
            };
        return row;
    }
}
