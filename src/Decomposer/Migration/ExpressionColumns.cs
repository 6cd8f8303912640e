using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Decomposer.Migration;

/// <summary>Reads T-SQL expressions the source wrote (computed columns, CHECK constraints, defaults) with ScriptDom.</summary>
internal static class ExpressionColumns
{
    /// <summary>The column names an expression reads (last part of each column reference); empty when it does not parse.</summary>
    public static IReadOnlyList<string> Of(string expression)
    {
        var parsed = Parse(expression);
        if (parsed is null) return [];
        var visitor = new Collector();
        parsed.Accept(visitor);
        return visitor.Names;
    }

    /// <summary>The expression as a syntax tree, or null when it does not parse.</summary>
    public static ScalarExpression? Parse(string expression)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var e = parser.ParseExpression(new StringReader(expression), out var errors);
        return errors.Count == 0 ? e : null;
    }

    /// <summary>A CHECK condition as a syntax tree, or null when it does not parse.</summary>
    public static BooleanExpression? ParseCondition(string expression)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var e = parser.ParseBooleanExpression(new StringReader(expression), out var errors);
        return errors.Count == 0 ? e : null;
    }

    /// <summary>Qualifies every one-part column reference with the alias its column comes from.</summary>
    public static void Qualify(TSqlFragment expression, IReadOnlyDictionary<string, string> aliasOf)
    {
        expression.Accept(new Qualifier(aliasOf));
    }

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Identifiers.Count: > 0 } m)
            {
                var name = m.Identifiers[^1].Value;
                if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase)) Names.Add(name);
            }
        }
    }

    private sealed class Qualifier(IReadOnlyDictionary<string, string> aliasOf) : TSqlFragmentVisitor
    {
        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Identifiers.Count: 1 } m && aliasOf.TryGetValue(m.Identifiers[0].Value, out var alias))
                m.Identifiers.Insert(0, new Microsoft.SqlServer.TransactSql.ScriptDom.Identifier { Value = alias, QuoteType = QuoteType.SquareBracket });
        }
    }
}
