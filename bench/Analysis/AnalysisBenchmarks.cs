using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Bench.Analysis;

/// <summary>
/// Keys and normal forms of a wide table (60 columns, 2,000 declared FDs) and of a 500-table schema.
/// Short jobs: the machines these run on share their cores, so read the figures as orders of magnitude.
/// Run: dotnet run -c Release --project bench -- --filter '*AnalysisBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AnalysisBenchmarks
{
    private Table _wide = null!;
    private SchemaModel _wideModel = null!;
    private DependencyOracle _wideOracle = null!;
    private SchemaModel _schema = null!;
    private Table _dense = null!;
    private SchemaModel _denseModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wide = AnalysisWorkloads.WideTable();
        _wideModel = new SchemaModel();
        _wideModel.Add(_wide);
        var diagnostics = new DiagnosticBag();
        var analysis = SchemaAnalyzer.AnalyzeTable(_wideModel, _wide, AnalysisOptions.Default, diagnostics);
        _wideOracle = new DependencyOracle(_wide.Columns.Count,
            analysis.Dependencies.Where(d => d.Fd is not null).Select(d => d.Fd!.Value));
        _dense = AnalysisWorkloads.DenseWideTable();
        _denseModel = new SchemaModel();
        _denseModel.Add(_dense);
        var dense = SchemaAnalyzer.AnalyzeTable(_denseModel, _dense, AnalysisOptions.Default, diagnostics);
        Console.WriteLine($"// dense table: {dense.CandidateKeys.Count} candidate keys, {dense.NormalForm.Display()}, {dense.Findings.Count} findings");
        _schema = AnalysisWorkloads.Schema();
        Console.WriteLine($"// wide table: {_wideOracle.Fds.Count} FDs, {analysis.CandidateKeys.Count} candidate keys, {analysis.NormalForm.Display()}, {analysis.Findings.Count} findings");
        var schema = SchemaAnalyzer.Analyze(_schema, AnalysisOptions.Default, new DiagnosticBag());
        Console.WriteLine($"// schema: {schema.Tables.Count} tables, {schema.Findings.Count()} findings, " +
                          string.Join(", ", schema.Tables.GroupBy(t => t.NormalForm).OrderBy(g => g.Key).Select(g => $"{g.Key.Display()} {g.Count()}")));
    }

    /// <summary>Every candidate key of the wide table (Lucchesi–Osborn).</summary>
    [Benchmark]
    public int WideTableKeys() => _wideOracle.CandidateKeys().Keys.Count;

    /// <summary>The whole analysis of the wide table: resolving 2,000 annotations, keys, every rule, the normal form.</summary>
    [Benchmark]
    public NormalForm WideTableAnalysis() =>
        SchemaAnalyzer.AnalyzeTable(_wideModel, _wide, AnalysisOptions.Default, new DiagnosticBag()).NormalForm;

    /// <summary>The whole analysis of the dense 60-column, 2,000-FD table.</summary>
    [Benchmark]
    public NormalForm DenseWideTableAnalysis() =>
        SchemaAnalyzer.AnalyzeTable(_denseModel, _dense, AnalysisOptions.Default, new DiagnosticBag()).NormalForm;

    /// <summary>The whole analysis of 500 tables (keys, foreign-key inference, declared FDs, some sample rows).</summary>
    [Benchmark]
    public int SchemaOf500Tables() =>
        SchemaAnalyzer.Analyze(_schema, AnalysisOptions.Default, new DiagnosticBag()).Tables.Count;
}
