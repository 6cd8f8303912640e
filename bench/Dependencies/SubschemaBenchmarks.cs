using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Bench.Dependencies;

/// <summary>
/// The same 60-column tables as <see cref="WideTableBenchmarks"/> (2,000 FDs), against a random
/// subschema of 12 or 30 columns: projection, BCNF violation, 3NF violation.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SubschemaBenchmarks
{
    private FunctionalDependencySet _fds = null!;
    private AttributeSet _subschema;

    [Params(1, 2)]
    public int MinLhs { get; set; }

    [Params(12, 30)]
    public int Columns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(60_2000 + MinLhs);
        _fds = RandomSchemas.Table(rng, 60, 2000, MinLhs);
        _subschema = RandomSchemas.Subset(new Random(Columns), 60, Columns);
    }

    [Benchmark]
    public int Project() => Projection.Project(_fds, _subschema).Count;

    [Benchmark]
    public bool Bcnf() => BcnfViolation.IsBcnf(_fds, _subschema);

    [Benchmark]
    public bool ThirdNormalForm() => ThirdNormalFormViolation.Is3NF(_fds, _subschema);
}
