using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// CREATE TABLE ... AS NODE / AS EDGE: SQL Server adds pseudo columns that INSERT statements and queries
/// name ($node_id; $edge_id, $from_id, $to_id). They come first, as SQL Server orders them; $node_id and
/// $edge_id are computed by the database, $from_id and $to_id take values.
/// </summary>
internal static class GraphTables
{
    private static readonly SqlType GraphId = new("nvarchar", Length: 1000);

    public static void AddPseudoColumns(Table table, bool edge)
    {
        table.Kind = edge ? TableKind.GraphEdge : TableKind.GraphNode;
        if (edge)
        {
            table.Columns.Add(Computed(table, "$edge_id"));
            table.Columns.Add(new Column("$from_id", GraphId, table.Location) { IsNullable = false });
            table.Columns.Add(new Column("$to_id", GraphId, table.Location) { IsNullable = false });
        }
        else table.Columns.Add(Computed(table, "$node_id"));
    }

    private static Column Computed(Table table, string name) =>
        new(name, GraphId, table.Location) { IsNullable = false, ComputedExpression = "graph id" };
}
