using System.Text;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A Mermaid <c>erDiagram</c> of one table as it stands, for the Markdown report: its columns with their
/// types and key marks, a note on each column that a finding says depends on less than a key, and the
/// tables its foreign keys point to. GitHub renders it in a pull-request comment.
/// </summary>
public static class MermaidTableDiagram
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

    /// <summary>dbo.Order Details → dbo_Order_Details: Mermaid entity names are words.</summary>
    public static string EntityName(QualifiedName name) => Word(name.ToString());

    /// <summary>A Mermaid word: letters, digits and '_' (it must not start with a digit).</summary>
    private static string Word(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(char.IsAsciiLetterOrDigit(ch) || ch == '_' ? ch : '_');
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>nvarchar(60), varchar(max), decimal: Mermaid types may not hold commas, so precision and scale are left out.</summary>
    private static string TypeName(SqlType type)
    {
        var name = Word(type.Name);
        return type.Length is int len ? $"{name}({(len < 0 ? "max" : len.ToString(System.Globalization.CultureInfo.InvariantCulture))})" : name;
    }
}
