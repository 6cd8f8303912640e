using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// Bounds, from the token stream alone, how deep a batch's syntax tree can be before ScriptDom builds
/// it: its parser and visitors recurse once per level, so a script of nested parentheses, BEGIN blocks,
/// ELSE IF chains or a long <c>a + a + ...</c> would otherwise end the process with a stack overflow.
/// The counts over-estimate the tree's depth (they never under-estimate it), and the limits are far
/// above what a hand-written or generated schema script uses.
/// </summary>
internal static class NestingLimits
{
    /// <summary>Parentheses, BEGIN ... END, BEGIN TRY/CATCH ... END and CASE ... END, inside one another.</summary>
    public const int MaxNesting = 1_000;

    /// <summary>IF, ELSE and WHILE in one batch (each ELSE IF nests the rest of the chain one level deeper).</summary>
    public const int MaxConditionals = 50_000;

    /// <summary>Binary operators in one expression (a + a + ... is a left-deep tree, one level per operator).</summary>
    public const int MaxOperators = 10_000;

    /// <summary>UNION, EXCEPT and INTERSECT in one statement (a left-deep tree of queries).</summary>
    public const int MaxSetOperators = 100_000;

    /// <summary>The first token past a limit and a message naming the limit, or null when the batch is within all of them.</summary>
    public static (TSqlParserToken token, string message)? Check(IList<TSqlParserToken> tokens)
    {
        int parens = 0, blocks = 0, conditionals = 0, setOperators = 0;
        // Operators in the expression now open at each parenthesis depth.
        var operators = new int[MaxNesting + 2];
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.TokenType)
            {
                case TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment:
                    continue;
                case TSqlTokenType.LeftParenthesis:
                    parens++;
                    if (parens + blocks > MaxNesting) return (token, NestingMessage);
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.RightParenthesis:
                    if (parens > 0) parens--;
                    continue;
                case TSqlTokenType.Case:
                    blocks++;
                    if (parens + blocks > MaxNesting) return (token, NestingMessage);
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.Begin:
                    operators[parens] = 0;
                    if (OpensTransaction(tokens, i)) continue;
                    blocks++;
                    if (parens + blocks > MaxNesting) return (token, NestingMessage);
                    continue;
                case TSqlTokenType.End:
                    if (blocks > 0) blocks--;
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.If or TSqlTokenType.Else or TSqlTokenType.While:
                    if (++conditionals > MaxConditionals)
                        return (token, $"more than {MaxConditionals:N0} IF, ELSE and WHILE in one batch (the limit): the batch is not read");
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.Union or TSqlTokenType.Except or TSqlTokenType.Intersect:
                    if (++setOperators > MaxSetOperators)
                        return (token, $"more than {MaxSetOperators:N0} UNION, EXCEPT and INTERSECT in one statement (the limit): the batch is not read");
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.Semicolon:
                    setOperators = 0;
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.Comma or TSqlTokenType.Select or TSqlTokenType.From or TSqlTokenType.Where
                    or TSqlTokenType.Set or TSqlTokenType.Insert or TSqlTokenType.Update or TSqlTokenType.Delete
                    or TSqlTokenType.Values or TSqlTokenType.When or TSqlTokenType.Then or TSqlTokenType.On
                    or TSqlTokenType.Return or TSqlTokenType.Declare or TSqlTokenType.Print or TSqlTokenType.Execute
                    or TSqlTokenType.Create or TSqlTokenType.Alter or TSqlTokenType.Drop or TSqlTokenType.Group
                    or TSqlTokenType.Order or TSqlTokenType.Having or TSqlTokenType.Into:
                    // Each of these ends the expression before it; the next one starts a new tree.
                    operators[parens] = 0;
                    continue;
                case TSqlTokenType.Plus or TSqlTokenType.Minus or TSqlTokenType.Star or TSqlTokenType.Divide
                    or TSqlTokenType.PercentSign or TSqlTokenType.Ampersand or TSqlTokenType.VerticalLine
                    or TSqlTokenType.Circumflex or TSqlTokenType.And or TSqlTokenType.Or or TSqlTokenType.EqualsSign
                    or TSqlTokenType.LessThan or TSqlTokenType.GreaterThan or TSqlTokenType.Concat:
                    if (++operators[parens] > MaxOperators)
                        return (token, $"an expression with more than {MaxOperators:N0} operators (the limit): the batch is not read");
                    continue;
            }
        }
        return null;
    }

    private static string NestingMessage =>
        $"nesting deeper than {MaxNesting:N0} levels of parentheses, BEGIN ... END and CASE ... END (the limit): the batch is not read";

    /// <summary>BEGIN TRAN[SACTION], BEGIN DISTRIBUTED TRAN, BEGIN DIALOG [CONVERSATION]: statements, not blocks.</summary>
    private static bool OpensTransaction(IList<TSqlParserToken> tokens, int begin)
    {
        for (int i = begin + 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.TokenType is TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment) continue;
            if (t.TokenType is TSqlTokenType.Tran or TSqlTokenType.Transaction) return true;
            return t.TokenType == TSqlTokenType.Identifier &&
                   (t.Text.Equals("DISTRIBUTED", StringComparison.OrdinalIgnoreCase) ||
                    t.Text.Equals("DIALOG", StringComparison.OrdinalIgnoreCase) ||
                    t.Text.Equals("CONVERSATION", StringComparison.OrdinalIgnoreCase));
        }
        return false;
    }
}
