using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Live;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>Everything a run was asked to do, settled once from the command line (and, later, the config file).</summary>
public sealed record RunSettings
{
    public required IReadOnlyList<string> Paths { get; init; }
    public required IngestOptions Ingest { get; init; }
    /// <summary>The live database to read instead of files (--connection), or null.</summary>
    public LiveSettings? Live { get; init; }
    public required AnalysisOptions Analysis { get; init; }
    public required string Format { get; init; }
    public Severity? FailOn { get; init; }
    public bool Quiet { get; init; }
    public bool Verbose { get; init; }

    public static RunSettings From(ParsedArguments args, CliContext context, params string[] formats) => new()
    {
        Paths = InputOptions.Paths(args, context.CurrentDirectory),
        Ingest = InputOptions.ToIngestOptions(args, context.CurrentDirectory),
        Live = LiveOptions.From(args),
        Analysis = new AnalysisOptions { Target = TargetOption.Parse(args) },
        Format = CommonOptions.FormatOf(args, formats),
        FailOn = Output.FailOn.Threshold(args),
        Quiet = args.Has("quiet"),
        Verbose = args.Has("verbose"),
    };
}
