using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Annotations;

/// <summary>
/// The table a comment of a batch belongs to, for annotations and suppressions alike: the CREATE TABLE it
/// lies inside, or the one it sits directly above (comment lines with nothing between them and the statement).
/// </summary>
internal sealed class CommentOwners
{
    private readonly IReadOnlyList<(CreateTableStatement Statement, Table Table)> _created;
    private readonly Dictionary<int, Table> _above = [];

    public CommentOwners(IList<TSqlParserToken> tokens, IReadOnlyList<(CreateTableStatement statement, Table table)> created)
    {
        _created = created;
        // Walking up from each statement, each comment must end on the line just before the next thing below it.
        foreach (var (statement, table) in created)
        {
            int lineBelow = tokens[statement.FirstTokenIndex].Line;
            for (int i = statement.FirstTokenIndex - 1; i >= 0; i--)
            {
                var t = tokens[i];
                if (t.TokenType == TSqlTokenType.WhiteSpace) continue;
                if (t.TokenType is not (TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment)) break;
                int endLine = t.Line + t.Text.AsSpan().Count('\n');
                if (t.TokenType == TSqlTokenType.SingleLineComment && t.Text.EndsWith('\n')) endLine--;
                if (endLine != lineBelow - 1) break;
                _above[i] = table;
                lineBelow = t.Line;
            }
        }
    }

    /// <summary>The table owning the comment token at <paramref name="tokenIndex"/>, or null.</summary>
    public Table? Of(int tokenIndex) =>
        _created.FirstOrDefault(c => tokenIndex >= c.Statement.FirstTokenIndex && tokenIndex <= c.Statement.LastTokenIndex).Table
        ?? _above.GetValueOrDefault(tokenIndex);
}
