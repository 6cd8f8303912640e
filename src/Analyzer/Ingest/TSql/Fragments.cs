using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>Small helpers over ScriptDom fragments parsed from a <see cref="PreparedScript"/>.</summary>
internal static class Fragments
{
    /// <summary>The text a fragment was parsed from (its offsets are in the prepared script's text).</summary>
    public static string Text(this PreparedScript script, TSqlFragment fragment) =>
        fragment.StartOffset < 0 ? "" : script.Text.Substring(fragment.StartOffset, fragment.FragmentLength);

    /// <summary>Like <see cref="Text"/>, without parentheses around the whole: ((0)) is 0.</summary>
    public static string ExpressionText(this PreparedScript script, TSqlFragment fragment)
    {
        while (fragment is ParenthesisExpression p) fragment = p.Expression;
        while (fragment is BooleanParenthesisExpression b) fragment = b.Expression;
        return script.Text(fragment);
    }

    public static SourceLocation Location(this PreparedScript script, TSqlFragment fragment) =>
        script.Locate(Math.Max(0, fragment.StartOffset));

    /// <summary>schema.name, with dbo when the schema is left out (server and database parts are ignored).</summary>
    public static QualifiedName Name(SchemaObjectName name) =>
        new(name.SchemaIdentifier?.Value ?? QualifiedName.DefaultSchema, name.BaseIdentifier.Value);

    /// <summary>#temp and ##global tables live only for a session; they are not part of the design.</summary>
    public static bool IsTemporary(SchemaObjectName name) => name.BaseIdentifier.Value.StartsWith('#');

    public static string ColumnName(ColumnReferenceExpression column) => column.ColumnType switch
    {
        // Graph pseudo columns have no identifier of their own.
        ColumnType.PseudoColumnGraphNodeId => "$node_id",
        ColumnType.PseudoColumnGraphEdgeId => "$edge_id",
        ColumnType.PseudoColumnGraphFromId => "$from_id",
        ColumnType.PseudoColumnGraphToId => "$to_id",
        _ => column.MultiPartIdentifier.Identifiers[^1].Value,
    };

    public static IReadOnlyList<string> ColumnNames(IEnumerable<ColumnWithSortOrder> columns) =>
        columns.Select(c => ColumnName(c.Column)).ToList();
}
