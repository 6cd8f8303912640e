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
/// </list>
/// With sample rows, an inference that the rows contradict is dropped and said so in a note.
/// </summary>
internal static class SchemaInference
{
    public sealed record Inference(TableDependency Dependency, Table Parent, ForeignKey ForeignKey, int Column);

    public static List<Inference> Infer(SchemaModel model, Table table, List<string> notes)
    {
        var result = new List<Inference>();
        var childKeys = KeyDependencies.DeclaredKeys(table);
        var childPrime = childKeys.Aggregate(AttributeSet.Empty, (a, k) => a | k);
        var view = DataView.For(table);
        foreach (var fk in table.ForeignKeys)
        {
            var parent = model.Find(fk.ReferencedTable);
            if (parent is null || ReferenceEquals(parent, table)) continue;
            var fkCols = fk.Columns.Select(table.IndexOf).ToList();
            if (fkCols.Count == 0 || fkCols.Any(i => i < 0)) continue;
            var x = AttributeSet.Of(fkCols);
            var parentKeys = KeyDependencies.DeclaredKeys(parent);
            var referenced = fk.ReferencedColumns.Count > 0
                ? fk.ReferencedColumns.Select(parent.IndexOf).ToList()
                : parent.PrimaryKey?.Columns.Select(parent.IndexOf).ToList() ?? [];
            if (referenced.Count == 0 || referenced.Any(i => i < 0)) continue;
            // The referenced columns must identify a parent row, or the child's X says nothing about P.C.
            if (!parentKeys.Any(k => k.IsSubsetOf(AttributeSet.Of(referenced)))) continue;
            var parentPrime = parentKeys.Aggregate(AttributeSet.Empty, (a, k) => a | k);

            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (x.Contains(c) || childPrime.Contains(c)) continue;
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
                }
                result.Add(new Inference(
                    TableDependency.Functional(fd, DependencySource.Schema, fk.Location, origin, evidence), parent, fk, c));
            }
        }
        return result;
    }

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
