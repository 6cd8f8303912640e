using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Annotations;

/// <summary>
/// Finds <c>-- schemanorm:</c> comments in a parsed batch's token stream and gives each to its table:
/// a comment inside a CREATE TABLE statement, or in the run of comment lines directly above it (no
/// blank line between), belongs to that table; any other comment must name its table before a colon.
/// </summary>
internal static class AnnotationReader
{
    public static void Read(TSqlFragment batch, IReadOnlyList<(CreateTableStatement statement, Table table)> created,
        PreparedScript script, IngestSession session)
    {
        var tokens = batch.ScriptTokenStream;
        if (tokens is null) return;
        CommentOwners? owners = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.TokenType != TSqlTokenType.SingleLineComment) continue;
            var body = AnnotationParser.Body(token.Text);
            if (body is null) continue;
            var location = script.Locate(token.Offset);
            var annotation = AnnotationParser.Parse(body, location, out var error);
            if (annotation is null)
            {
                session.Diagnostics.Error($"malformed schemanorm annotation: {error}", location);
                continue;
            }
            if (annotation.Table is not null)
            {
                session.AddNamedAnnotation(annotation);
                continue;
            }
            owners ??= new CommentOwners(tokens, created);
            var owner = owners.Of(i);
            if (owner is null)
                session.Diagnostics.Error(
                    "this annotation is not inside or directly above a CREATE TABLE, so it must name its table: -- schemanorm: fd dbo.T: A -> B",
                    location);
            else owner.Annotations.Add(annotation);
        }
    }
}
