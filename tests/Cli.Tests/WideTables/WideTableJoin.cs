using System.Globalization;
using System.Text;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Tests.WideTables;

/// <summary>One table of the normalized schema, as columns of the wide table.</summary>
internal sealed record OriginalTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Key);

/// <summary>A denormalized table: its DDL columns, its rows, and the tables it was joined from.</summary>
internal sealed record WideTable(string Name, IReadOnlyList<(string Name, SqlType Type, bool Nullable)> Columns,
    IReadOnlyList<string?[]> Rows, IReadOnlyList<string> Key, IReadOnlyList<OriginalTable> Originals)
{
    /// <summary>CREATE TABLE (with or without its key) and the rows as CSV (empty field = NULL).</summary>
    public (string Ddl, string Csv) Script(bool primaryKey)
    {
        var ddl = new StringBuilder($"CREATE TABLE dbo.[{Name}] (\n");
        ddl.AppendJoin(",\n", Columns.Select(c => $"    [{c.Name}] {c.Type}{(c.Nullable ? " NULL" : " NOT NULL")}"));
        if (primaryKey) ddl.Append($",\n    CONSTRAINT [PK_{Name}] PRIMARY KEY ({string.Join(", ", Key.Select(k => $"[{k}]"))})");
        ddl.Append("\n);\n");
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(c => Quote(c.Name))).Append('\n');
        foreach (var row in Rows) csv.AppendJoin(',', row.Select(v => v is null ? "" : Quote(v))).Append('\n');
        return (ddl.ToString(), csv.ToString());
    }

    private static string Quote(string v) =>
        v.Length > 0 && v.IndexOfAny([',', '"', '\n', '\r']) < 0 && v.Trim() == v ? v : "\"" + v.Replace("\"", "\"\"") + "\"";
}

/// <summary>
/// Joins a table of a normalized schema with every table it reaches along its foreign keys (parents,
/// their parents, ...), as a reporting table would: every column except LOBs, one copy of each join
/// column, and a clashing name prefixed with its table's singular name (Suppliers.Country → SupplierCountry).
/// </summary>
internal static class WideTableJoin
{
    public static WideTable Build(SchemaModel model, string childName)
    {
        var child = model.Find(childName) ?? throw new InvalidOperationException($"no table {childName}");
        var columns = new List<(string Name, SqlType Type, bool Nullable)>();
        var originals = new List<OriginalTable>();
        // Per joined table: its column index → wide column index (join columns map to the child's copy).
        var map = new List<(Table Table, Dictionary<int, int> Columns, ForeignKey? Via, int ParentIndex)>();
        var visited = new HashSet<Table>(ReferenceEqualityComparer.Instance);

        void Visit(Table t, Dictionary<int, int> joinColumns, ForeignKey? via, int parentIndex)
        {
            visited.Add(t);
            var own = new Dictionary<int, int>(joinColumns);
            for (int c = 0; c < t.Columns.Count; c++)
            {
                if (own.ContainsKey(c)) continue;
                var col = t.Columns[c];
                if (IsLob(col.Type)) continue;
                string name = col.Name;
                if (columns.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)))
                    name = Singular(t.Name.Name).Replace(" ", "") + col.Name;
                own[c] = columns.Count;
                columns.Add((name, col.Type, via is not null || col.IsNullable));
            }
            int index = map.Count;
            map.Add((t, own, via, parentIndex));
            var key = t.PrimaryKey?.Columns.Select(k => columns[own[t.IndexOf(k)]].Name).ToList() ?? [];
            originals.Add(new OriginalTable(t.Name.Name, own.OrderBy(p => p.Value).Select(p => columns[p.Value].Name).ToList(), key));
            foreach (var fk in t.ForeignKeys)
            {
                if (model.Find(fk.ReferencedTable) is not { } parent || visited.Contains(parent) || parent.Data is null) continue;
                var referenced = fk.ReferencedColumns.Count > 0 ? fk.ReferencedColumns : parent.PrimaryKey?.Columns ?? [];
                if (referenced.Count != fk.Columns.Count) continue;
                var joins = new Dictionary<int, int>();
                for (int i = 0; i < referenced.Count; i++)
                    joins[parent.IndexOf(referenced[i])] = own[t.IndexOf(fk.Columns[i])];
                Visit(parent, joins, fk, index);
            }
        }
        Visit(child, [], null, -1);

        // Parent rows found by the referenced columns' values.
        var lookups = map.Select(m => m.Via is null ? null : Lookup(m.Table, m.Columns, m.Via, model)).ToList();
        var rows = new List<string?[]>();
        var data = child.Data ?? throw new InvalidOperationException($"{childName} has no rows");
        for (int r = 0; r < data.RowCount; r++)
        {
            var row = new string?[columns.Count];
            var rowOf = new int?[map.Count];
            rowOf[0] = r;
            for (int i = 0; i < map.Count; i++)
            {
                var (table, own, via, parentIndex) = map[i];
                if (i > 0)
                {
                    var key = string.Join("\u0001", via!.Columns.Select(c => row[map[parentIndex].Columns[map[parentIndex].Table.IndexOf(c)]]));
                    rowOf[i] = rowOf[parentIndex] is not null && lookups[i]!.TryGetValue(key, out int pr) ? pr : null;
                }
                if (rowOf[i] is not int tr) continue;
                foreach (var (c, w) in own)
                    row[w] ??= table.Data!.Value(tr, c);
            }
            rows.Add(row);
        }
        var wideKey = originals[0].Key;
        return new WideTable(child.Name.Name.Replace(" ", "") + "Wide", columns, rows, wideKey, originals);
    }

    private static Dictionary<string, int> Lookup(Table parent, Dictionary<int, int> own, ForeignKey via, SchemaModel model)
    {
        var referenced = via.ReferencedColumns.Count > 0 ? via.ReferencedColumns : parent.PrimaryKey!.Columns;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var data = parent.Data!;
        for (int r = 0; r < data.RowCount; r++)
            index.TryAdd(string.Join("\u0001", referenced.Select(c => data.Value(r, parent.IndexOf(c)))), r);
        return index;
    }

    private static bool IsLob(SqlType type) =>
        type.Name is "text" or "ntext" or "image" or "xml" or "geography" or "geometry" or "hierarchyid"
        || (type.Name is "varchar" or "nvarchar" or "varbinary" && type.Length is null or -1 or > 4000);

    private static string Singular(string name) =>
        name.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? name[..^3] + "y"
        : name.EndsWith("ses", StringComparison.OrdinalIgnoreCase) ? name[..^2]
        : name.EndsWith('s') ? name[..^1] : name;
}
