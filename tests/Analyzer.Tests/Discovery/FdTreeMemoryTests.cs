using SchemaNorm.Analyzer.Discovery.Engine.Common;
using SchemaNorm.Analyzer.Discovery.Engine.Hybrid;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The node budget the memory budget is turned into counts what a node really costs.</summary>
public class FdTreeMemoryTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void A_node_costs_no_more_than_the_budget_counts(int columns)
    {
        // Specialise the empty left side by random agree sets, as induction does on a wide table.
        var tree = new FdTree<Bits256>(columns, 3);
        var universe = Bits256.FirstN(columns);
        tree.Add(Bits256.Empty, universe);
        var random = new Random(columns);
        for (int i = 0; i < 30; i++)
        {
            var agree = Bits256.Empty;
            for (int b = 0; b < columns; b++)
                if (random.Next(10) < 7) agree = agree.With(b);
            tree.Specialize(agree, universe);
        }
        Assert.True(tree.NodeCount > 1_000, $"{tree.NodeCount} nodes: too few to weigh");
        Assert.True(tree.MemoryBytes <= (long)tree.NodeCount * FdTree<Bits256>.BytesPerNode,
            $"{tree.MemoryBytes} bytes in {tree.NodeCount} nodes, budgeted {FdTree<Bits256>.BytesPerNode} each");
    }
}
