using SchemaNorm.Analyzer.Data;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>Seeded random small tables with few distinct values per column, NULLs and repeated rows, so that FDs, keys and near-FDs occur.</summary>
internal static class RandomTables
{
    public static TableData Make(int seed, int? columns = null, int? rows = null, double nullRate = 0.1)
    {
        var rng = new Random(seed);
        int m = columns ?? rng.Next(1, 7);
        int n = rows ?? rng.Next(0, 30);
        var domains = Enumerable.Range(0, m).Select(_ => rng.Next(1, 6)).ToArray();
        var builder = new TableDataBuilder(Enumerable.Range(0, m).Select(i => "c" + i).ToList());
        var previous = new List<string?[]>();
        for (int r = 0; r < n; r++)
        {
            string?[] row;
            if (previous.Count > 0 && rng.NextDouble() < 0.15)
                row = (string?[])previous[rng.Next(previous.Count)].Clone(); // a repeated row
            else
            {
                row = new string?[m];
                for (int c = 0; c < m; c++)
                    row[c] = rng.NextDouble() < nullRate ? null : "v" + rng.Next(domains[c]);
                // Plant a dependency now and then: column c copies a function of column c-1.
                for (int c = 1; c < m; c++)
                    if ((seed + c) % 3 == 0 && row[c - 1] is { } v) row[c] = "f" + (v[^1] % 2);
            }
            previous.Add(row);
            builder.AddRow(row);
        }
        return builder.Build();
    }
}
