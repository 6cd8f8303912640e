using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Config;
using SchemaNorm.Databases.Common;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer.Pipeline;
using SchemaNorm.Decomposer;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// Proposes a lossless decomposition of one table to the target normal form, with the facts about it
/// (lossless, dependency preserving, keys, foreign keys, normal forms, the check on the sample rows) as
/// text, JSON or Markdown with Mermaid ER diagrams. The table's dependencies are gathered as analyze
/// gathers them: keys, declarations, the config file, and those found in its sample rows.
/// </summary>
internal sealed class DecomposeCommand : ICommand
{
    public string Name => "decompose";
    public string Usage => "schemanorm decompose (<paths...> | --connection STRING) --table T [--target 3NF|BCNF|4NF|5NF] [options]";
    public string Summary => "Proposes a lossless decomposition of one table into tables that reach the target normal form.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Table,
        CommonOptions.FormatAmong(ReportFormats.Names(ReportFormats.Decomposition)),
        CommonOptions.Output, CommonOptions.Target, CommonOptions.Config, CommonOptions.Color,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, CommonOptions.DiscoveryTimeout, PipelineRun.NoDiscovery,
        .. InputOptions.All,
        .. LiveOptions.All,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var settings = PipelineRun.ReadingWholeSchemas(RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Decomposition)), args);
        var tableName = PipelineRun.RequireTable(args);
        var model = ModelLoader.Load(settings, context, out int errors, out var live);
        if (model is null) return PipelineRun.Stop(context, errors);
        using var database = live;
        var table = PipelineRun.FindTable(model, tableName);
        OutputGuard.Check([args.Get("output")], settings, model, context.CurrentDirectory);

        // The table's dependencies are gathered as analyze gathers them; from a live database those found
        // in the sample are first checked on all rows by the server, so that no split rests on a sample's accident.
        var options = PipelineRun.Options(settings, args) with { Tables = [table.Name], Proposals = ProposalScope.EveryTable };
        var result = PipelineRun.Run(model, settings, options, context, out errors, PipelineRun.FullTableOf(live, settings, options));
        if (result?.Proposals is not { } proposals) return PipelineRun.Stop(context, errors);
        var decomposition = proposals.All.Single().Required;

        ReportDestination.Write(ReportFormats.Named(ReportFormats.Decomposition, settings.Format), decomposition, args, context);
        return ExitStatus.Clean;
    }
}
