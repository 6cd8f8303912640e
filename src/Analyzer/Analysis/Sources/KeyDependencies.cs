using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Sources;

/// <summary>
/// Dependencies from declared keys: PRIMARY KEY, UNIQUE constraints and unfiltered unique indexes each
/// give K -> (every column), source <c>key</c>.
/// <para>
/// Nullable UNIQUE columns: SQL Server compares NULLs as equal in UNIQUE constraints and unique indexes
/// (at most one row may hold NULL in a single-column one, and NULL combinations count as values), so the
/// columns still identify rows and are a key under the NULL-equals-NULL semantics the rest of the tool
/// uses. A filtered unique index (<c>WHERE Col IS NOT NULL</c>, the usual "unique when present" idiom)
/// only constrains some rows: it is a partial key, and gives no dependency.
/// </para>
/// </summary>
internal static class KeyDependencies
{
    public static List<TableDependency> From(Table table, DiagnosticBag diagnostics)
    {
        var result = new List<TableDependency>();
        var universe = AttributeSet.Range(table.Columns.Count);
        if (table.PrimaryKey is { } pk)
            Add(pk.Columns, $"PRIMARY KEY {pk.Name}".TrimEnd(), pk.Location);
        foreach (var uq in table.UniqueConstraints)
            Add(uq.Columns, $"UNIQUE {uq.Name}".TrimEnd(), uq.Location);
        foreach (var ix in table.UniqueIndexes.Where(i => !i.IsFiltered))
            Add(ix.Columns, $"UNIQUE INDEX {ix.Name}", ix.Location);
        return result;

        void Add(IReadOnlyList<string> columns, string origin, SourceLocation location)
        {
            var key = Resolve(table, columns, origin, location, diagnostics);
            if (key is not { } k) return;
            if (k.IsEmpty) return;
            var fd = new FunctionalDependency(k, universe);
            if (result.Any(d => d.Fd == fd)) return; // the same key declared twice (e.g. PK and a unique index on it)
            result.Add(TableDependency.Functional(fd, DependencySource.Key, location, origin));
        }
    }

    private static AttributeSet? Resolve(Table table, IReadOnlyList<string> columns, string origin, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (table.ColumnSet(columns) is { } set) return set;
        var unknown = columns.First(c => table.IndexOf(c) < 0);
        diagnostics.Warning($"{origin} of {table.Name} names unknown column '{unknown}'; the key is ignored", location);
        return null;
    }
}
