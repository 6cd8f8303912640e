using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.TSql;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// Expressions as a package keeps them (the script text of a default, a computed column, a CHECK or an
/// index filter, with the parentheses the author or SQL Server put around it), made to read as the script
/// ingest reads them: without parentheses around the whole, and a default's value when it is a constant.
/// </summary>
internal static class DacpacExpressions
{
    /// <summary>A scalar expression without its outer parentheses: ((0)) is 0.</summary>
    public static string Scalar(string text) => Scalar(text, out _);

    /// <summary>As <see cref="Scalar(string)"/>, with the value that rows leaving the column out take.</summary>
    public static string Scalar(string text, out ValueSlot value)
    {
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        var expression = parser.ParseExpression(new StringReader(text), out var errors);
        if (expression is null || errors.Count > 0)
        {
            value = ValueSlot.Unknown;
            return text.Trim();
        }
        var literal = LiteralValues.Of(expression);
        value = literal.Kind == ValueKind.Default ? ValueSlot.Unknown : literal;
        TSqlFragment inner = expression;
        while (inner is ParenthesisExpression p) inner = p.Expression;
        return Slice(text, inner);
    }

    /// <summary>A condition (CHECK, index filter) without its outer parentheses.</summary>
    public static string Condition(string text)
    {
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        var condition = parser.ParseBooleanExpression(new StringReader(text), out var errors);
        if (condition is null || errors.Count > 0) return text.Trim();
        TSqlFragment inner = condition;
        while (inner is BooleanParenthesisExpression b) inner = b.Expression;
        return Slice(text, inner);
    }

    private static string Slice(string text, TSqlFragment fragment) =>
        fragment.StartOffset < 0 ? text.Trim() : text.Substring(fragment.StartOffset, fragment.FragmentLength);
}
