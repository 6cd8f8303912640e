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
/// Markdown report), or for a decomposition's source table and its proposed tables. Every name is written
/// in Mermaid's quoting, whatever it holds: entity names, comments and labels in double quotes, an attribute
/// name or type that is not a plain word in backticks, and inside them each character Mermaid or HTML would
/// read (quote, #, %, backslash, backtick, &lt;, &gt;, &amp;) as an entity code (#quot;, #35;), with line
/// breaks and control characters shown as \n or \uXXXX. Types keep their parameters: decimal(10,2).
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
                sb.Append("        ").Append(Type(a.Type)).Append(' ').Append(AttributeName(a.Name));
                var keys = new List<string>();
                if (a.PrimaryKey) keys.Add("PK");
                if (a.ForeignKey) keys.Add("FK");
                if (a.Unique && !a.PrimaryKey) keys.Add("UK");
                if (keys.Count > 0) sb.Append(' ').Append(string.Join(", ", keys));
                if (a.Comment is { Length: > 0 } c) sb.Append(' ').Append(Quoted(c));
                sb.AppendLine();
            }
            sb.AppendLine("    }");
        }
        foreach (var r in relationships)
            sb.Append("    ").Append(Name(r.Parent)).Append(r.Optional ? " |o--o{ " : " ||--o{ ").Append(Name(r.Child))
              .Append(" : ").AppendLine(Quoted(r.Label));
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

    /// <summary>An entity name: always quoted, so that no name is read as a keyword (end, one, many) or syntax.</summary>
    private static string Name(string name) => Quoted(name);

    /// <summary>An attribute name: a plain word when it is one (and not a key mark), otherwise in backticks.</summary>
    private static string AttributeName(string name) =>
        IsWord(name, allowPunctuation: false) && name.ToUpperInvariant() is not ("PK" or "FK" or "UK") ? name : "`" + Codes(name) + "`";

    /// <summary>A type: decimal(10,2) and nvarchar(max) as they are; anything else in backticks.</summary>
    private static string Type(string type) => IsWord(type, allowPunctuation: true) ? type : "`" + Codes(type) + "`";

    private static string Quoted(string text) => "\"" + Codes(text) + "\"";

    /// <summary>A word Mermaid reads as one: an ASCII letter or '_' first, then letters, digits, '_' and '-' (and for types ( ) [ ] , .).</summary>
    private static bool IsWord(string text, bool allowPunctuation)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_')) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (allowPunctuation && c is '(' or ')' or '[' or ']' or ',' or '.'))) return false;
        return true;
    }

    /// <summary>The text with what Mermaid or HTML would read replaced by entity codes, on one line.</summary>
    private static string Codes(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in DisplayText.Escape(text))
            sb.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '%' => "#37;",
                '\\' => "#92;",
                '`' => "#96;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
