namespace SchemaNorm.Analyzer.Model;

/// <summary>What SQL Server makes of a table beyond its columns: some kinds cannot or need not declare a key.</summary>
public enum TableKind
{
    Regular,

    /// <summary>The history table of a system-versioned temporal table: SQL Server forbids it a key.</summary>
    TemporalHistory,

    /// <summary>A graph node table (AS NODE): SQL Server gives it the pseudo column $node_id.</summary>
    GraphNode,

    /// <summary>A graph edge table (AS EDGE): rows are links between nodes, $from_id and $to_id.</summary>
    GraphEdge,
}
