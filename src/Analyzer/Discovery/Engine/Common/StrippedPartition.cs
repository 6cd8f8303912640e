namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// A position list index (stripped partition, TANE: Huhtala et al. 1999): the groups of rows that share a
/// value, leaving out groups of one row, which can never witness a violation. Stored flat: the rows of
/// cluster i are <c>Rows[Starts[i] .. Starts[i+1])</c>.
/// </summary>
internal sealed class StrippedPartition
{
    public StrippedPartition(int[] rows, int[] starts, int clusterCount)
    {
        Rows = rows;
        Starts = starts;
        ClusterCount = clusterCount;
    }

    public int[] Rows { get; }
    public int[] Starts { get; }
    public int ClusterCount { get; }

    /// <summary>Rows that sit in a cluster of two or more (the size of the index).</summary>
    public int Size => Starts[ClusterCount];

    public ReadOnlySpan<int> Cluster(int i) => Rows.AsSpan(Starts[i], Starts[i + 1] - Starts[i]);

    /// <summary>
    /// The number of rows to delete so that the groups become single rows: Σ (|cluster| − 1). TANE's e(X);
    /// zero exactly when the columns form a unique column combination.
    /// </summary>
    public int Redundancy => Size - ClusterCount;

    /// <summary>Builds the partition of one dictionary-encoded column by a counting sort on its codes.</summary>
    public static StrippedPartition FromCodes(ReadOnlySpan<int> codes, int distinct)
    {
        var counts = new int[distinct + 1];
        foreach (var c in codes) counts[c]++;
        int clusters = 0, size = 0;
        for (int c = 0; c < distinct; c++)
            if (counts[c] >= 2) { clusters++; size += counts[c]; }

        var starts = new int[clusters + 1];
        // counts[c] becomes the write position of code c, or -1 for codes in no cluster.
        int k = 0, pos = 0;
        for (int c = 0; c < distinct; c++)
        {
            if (counts[c] >= 2)
            {
                starts[k++] = pos;
                int n = counts[c];
                counts[c] = pos;
                pos += n;
            }
            else counts[c] = -1;
        }
        starts[clusters] = size;
        var rows = new int[size];
        for (int r = 0; r < codes.Length; r++)
        {
            int p = counts[codes[r]];
            if (p >= 0) { rows[p] = r; counts[codes[r]] = p + 1; }
        }
        return new StrippedPartition(rows, starts, clusters);
    }
}
