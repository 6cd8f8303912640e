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
    public string Name => "analyze";
    public string Usage => "schemanorm analyze (<paths...> | --connection STRING) [options]";
    public string Summary => "Reports each table's normal form and the dependencies that break the next ones, with their anomalies and fixes.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.FormatAmong(ReportFormats.Names(ReportFormats.Analysis)), CommonOptions.Output, CommonOptions.Target, CommonOptions.FailOn,
        CommonOptions.Config, CommonOptions.Baseline, CommonOptions.WriteBaseline, CommonOptions.HelpUriBase, CommonOptions.SarifOpenOnly,
        CommonOptions.Color, CommonOptions.ShowBaselined,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, CommonOptions.DiscoveryTimeout, PipelineRun.NoDiscovery,
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
        if (model is null) return PipelineRun.Stop(context, errors);
        using var database = live;
        // Nothing is written over an input (checked before any work); the baseline being read may be
        // rewritten by --write-baseline.
        OutputGuard.Check([args.Get("output")], settings, model, context.CurrentDirectory);
        OutputGuard.Check([settings.Report.WriteBaseline], settings, model, context.CurrentDirectory, allowed: settings.Report.Baseline);

        var writer = ReportFormats.Named(ReportFormats.Analysis, settings.Format);
        var options = PipelineRun.Options(settings, args) with
        {
            ReportedTables = settings.Report.Tables is { } shown ? model.Tables.Where(t => shown.KeepsTable(t.Name)).Select(t => t.Name).ToList() : null,
            Proposals = writer.ShowsProposals ? ProposalScope.BelowTarget : ProposalScope.None,
        };
        var fullTable = PipelineRun.FullTableOf(live, settings, options);
        var result = PipelineRun.Run(model, settings, options, context, out errors, fullTable);
        if (result is null) return PipelineRun.Stop(context, errors);
        var analysis = result.Analysis;

        var facts = ReportFacts.Build(analysis, settings.Report, settings.Analysis, context, settings.Quiet, result.Data, fullTable);
        ReportDestination.Write(writer, new AnalysisReport(analysis, facts, context.CurrentDirectory, settings.SourceRoot, result.Proposals), args, context);
        return FailOn.ExitStatus(facts.Failing(analysis), settings.FailOn);
    }

    /// <summary>Status 2 after input errors (counted here) or a failure already told in one line (errors = 0).</summary>
    internal static int Stop(CliContext context, int errors) => PipelineRun.Stop(context, errors);
}
