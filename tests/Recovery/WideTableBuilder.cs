using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Recovery;

/// <summary>
/// Joins a child table with all its ancestors along the declared foreign keys (docs/benchmarks.md,
/// "Recovering wide tables", states the rules):
/// - only ancestors with rows are joined; a path never enters a table already on it (self-references
///   and cycles stay plain columns);
/// - each join is a left join: a NULL or dangling foreign key gives NULLs, and those columns are nullable;
/// - a join column appears once, as the child's foreign-key column;
/// - an ancestor reached twice with the same join columns is one copy; reached through different columns
///   (BillToAddressID, ShipToAddressID) each path is its own copy, named by its role;
/// - LOBs (text, ntext, image, xml, (n)varchar(max), varbinary(max), spatial types) and computed columns
///   are left out;
/// - a column name that occurs in more than one copy is prefixed with its copy's name (CustomerCity),
///   except in the child table, whose columns keep their names.
/// </summary>
public static class WideTableBuilder
{
    private const char KeySeparator = '\u001f';

    /// <summary>The tables of <paramref name="model"/> with rows whose ancestors with rows are two or more levels deep.</summary>
    public static IReadOnlyList<Table> TablesWithTwoLevelsOfParents(SchemaModel model, Func<Table, ForeignKey, bool>? follow = null) =>
        model.Tables.Where(t => HasRows(t) && Depth(model, t, [t], follow ?? ((_, _) => true)) >= 2).ToList();

    private static int Depth(SchemaModel model, Table table, HashSet<Table> path, Func<Table, ForeignKey, bool> follow)
    {
        int depth = 0;
        foreach (var fk in table.ForeignKeys)
        {
            if (!follow(table, fk) || model.Find(fk.ReferencedTable) is not { } parent || !HasRows(parent) || path.Contains(parent)) continue;
            path.Add(parent);
            depth = Math.Max(depth, 1 + Depth(model, parent, path, follow));
            path.Remove(parent);
        }
        return depth;
    }

    private static bool HasRows(Table t) => t.Data is { RowCount: > 0 };

    /// <summary>Types left out of a wide table: large objects and values the CSV form does not carry.</summary>
    public static bool IsLob(SqlType type) =>
        type.Length == -1 || type.Name is "text" or "ntext" or "image" or "xml" or "geography" or "geometry" or "sql_variant" or "rowversion" or "timestamp";

    private sealed class Copy(Table table, Copy? parent, ForeignKey? via)
    {
        public Table Table { get; } = table;
        public Copy? Parent { get; } = parent;
        public ForeignKey? Via { get; } = via;
        /// <summary>Source column (table order) to the wide column index.</summary>
        public Dictionary<string, int> Slots { get; } = new(StringComparer.OrdinalIgnoreCase);
        public string Label { get; set; } = "";
        public int Depth => Parent is null ? 0 : Parent.Depth + 1;
        public int[] RowOf { get; set; } = [];
        public bool Optional { get; set; }
        public IEnumerable<Table> Path() { for (var c = this; c is not null; c = c.Parent) yield return c.Table; }
    }

    private sealed record Slot(Copy Owner, Column Column, int SourceIndex);

