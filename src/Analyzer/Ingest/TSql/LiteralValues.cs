using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Data;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// The value of an expression that a script writes as a constant: a literal, a signed number, or a
/// literal inside parentheses, CAST or CONVERT (whose value is the literal's). Anything else is
/// <see cref="ValueKind.Unknown"/>: only the database could compute it.
/// </summary>
internal static class LiteralValues
{
    public static ValueSlot Of(ScalarExpression? expression)
    {
        switch (expression)
        {
            case null:
                return ValueSlot.Unknown;
            case NullLiteral:
                return ValueSlot.Null;
            case DefaultLiteral:
                return ValueSlot.Default;
            case StringLiteral s:
                return ValueSlot.Of(s.Value);
            case IntegerLiteral or NumericLiteral or RealLiteral or BinaryLiteral:
                return ValueSlot.Of(((Literal)expression).Value);
            case MoneyLiteral m:
                // $12.50, £3: the number without its currency sign.
                var v = m.Value.AsSpan();
                int start = v.IndexOfAny("0123456789.-+");
                return ValueSlot.Of(v[Math.Max(start, 0)..].ToString());
            case UnaryExpression { UnaryExpressionType: UnaryExpressionType.Negative or UnaryExpressionType.Positive } u:
                var inner = Of(u.Expression);
                if (inner.Kind != ValueKind.Text || u.Expression is not (IntegerLiteral or NumericLiteral or RealLiteral or MoneyLiteral or UnaryExpression or ParenthesisExpression))
                    return inner.Kind == ValueKind.Null ? inner : ValueSlot.Unknown;
                if (u.UnaryExpressionType == UnaryExpressionType.Positive) return inner;
                var text = inner.Text!;
                return ValueSlot.Of(text.StartsWith('-') ? text[1..] : "-" + text);
            case ParenthesisExpression p:
                return Of(p.Expression);
            case CastCall c:
                return Literal(Of(c.Parameter));
            case ConvertCall c:
                return Literal(Of(c.Parameter));
            case TryCastCall c:
                return Literal(Of(c.Parameter));
            case TryConvertCall c:
                return Literal(Of(c.Parameter));
            default:
                return ValueSlot.Unknown;
        }
    }

    // DEFAULT is not a value inside CAST.
    private static ValueSlot Literal(ValueSlot v) => v.Kind == ValueKind.Default ? ValueSlot.Unknown : v;

    /// <summary>An integer or decimal constant (IDENTITY seeds, type lengths), or null.</summary>
    public static decimal? Number(ScalarExpression? expression)
    {
        var v = Of(expression);
        return v.Kind == ValueKind.Text &&
               decimal.TryParse(v.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }
}
