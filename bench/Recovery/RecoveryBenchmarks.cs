using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Decomposer.Pipeline;
using SchemaNorm.Cli;
using SchemaNorm.Recovery;
using SchemaNorm.Recovery.Tpch;

namespace SchemaNorm.Bench.Recovery;

/// <summary>
/// <c>analyze</c> on the TPC-H wide table (lineitem joined with its seven ancestors, 53 columns) written as
/// DDL with its declared key and a CSV file, at scale 0.01 (about 60k rows) and 0.1 (about 600k rows).
/// <see cref="Pipeline"/> runs the same analysis through the library, without the command line.
/// <code>dotnet run -c Release --project bench -- --filter *TpchWideTable*</code>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TpchWideTableBenchmarks
{
    private string _work = "";
    private string _folder = "";

    [Params(0.01, 0.1)]
    public double Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _work = Directory.CreateTempSubdirectory("schemanorm-tpch").FullName;
        var source = TpchGenerator.Load(TpchGenerator.Write(Path.Combine(_work, "source"), Scale));
        _folder = WideTableFiles.Write(source.Wide("lineitem"), RecoverySetting.DeclaredKey, Path.Combine(_work, "wide"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark]
    public int Analyze() =>
        SchemaNorm.Cli.CommandLine.Run(["analyze", _folder, "--format", "json", "-o", Path.Combine(_work, "report.json"), "--fail-on", "none"],
            new CliContext(TextWriter.Null, TextWriter.Null, interactive: false) { CurrentDirectory = _work });

    /// <summary>The same run through the library's pipeline: no command line, no report written.</summary>
    [Benchmark]
    public int Pipeline()
    {
        var ingest = Ingestor.Ingest([_folder], new IngestOptions());
        var result = AnalysisPipeline.Run(ingest.Model, new PipelineOptions { Proposals = ProposalScope.BelowTarget }, new DiagnosticBag());
        return result.Proposals?.All.Count ?? -1;
    }
}
