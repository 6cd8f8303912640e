using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Bench.Discovery;

/// <summary>
/// Load (CSV → dictionary-encoded columns) and exact FD discovery on the benchmark tables that the
/// reference figures are given for. Short jobs: the machine is shared, so read ratios, not single timings.
/// <code>dotnet run -c Release --project bench -- --filter *DiscoveryBenchmarks*</code>
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private TableData _data = null!;

    [Params("adult", "letter", "horse", "mushroom", "CIPublicHighway50k", "ncvoter_1001r_19c", "hepatitis")]
    public string Dataset { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _data = BenchmarkDatasets.Load(BenchmarkDatasets.Get(Dataset));

    /// <summary>What a user waits for: reading the file and discovering FDs and keys.</summary>
    [Benchmark(Baseline = true)]
    public int LoadAndDiscover() => DependencyDiscovery.Discover(BenchmarkDatasets.Load(BenchmarkDatasets.Get(Dataset))).Fds.Count;

    [Benchmark]
    public int Load() => BenchmarkDatasets.Load(BenchmarkDatasets.Get(Dataset)).RowCount;

    [Benchmark]
    public int Discover() => DependencyDiscovery.Discover(_data).Fds.Count;

    [Benchmark]
    public int DiscoverFdsOnly() => DependencyDiscovery.Discover(_data, new DiscoveryOptions { Uccs = false }).Fds.Count;
}

/// <summary>Approximate FDs (g3) and MVDs on mid-sized tables.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ApproximateDiscoveryBenchmarks
{
    private TableData _data = null!;

    [Params("abalone", "breast-cancer-wisconsin", "ncvoter_1001r_19c")]
    public string Dataset { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _data = BenchmarkDatasets.Load(BenchmarkDatasets.Get(Dataset));

    [Benchmark]
    public int ApproximateOnePercent() => DependencyDiscovery.Discover(_data, new DiscoveryOptions { MaxError = 0.01, MaxLhs = 4 }).Fds.Count;

    [Benchmark]
    public int Mvds() => DependencyDiscovery.Discover(_data, new DiscoveryOptions { Fds = false, Uccs = false, Mvds = true, MvdMaxColumns = 12, TimeLimit = TimeSpan.FromSeconds(10) }).Mvds.Count;
}
