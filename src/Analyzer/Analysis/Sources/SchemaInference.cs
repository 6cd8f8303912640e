using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Sources;

/// <summary>
/// Dependencies the schema's shape suggests: a table with a foreign key X to a parent P and a column C that
/// repeats a non-key column of P (same name, same type) holds X -> C when C is a copy of P.C (source
/// <c>schema</c>). Columns that only look alike are left out:
/// <list type="bullet">
/// <item>self-references, computed and identity columns, rowversion;</item>
/// <item>columns in a key of either table (Product.Name and ProductCategory.Name are each their own table's name);</item>
/// <item>columns filled by a non-constant default (ModifiedDate DEFAULT getdate(), rowguid DEFAULT newid());</item>
/// <item>naming conventions: a name that also appears in a third table unrelated to the parent by a foreign key
/// (ModifiedDate, Name, Description in every table).</item>
/// <item>a column with a foreign key of its own (a customer's address_id beside its store's): it references
/// its own parent row.</item>
/// </list>
/// With sample rows, an inference stays only where the rows confirm it: the child's rows agree among
/// themselves and, when the parent has rows too, every child row that joins its parent row holds the same
/// value; otherwise it is dropped and said so in a note. Without rows it stays a suspicion (a note that
/// does not change the normal form unless schema inference is trusted).
/// </summary>
internal static class SchemaInference
{
    public sealed record Inference(TableDependency Dependency, Table Parent, ForeignKey ForeignKey, int Column);

