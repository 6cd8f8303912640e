using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// The main job: read the scripts and data, gather each table's dependencies, report its normal form and
/// findings. Input errors are all reported, and then the command stops with status 2 rather than show a
/// report built on half-read input.
/// </summary>
public sealed class AnalyzeCommand : ICommand
{
    public string Name => "analyze";
    public string Usage => "schemanorm analyze <paths...> [options]";
    public string Summary => "Reports each table's normal form and the dependencies that break the next ones, with their anomalies and fixes.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Format, CommonOptions.Output, CommonOptions.Target, CommonOptions.FailOn,
        .. InputOptions.All,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var paths = InputOptions.Paths(args, context.CurrentDirectory);
        var format = CommonOptions.FormatOf(args, "text", "json");
        var target = TargetOption.Parse(args);
        var threshold = FailOn.Threshold(args);
        bool quiet = args.Has("quiet"), verbose = args.Has("verbose");

        var ingest = Ingestor.Ingest(paths, InputOptions.ToIngestOptions(args, context.CurrentDirectory));
        int errors = DiagnosticPrinter.Print(ingest.Diagnostics, context, quiet, verbose);
        if (errors > 0) return Stop(context, errors);

        var diagnostics = new DiagnosticBag();
        var analysis = SchemaAnalyzer.Analyze(ingest.Model, new AnalysisOptions { Target = target }, diagnostics);
        errors = DiagnosticPrinter.Print(diagnostics.Items, context, quiet, verbose);
        if (errors > 0) return Stop(context, errors);

        string report = format == "json"
            ? new AnalysisJsonWriter(context.CurrentDirectory).Write(analysis)
            : new AnalysisTextWriter(context.CurrentDirectory).Write(analysis);
        ReportDestination.Write(report, args, context);
        return FailOn.ExitStatus(analysis.Findings, threshold);
    }

    internal static int Stop(CliContext context, int errors)
    {
        context.Stderr.WriteLine($"schemanorm: {errors} error{(errors == 1 ? "" : "s")} in the input; no report written.");
        return ExitStatus.Failure;
    }
}
