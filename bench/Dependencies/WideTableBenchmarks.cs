using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Bench.Dependencies;

/// <summary>
/// One 60-column table with 2,000 random FDs (seeded). MinLhs = 1: left sides of 1..4 columns; every
/// column then determines the table (60 one-column keys). MinLhs = 2: left sides of 2..4 columns, a
/// harder set with about 6,000 candidate keys. Closure is timed over 1,000 random left sides per call.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class WideTableBenchmarks
{
    private FunctionalDependencySet _fds = null!;
    private AttributeSet[] _probes = null!;

    [Params(1, 2)]
    public int MinLhs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(60_2000 + MinLhs);
        _fds = RandomSchemas.Table(rng, 60, 2000, MinLhs);
        _probes = Enumerable.Range(0, 1000).Select(_ => RandomSchemas.Subset(rng, 60, rng.Next(1, 5))).ToArray();
    }

    [Benchmark]
    public int Closure1000()
    {
        int total = 0;
        foreach (var x in _probes) total += _fds.Closure(x).Count;
        return total;
    }

    [Benchmark]
    public int Closure1000WithComputer()
    {
        var computer = new ClosureComputer(_fds);
        int total = 0;
        foreach (var x in _probes) total += computer.Closure(x).Count;
        return total;
    }

    [Benchmark]
    public int MinimalCover() => Analyzer.Dependencies.MinimalCover.Compute(_fds).Count;

    [Benchmark]
    public int AllCandidateKeys() => CandidateKeys.Find(_fds).Keys.Count;

    [Benchmark]
    public int PrimeAttributes() => CandidateKeys.PrimeAttributes(_fds).Count;
}