    public static List<Inference> Infer(SchemaModel model, Table table, List<string> notes)
    {
        var result = new List<Inference>();
        var childKeys = table.DeclaredKeys;
        var childPrime = childKeys.Aggregate(AttributeSet.Empty, (a, k) => a | k);
        var view = DataView.For(table);
        // A column with a foreign key of its own references its own parent row: it is no copy of another's.
        var ownReferences = table.ColumnsAmong(table.ForeignKeys.SelectMany(f => f.Columns));
        foreach (var fk in table.ForeignKeys)
        {
            var parent = model.Find(fk.ReferencedTable);
            if (parent is null || ReferenceEquals(parent, table)) continue;
            var fkCols = fk.Columns.Select(table.IndexOf).ToList();
            if (fkCols.Count == 0 || fkCols.Any(i => i < 0)) continue;
            var x = AttributeSet.Of(fkCols);
            var parentKeys = parent.DeclaredKeys;
            var referenced = fk.ReferencedColumns.Count > 0
                ? fk.ReferencedColumns.Select(parent.IndexOf).ToList()
                : parent.PrimaryKey?.Columns.Select(parent.IndexOf).ToList() ?? [];
            if (referenced.Count == 0 || referenced.Any(i => i < 0)) continue;
            // The referenced columns must identify a parent row, or the child's X says nothing about P.C.
            if (!parentKeys.Any(k => k.IsSubsetOf(AttributeSet.Of(referenced)))) continue;
            var parentPrime = parentKeys.Aggregate(AttributeSet.Empty, (a, k) => a | k);

            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (x.Contains(c) || childPrime.Contains(c) || ownReferences.Contains(c)) continue;
                var col = table.Columns[c];
                int p = parent.IndexOf(col.Name);
                if (p < 0 || parentPrime.Contains(p)) continue;
                var pcol = parent.Columns[p];
                if (!SameType(col.Type, pcol.Type) || Generated(col) || Generated(pcol)) continue;
                if (IsConvention(model, table, parent, col.Name)) continue;

                var fd = new FunctionalDependency(x, c);
                var fkName = fk.Name is null ? $"({string.Join(", ", fk.Columns)})" : fk.Name;
                var origin = $"{col.Name} repeats {parent.Name}.{pcol.Name} through foreign key {fkName}";
                DataEvidence? evidence = null;
                if (view is not null && view.HasAll(x) && view.Has(c))
                {
                    var check = FdCheck.Run(view, x, AttributeSet.Single(c));
                    if (check.Conflicts.Count > 0)
                    {
                        var g = check.Conflicts[0];
                        notes.Add($"{col.Name} looks copied from {parent.Name} through {fkName}, but the sample rows disagree " +
                                  $"({view.Describe(g[0], x, table.ColumnNames)} has {col.Name} {view.Quote(g[0], c)} in row {g[0] + 1} " +
                                  $"and {view.Quote(g[1], c)} in row {g[1] + 1}): not treated as a copy");
                        continue;
                    }
                    evidence = new DataEvidence(check.Support, 0.0) { WitnessGroups = check.Repeats };
                    if (ParentDisagrees(table, view, fkCols, c, parent, referenced, p) is { } disagreement)
                    {
                        notes.Add($"{col.Name} looks copied from {parent.Name} through {fkName}, but {disagreement}: not treated as a copy");
                        continue;
                    }
                }
                result.Add(new Inference(
                    TableDependency.Functional(fd, DependencySource.Schema, fk.Location, origin, evidence), parent, fk, c));
            }
        }
        return result;
    }

    /// <summary>
    /// With the parent's rows too, a copy must agree with its original in every joined pair of rows: why
    /// not, or null when it does (or when the parent has no rows to compare with).
    /// </summary>
    private static string? ParentDisagrees(Table child, DataView view, IReadOnlyList<int> fkCols, int column, Table parent, IReadOnlyList<int> referenced, int parentColumn)
    {
        if (DataView.For(parent) is not { } parentView || !parentView.HasAll(AttributeSet.Of(referenced)) || !parentView.Has(parentColumn))
            return null;
        var parentRows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < parentView.RowCount; r++)
        {
            var key = referenced.Select(k => parentView.Value(r, k)).ToList();
            if (key.Any(v => v is null)) continue;
            parentRows.TryAdd(string.Join("\u0001", key), r);
        }
        int joined = 0;
        for (int r = 0; r < view.RowCount; r++)
        {
            var values = fkCols.Select(k => view.Value(r, k)).ToList();
            if (values.Any(v => v is null) || !parentRows.TryGetValue(string.Join("\u0001", values), out int pr)) continue;
            joined++;
            string? mine = view.Value(r, column), theirs = parentView.Value(pr, parentColumn);
            // Text compares as SQL Server's default collation does: case-insensitive, trailing spaces ignored.
            bool same = child.Columns[column].Type.IsCharacter
                ? string.Equals(mine?.TrimEnd(' '), theirs?.TrimEnd(' '), StringComparison.OrdinalIgnoreCase)
                : string.Equals(mine, theirs, StringComparison.Ordinal);
            if (!same)
                return $"row {r + 1} has {child.Columns[column].Name} {Show(mine)} where its {parent.Name} row has {Show(theirs)}";
        }
        return joined == 0 ? $"no sample row of {child.Name} joins a row of {parent.Name}" : null;
    }

    private static string Show(string? value) => value is null ? "NULL" : $"'{value}'";

    private static bool SameType(SqlType a, SqlType b) =>
        a.Name == b.Name && a.Length == b.Length && a.Precision == b.Precision && a.Scale == b.Scale;

    private static bool Generated(Column c) =>
        c.IsComputed || c.IsIdentity || c.Type.Name is "rowversion" or "timestamp"
        || (c.DefaultExpression is { } d && d.Any(char.IsLetter)); // getdate(), newid(), suser_sname(), ...

    private static bool IsConvention(SchemaModel model, Table child, Table parent, string name)
    {
        foreach (var other in model.Tables)
        {
            if (ReferenceEquals(other, child) || ReferenceEquals(other, parent)) continue;
            if (other.IndexOf(name) < 0) continue;
            bool related = other.ForeignKeys.Any(f => model.Find(f.ReferencedTable) is { } t && ReferenceEquals(t, parent))
                           || parent.ForeignKeys.Any(f => model.Find(f.ReferencedTable) is { } t && ReferenceEquals(t, other));
            if (!related) return true;
        }
        return false;
    }
}
