using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;

namespace SchemaNorm.Bench.Ingest;

/// <summary>
/// The Ingest stage on the real schemas:
/// <list type="bullet">
/// <item>AdventureWorksLT.sql: 2.9 MB of DDL and 4,277 INSERT ... VALUES statements in 4,496 GO batches.</item>
/// <item>AdventureWorks: instawdb.sql (0.3 MB of DDL, procedures, XML schemas) and the 61 data files its
/// BULK INSERT statements read (24 MB).</item>
/// <item>A baseline: AdventureWorksLT's batches all parsed by ScriptDom, as they would be without the fast
/// INSERT reader (no model is built; this is parsing alone).</item>
/// </list>
/// Run: dotnet run -c Release --project bench -- --filter '*IngestBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class IngestBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // A shared two-core machine: short runs, read the ratios more than the absolute figures.
            AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5));
            AddColumn(new ThroughputColumn(new Dictionary<string, long>
            {
                [nameof(AdventureWorksLT)] = IngestInputs.AdventureWorksLTBytes,
                [nameof(AdventureWorksLT_ScriptDomOnly)] = IngestInputs.AdventureWorksLTBytes,
                [nameof(AdventureWorks)] = IngestInputs.AdventureWorksBytes,
            }));
        }
    }

    private readonly IngestOptions _options = new();
    private string _lt = "";
    private string _aw = "";

    [GlobalSetup]
    public void Setup()
    {
        _lt = IngestInputs.AdventureWorksLT;
        _aw = IngestInputs.AdventureWorks;
    }

    /// <summary>The peak working set of the benchmark process (each benchmark runs in its own process).</summary>
    [GlobalCleanup]
    public void ReportPeakMemory() =>
        Console.WriteLine($"// peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

    [Benchmark(Baseline = true)]
    public IngestResult AdventureWorksLT() => Check(Ingestor.Ingest([_lt], _options));

    [Benchmark]
    public int AdventureWorksLT_ScriptDomOnly()
    {
        var diagnostics = new DiagnosticBag();
        var script = SqlcmdPreprocessor.Prepare(_lt, File.ReadAllText(_lt), null, null, diagnostics);
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        int statements = 0;
        foreach (var batch in script.Batches)
        {
            var tree = (TSqlScript)parser.Parse(new StringReader(script.Text.Substring(batch.Start, batch.Length)), out var errors);
            if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
            statements += tree.Batches.Sum(b => b.Statements.Count);
        }
        return statements;
    }

    [Benchmark]
    public IngestResult AdventureWorks() => Check(Ingestor.Ingest([_aw], _options));

    private static IngestResult Check(IngestResult result) =>
        result.HasErrors ? throw new InvalidOperationException(result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).ToString()) : result;
}
