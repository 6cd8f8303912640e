using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Cli.Live;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// The main job: read the scripts and data, gather each table's dependencies, report its normal form and
/// findings. Input errors are all reported, and then the command stops with status 2 rather than show a
/// report built on half-read input.
/// </summary>
internal sealed class AnalyzeCommand : ICommand
{
    public static readonly OptionSpec NoDiscovery = new("no-discovery", OptionArity.Flag, "do not look for dependencies in the sample rows (keys and declarations only)");

    public string Name => "analyze";
    public string Usage => "schemanorm analyze (<paths...> | --connection STRING) [options]";
    public string Summary => "Reports each table's normal form and the dependencies that break the next ones, with their anomalies and fixes.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.FormatAmong(ReportFormats.Names(ReportFormats.Analysis)), CommonOptions.Output, CommonOptions.Target, CommonOptions.FailOn,
        CommonOptions.Config, CommonOptions.Baseline, CommonOptions.WriteBaseline, CommonOptions.HelpUriBase, CommonOptions.SarifOpenOnly,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, CommonOptions.DiscoveryTimeout, NoDiscovery,
        .. InputOptions.All,
        .. LiveOptions.All, LiveOptions.Tables,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        if (args.Has("table") && !args.Has("connection"))
            throw new UsageException("--table chooses tables of a live database: give --connection too");
        var settings = RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Analysis));

        var model = ModelLoader.Load(settings, context, out int errors, out var live);
        if (model is null) return Stop(context, errors);
        using var database = live;

        var diagnostics = new DiagnosticBag();
        if (settings.Config is { } config) ConfigChecks.Check(model, config, diagnostics);

        Dictionary<Table, TableDataDependencies>? data = null;
        if (!args.Has("no-discovery"))
        {
            using var progress = new PipelineProgressLine(context, settings.Quiet);
            data = DataDependencies.Find(model, settings.Discovery, progress);
        }
        // From a live database, what the sample suggests is counted again on all rows by the server.
        var fullTable = live is null || data is null ? null : new FullTableEvidence(live)
        {
            Nulls = settings.Discovery.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct,
            MaxError = settings.Discovery.MaxError ?? 0,
        };
        Func<Table, IReadOnlyList<TableDependency>>? fromSample = data is null ? null : table => data.TryGetValue(table, out var d) ? d.Used : [];
        var analysis = settings.Report.Scope(SchemaAnalyzer.Analyze(model, settings.Analysis, diagnostics,
            fromSample is null ? null : fullTable?.Confirming(fromSample) ?? fromSample));
        errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings);
        if (errors > 0) return Stop(context, errors);

        // Nothing is written over an input; the baseline being read may be rewritten by --write-baseline.
        OutputGuard.Check([args.Get("output")], settings, model, context.CurrentDirectory);
        OutputGuard.Check([settings.Report.WriteBaseline], settings, model, context.CurrentDirectory, allowed: settings.Report.Baseline);
        var facts = ReportFacts.Build(analysis, settings.Report, settings.Analysis, context, settings.Quiet, data, fullTable);
        var writer = ReportFormats.Named(ReportFormats.Analysis, settings.Format);
        var proposals = writer.ShowsProposals ? ProposedDecompositions.For(analysis) : null;
        ReportDestination.Write(writer, new AnalysisReport(analysis, facts, context.CurrentDirectory, settings.SourceRoot, proposals), args, context);
        return FailOn.ExitStatus(facts.Failing(analysis), settings.FailOn);
    }

    /// <summary>Status 2 after input errors (counted here) or a failure already told in one line (errors = 0).</summary>
    internal static int Stop(CliContext context, int errors)
    {
        if (errors > 0) context.Stderr.WriteLine($"schemanorm: {errors} error{(errors == 1 ? "" : "s")} in the input; no report written.");
        return ExitStatus.Failure;
    }
}