    /// <summary>The wide table of <paramref name="child"/>; <paramref name="follow"/> chooses which foreign keys are joined (all by default).</summary>
    public static WideTable Build(SchemaModel model, Table child, string name, Func<Table, ForeignKey, bool>? follow = null)
    {
        if (!HasRows(child)) throw new ArgumentException($"{child.Name} has no rows", nameof(child));
        follow ??= (_, _) => true;

        // The copies, breadth first, so that the shortest path names a copy; and their columns.
        var root = new Copy(child, null, null);
        var copies = new List<Copy> { root };
        var slots = new List<Slot>();
        AddOwnColumns(root, slots);
        var seen = new HashSet<string>();
        for (int i = 0; i < copies.Count; i++)
        {
            var copy = copies[i];
            foreach (var fk in copy.Table.ForeignKeys)
            {
                if (!follow(copy.Table, fk) || model.Find(fk.ReferencedTable) is not { } parent || !HasRows(parent) || copy.Path().Contains(parent)) continue;
                if (fk.Columns.Count != fk.ReferencedColumns.Count || fk.Columns.Any(c => !copy.Slots.ContainsKey(c))) continue;
                if (fk.ReferencedColumns.Any(c => parent.IndexOf(c) < 0)) continue;
                // A copy is the ancestor and the wide columns that hold its key: the same pair is the same rows.
                var joinSlots = fk.Columns.Select(c => copy.Slots[c]).ToList();
                var identity = parent.Name + "|" + string.Join(",", fk.ReferencedColumns.Zip(joinSlots, (r, s) => $"{r.ToUpperInvariant()}={s}"));
                if (!seen.Add(identity)) continue;
                var next = new Copy(parent, copy, fk);
                for (int k = 0; k < fk.Columns.Count; k++) next.Slots[fk.ReferencedColumns[k]] = joinSlots[k];
                AddOwnColumns(next, slots);
                copies.Add(next);
            }
        }

        NameCopies(copies);
        var names = NameColumns(slots, root);
        FindRows(copies);

        var columns = slots.Select((s, i) => new WideColumn(names[i], s.Owner.Label, s.Owner.Table.Name, s.Column.Name, s.Column.Type,
            s.Column.IsNullable || s.Owner.Optional)).ToList();
        var expected = copies.Select(c => Expected(c, names)).ToList();
        int rowCount = child.Data!.RowCount;
        var slotArray = slots.ToArray();
        return new WideTable(name, columns, expected[0].Key, expected, rowCount, () => Rows(slotArray, rowCount));
    }

    private static void AddOwnColumns(Copy copy, List<Slot> slots)
    {
        for (int i = 0; i < copy.Table.Columns.Count; i++)
        {
            var column = copy.Table.Columns[i];
            if (copy.Slots.ContainsKey(column.Name) || column.IsComputed || IsLob(column.Type)) continue;
            copy.Slots[column.Name] = slots.Count;
            slots.Add(new Slot(copy, column, i));
        }
    }

