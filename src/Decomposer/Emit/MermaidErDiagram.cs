using System.Text;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Emit;

/// <summary>One attribute line of an entity: type, name, key markers, an optional comment.</summary>
public sealed record ErAttribute(string Type, string Name, bool PrimaryKey = false, bool ForeignKey = false, bool Unique = false, string? Comment = null);

/// <summary>An entity (table) of an ER diagram.</summary>
public sealed record ErEntity(string Name, IReadOnlyList<ErAttribute> Attributes);

/// <summary>Parent ||--o{ Child: the child's foreign key <see cref="Label"/> references the parent; optional when it may be NULL.</summary>
public sealed record ErRelationship(string Parent, string Child, string Label, bool Optional = false);

/// <summary>
/// Mermaid <c>erDiagram</c> text for tables: from the schema model (any tables, e.g. a whole schema in a
/// Markdown report), or for a decomposition's source table and its proposed tables. Names are reduced to
/// what Mermaid accepts unquoted (letters, digits, underscores); types keep their length in parentheses.
/// </summary>
public static class MermaidErDiagram
{
    public static string Render(IEnumerable<ErEntity> entities, IEnumerable<ErRelationship> relationships)
    {
        var sb = new StringBuilder();
        sb.AppendLine("erDiagram");
        foreach (var e in entities)
        {
            sb.Append("    ").Append(Name(e.Name)).AppendLine(" {");
            foreach (var a in e.Attributes)
            {
                sb.Append("        ").Append(Type(a.Type)).Append(' ').Append(Name(a.Name));
                var keys = new List<string>();
                if (a.PrimaryKey) keys.Add("PK");
                if (a.ForeignKey) keys.Add("FK");
                if (a.Unique && !a.PrimaryKey) keys.Add("UK");
                if (keys.Count > 0) sb.Append(' ').Append(string.Join(", ", keys));
                if (a.Comment is { Length: > 0 } c) sb.Append(" \"").Append(c.Replace('"', '\'')).Append('"');
                sb.AppendLine();
            }
            sb.AppendLine("    }");
        }
        foreach (var r in relationships)
            sb.Append("    ").Append(Name(r.Parent)).Append(r.Optional ? " |o--o{ " : " ||--o{ ").Append(Name(r.Child))
              .Append(" : \"").Append(r.Label.Replace('"', '\'')).AppendLine("\"");
        return sb.ToString();
    }

    /// <summary>The tables as declared, with relationships for the foreign keys among them.</summary>
    public static string ForTables(IReadOnlyCollection<Table> tables)
    {
        var entities = tables.Select(t =>
        {
            var pk = t.PrimaryKey?.Columns ?? [];
            var fkCols = t.ForeignKeys.SelectMany(f => f.Columns).ToList();
            var unique = t.UniqueConstraints.SelectMany(u => u.Columns).ToList();
            return new ErEntity(t.Name.Name, t.Columns.Select(c => new ErAttribute(
                c.Type.ToString(), c.Name,
                PrimaryKey: pk.Any(p => Identifier.AreEqual(Identifier.Unquote(p), c.Name)),
                ForeignKey: fkCols.Any(p => Identifier.AreEqual(Identifier.Unquote(p), c.Name)),
                Unique: unique.Any(p => Identifier.AreEqual(Identifier.Unquote(p), c.Name)))).ToList());
        }).ToList();
        var relationships = new List<ErRelationship>();
        foreach (var t in tables)
            foreach (var fk in t.ForeignKeys)
            {
                var parent = tables.FirstOrDefault(p => p.Name.Equals(fk.ReferencedTable)
                                                        || (fk.ReferencedTable.Schema is null && Identifier.AreEqual(p.Name.Name, fk.ReferencedTable.Name)));
                if (parent is null) continue;
                bool optional = fk.Columns.Any(c => t.FindColumn(c)?.IsNullable ?? true);
                relationships.Add(new ErRelationship(parent.Name.Name, t.Name.Name, string.Join(", ", fk.Columns), optional));
            }
        return Render(entities, relationships);
    }

    /// <summary>The source table of a decomposition as it is.</summary>
    public static string Before(Decomposition d) => ForTables([d.Source]);

    /// <summary>The proposed tables, their keys and foreign keys (references to tables outside the proposal are listed as comments).</summary>
    public static string After(Decomposition d)
    {
        var source = d.Source;
        var entities = d.Tables.Select(t =>
        {
            var fkCols = t.ForeignKeys.Aggregate(AttributeSet.Empty, (a, f) => a | f.Columns);
            var unique = t.UniqueKeys.Aggregate(AttributeSet.Empty, (a, u) => a | u);
            return new ErEntity(t.Name, t.Columns.ToArray().Select(c =>
            {
                var column = source.Columns[c];
                var external = t.ForeignKeys.FirstOrDefault(f => f.IsExternal && f.Columns.Contains(c));
                return new ErAttribute(column.Type.ToString(), column.Name,
                    PrimaryKey: t.PrimaryKey.Contains(c), ForeignKey: fkCols.Contains(c), Unique: unique.Contains(c),
                    Comment: external is null ? null : $"references {external.ReferencedTable}");
            }).ToList());
        }).ToList();
        var relationships = d.Tables.SelectMany(t => t.ForeignKeys.Where(f => !f.IsExternal)
            .Select(f => new ErRelationship(f.ReferencedTable, t.Name, f.Columns.Format(d.ColumnNames), f.Nullable))).ToList();
        return Render(entities, relationships);
    }

    private static string Name(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static string Type(string type)
    {
        var sb = new StringBuilder();
        foreach (var c in type) sb.Append(char.IsLetterOrDigit(c) || c is '_' or '(' or ')' or '[' or ']' or '-' ? c : '-');
        if (sb.Length == 0 || !char.IsLetter(sb[0])) sb.Insert(0, 't');
        return sb.ToString();
    }
}
