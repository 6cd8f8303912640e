using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Sources;

/// <summary>
/// Dependencies written by a person (DDL comments, config entries), resolved against a table's columns
/// the way SQL Server matches names: case-insensitively, with [brackets] or "quotes" allowed. A name
/// that matches no column is an error at the annotation's location, and the dependency is dropped.
/// </summary>
internal static class DeclaredDependencies
{
    public static List<TableDependency> Resolve(Table table, IEnumerable<DependencyAnnotation> annotations, string origin, DiagnosticBag diagnostics)
    {
        var result = new List<TableDependency>();
        var universe = AttributeSet.Range(table.Columns.Count);
        foreach (var a in annotations)
        {
            var dep = ResolveOne(table, universe, a, origin, diagnostics);
            if (dep is null) continue;
            if (result.Any(d => SameDependency(d, dep))) continue;
            result.Add(dep);
        }
        return result;
    }

    private static TableDependency? ResolveOne(Table table, AttributeSet universe, DependencyAnnotation a, string origin, DiagnosticBag diagnostics)
    {
        bool ok = true;
        AttributeSet Set(IEnumerable<string> names)
        {
            var list = names.ToList();
            foreach (var name in list.Where(n => table.IndexOf(n) < 0))
            {
                diagnostics.Error($"unknown column '{Identifier.Unquote(name)}' in {table.Name} (in '{a}')", a.Location);
                ok = false;
            }
            return table.ColumnsAmong(list);
        }

        switch (a.Kind)
        {
            case DependencyKind.Fd:
            case DependencyKind.Mvd:
            {
                var lhs = Set(a.Lhs);
                var rhs = Set(a.Rhs);
                if (!ok) return null;
                if (a.Rhs.Count == 0)
                {
                    diagnostics.Error($"'{a}' has no column on the right", a.Location);
                    return null;
                }
                return a.Kind == DependencyKind.Fd
                    ? TableDependency.Functional(new FunctionalDependency(lhs, rhs), DependencySource.Declared, a.Location, origin)
                    : TableDependency.Multivalued(new MultivaluedDependency(lhs, rhs), DependencySource.Declared, a.Location, origin);
            }
            default:
            {
                var components = a.Components.Select(Set).ToList();
                if (!ok) return null;
                if (components.Count < 2 || components.Any(c => c.IsEmpty))
                {
                    diagnostics.Error($"'{a}' needs at least two non-empty components", a.Location);
                    return null;
                }
                var jd = new JoinDependency(components);
                var missing = universe - jd.Attributes;
                if (!missing.IsEmpty)
                {
                    diagnostics.Warning(
                        $"'{a}' leaves out {missing.Format(table.ColumnNames)} of {table.Name}; a join dependency must cover every column, so it is ignored",
                        a.Location);
                    return null;
                }
                return TableDependency.Join(jd, DependencySource.Declared, a.Location, origin);
            }
        }
    }

    internal static bool SameDependency(TableDependency a, TableDependency b) =>
        a.Kind == b.Kind && a.Kind switch
        {
            DependencyKind.Fd => a.Fd == b.Fd,
            DependencyKind.Mvd => a.Mvd == b.Mvd,
            _ => a.Jd!.Equals(b.Jd),
        };
}