    /// <summary>A copy is named by its table; a table with several copies, by each one's role (the foreign key's column without Id/Key).</summary>
    private static void NameCopies(List<Copy> copies)
    {
        foreach (var c in copies) c.Label = Singular(c.Table.Name.Name);
        foreach (var group in copies.Skip(1).GroupBy(c => c.Table).Where(g => g.Count() > 1))
        {
            foreach (var c in group) c.Label = Role(c.Via!) is { Length: > 0 } role && !role.Equals(c.Label, StringComparison.OrdinalIgnoreCase) ? role : c.Label;
            // Roles that still coincide (two parents' AddressID) take their parent's name too.
            foreach (var same in group.GroupBy(c => c.Label, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                foreach (var c in same) c.Label = c.Parent!.Label + c.Label;
        }
        // A copy below a role copy carries the role (ShipToAddress → ShipToAddressStateProvince) when its table has several copies.
        foreach (var c in copies.OrderBy(c => c.Depth))
            if (c.Parent is { } p && copies.Count(o => o.Table == c.Table) > 1 && copies.Count(o => o.Table == p.Table) > 1
                && !c.Label.StartsWith(p.Label, StringComparison.OrdinalIgnoreCase))
                c.Label = p.Label + c.Label;
    }

    private static string Role(ForeignKey fk)
    {
        var role = string.Concat(fk.Columns.Select(c => c.Replace(" ", "", StringComparison.Ordinal)));
        foreach (var suffix in new[] { "_id", "_key", "ID", "Id", "Key", "key" })
            if (role.Length > suffix.Length && role.EndsWith(suffix, StringComparison.Ordinal)) return role[..^suffix.Length];
        return role;
    }

    /// <summary>Customers → Customer, Categories → Category, Order Details → OrderDetail.</summary>
    public static string Singular(string tableName)
    {
        var name = tableName.Replace(" ", "", StringComparison.Ordinal);
        if (name.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && name.Length > 3) return name[..^3] + "y";
        if (name.EndsWith("sses", StringComparison.OrdinalIgnoreCase)) return name[..^2];
        if (name.EndsWith('s') && !name.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("is", StringComparison.OrdinalIgnoreCase) && name.Length > 1)
            return name[..^1];
        return name;
    }

    private static string[] NameColumns(List<Slot> slots, Copy root)
    {
        var counts = slots.GroupBy(s => s.Column.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var names = slots.Select(s => counts[s.Column.Name] > 1 && s.Owner != root ? Prefixed(s.Owner.Label, s.Column.Name) : s.Column.Name)
            .Select(n => n.Replace(" ", "", StringComparison.Ordinal)).ToArray();
        // Whatever still clashes (a prefixed name equal to another column) is numbered.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            var n = names[i];
            for (int k = 2; !taken.Add(n); k++) n = names[i] + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names[i] = n;
        }
        return names;
    }

    /// <summary>
    /// City in Customer → CustomerCity (a column already starting with the name keeps one copy of it); a
    /// lower-case column name takes an underscore, as such schemas write names: city in publishers → publisher_city.
    /// </summary>
    private static string Prefixed(string label, string column)
    {
        if (column.Length > 0 && char.IsLower(column[0])) return label + "_" + column;
        return column.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? label + column[label.Length..] : label + column;
    }

    /// <summary>For each copy, the row of its table that each child row joins (−1: none, a left join's NULLs).</summary>
    private static void FindRows(List<Copy> copies)
    {
        var root = copies[0];
        int rows = root.Table.Data!.RowCount;
        root.RowOf = Enumerable.Range(0, rows).ToArray();
        foreach (var copy in copies.Skip(1))
        {
            var parent = copy.Parent!;
            var fk = copy.Via!;
            var index = Index(copy.Table, fk.ReferencedColumns);
            var from = fk.Columns.Select(parent.Table.IndexOf).ToArray();
            var rowOf = new int[rows];
            // A nullable foreign key is a left join by the schema, whatever the sample holds.
            bool optional = parent.Optional || fk.Columns.Any(c => parent.Table.FindColumn(c)?.IsNullable != false);
            for (int r = 0; r < rows; r++)
            {
                int p = parent.RowOf[r];
                rowOf[r] = p >= 0 && KeyOf(parent.Table.Data!, p, from) is { } key && index.TryGetValue(key, out var found) ? found : -1;
                if (rowOf[r] < 0) optional = true;
            }
            copy.RowOf = rowOf;
            copy.Optional = optional;
        }
    }

    private static Dictionary<string, int> Index(Table table, IReadOnlyList<string> columns)
    {
        var data = table.Data!;
        var at = columns.Select(table.IndexOf).ToArray();
        var index = new Dictionary<string, int>(data.RowCount, StringComparer.OrdinalIgnoreCase);
        for (int r = 0; r < data.RowCount; r++)
            if (KeyOf(data, r, at) is { } key) index.TryAdd(key, r);
        return index;
    }

    /// <summary>The values of the given columns in one row, or null when one is NULL (it joins nothing).</summary>
    private static string? KeyOf(TableData data, int row, int[] columns)
    {
        if (columns.Length == 1) return data.Value(row, columns[0])?.Trim();
        var parts = new string[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            if (data.Value(row, columns[i]) is not { } v) return null;
            parts[i] = v.Trim();
        }
        return string.Join(KeySeparator, parts);
    }

    private static IEnumerable<string?[]> Rows(Slot[] slots, int rowCount)
    {
        var row = new string?[slots.Length];
        for (int r = 0; r < rowCount; r++)
        {
            for (int i = 0; i < slots.Length; i++)
            {
                var s = slots[i];
                int at = s.Owner.RowOf[r];
                row[i] = at < 0 ? null : s.Owner.Table.Data!.Value(at, s.SourceIndex);
            }
            yield return row;
        }
    }

    private static ExpectedTable Expected(Copy copy, string[] names)
    {
        var table = copy.Table;
        string Wide(string column) => copy.Slots.TryGetValue(column, out var s) ? names[s]
            : throw new InvalidOperationException($"{table.Name}.{column} is not in the wide table");
        var columns = table.Columns.Where(c => copy.Slots.ContainsKey(c.Name)).Select(c => Wide(c.Name)).ToList();
        IReadOnlyList<string> key =
            table.PrimaryKey is { } pk ? pk.Columns
            : table.UniqueConstraints.FirstOrDefault()?.Columns
            ?? copy.Via?.ReferencedColumns
            ?? table.Columns.Where(c => copy.Slots.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var splits = table.Annotations.Where(a => a.Kind == DependencyKind.Fd)
            .Select(a => ((IReadOnlyList<string>)a.Lhs.Select(Wide).ToList(), (IReadOnlyList<string>)a.Rhs.Select(Wide).ToList()))
            .ToList();
        return new ExpectedTable(copy.Label, table.Name, columns, key.Select(Wide).ToList(), splits);
    }
}
