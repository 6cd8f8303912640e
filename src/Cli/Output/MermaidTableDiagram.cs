using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A Mermaid <c>erDiagram</c> of one table as it stands, for the Markdown report: its columns with their
/// types and key marks, a note on each column that a finding says depends on less than a key, and the
/// tables its foreign keys point to. GitHub renders it in a pull-request comment.
/// </summary>
internal static class MermaidTableDiagram
{
    public static string For(TableAnalysis t)
    {
        var table = t.Table;
        var names = t.ColumnNames;
        var pk = new HashSet<string>(table.PrimaryKey?.Columns.Select(Identifier.Unquote) ?? [], Identifier.Comparer);
        var fk = new HashSet<string>(table.ForeignKeys.SelectMany(f => f.Columns).Select(Identifier.Unquote), Identifier.Comparer);
        var uk = new HashSet<string>(table.UniqueConstraints.SelectMany(u => u.Columns).Select(Identifier.Unquote), Identifier.Comparer);

        // The first finding that names a column as the dependent side says what it depends on.
        var notes = new Dictionary<int, string>();
        foreach (var f in t.Findings)
            if (f.Dependency is { Kind: DependencyKind.Fd } d)
                foreach (var i in (d.Rhs - d.Lhs).ToArray())
                    notes.TryAdd(i, $"depends on {d.Lhs.Format(names)} ({f.RuleId})");

        var entity = new ErEntity(EntityName(table.Name), table.Columns.Select((c, i) => new ErAttribute(
            TypeName(c.Type), c.Name, PrimaryKey: pk.Contains(c.Name), ForeignKey: fk.Contains(c.Name),
            Unique: uk.Contains(c.Name), Comment: notes.GetValueOrDefault(i))).ToList());
        var references = table.ForeignKeys.Select(f => new ErRelationship(
            EntityName(f.ReferencedTable), entity.Name, string.Join(", ", f.Columns.Select(Identifier.Unquote))));
        return "```mermaid\n" + MermaidErDiagram.Render([entity], references).ReplaceLineEndings("\n") + "```\n";
    }

    /// <summary>dbo.Order Details: the renderer quotes entity names, so they stay as they are.</summary>
    public static string EntityName(QualifiedName name) => name.ToString();

    /// <summary>The declared type, decimal(10,2) and nvarchar(max) included (the renderer quotes what is not a word).</summary>
    private static string TypeName(SqlType type) => type.ToString();
}
