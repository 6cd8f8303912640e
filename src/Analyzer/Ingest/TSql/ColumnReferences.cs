using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>The columns an expression names (the last part of each column reference), with where it names them.</summary>
internal sealed class ColumnReferences : TSqlFragmentVisitor
{
    private readonly List<(string name, TSqlFragment at)> _found = [];

    public static IReadOnlyList<(string name, TSqlFragment at)> In(TSqlFragment expression)
    {
        var visitor = new ColumnReferences();
        expression.Accept(visitor);
        return visitor._found;
    }

    public override void ExplicitVisit(ColumnReferenceExpression node)
    {
        if (node.ColumnType == ColumnType.Regular && node.MultiPartIdentifier is { Count: > 0 } id)
            _found.Add((id.Identifiers[^1].Value, node));
    }
}
