using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Bench.Dependencies;

/// <summary>500 tables of 10..30 columns with 5..40 random FDs each (seeded): keys and minimal cover of all.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ManyTablesBenchmarks
{
    private FunctionalDependencySet[] _tables = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(500);
        _tables = Enumerable.Range(0, 500).Select(_ => RandomSchemas.Table(rng, rng.Next(10, 31), rng.Next(5, 41))).ToArray();
    }

    [Benchmark]
    public int KeysAndCoverOfAll()
    {
        int total = 0;
        foreach (var t in _tables)
        {
            total += CandidateKeys.Find(t).Keys.Count;
            total += MinimalCover.Compute(t).Count;
        }
        return total;
    }
}
