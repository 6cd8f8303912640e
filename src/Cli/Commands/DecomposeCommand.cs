using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Live;
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
        CommonOptions.Output, CommonOptions.Target, CommonOptions.Config,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, CommonOptions.DiscoveryTimeout, AnalyzeCommand.NoDiscovery,
        .. InputOptions.All,
        .. LiveOptions.All,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var settings = ReadingWholeSchemas(RunSettings.From(args, context, ReportFormats.Names(ReportFormats.Decomposition)), args);
        var tableName = RequireTable(args);
        var model = ModelLoader.Load(settings, context, out int errors, out var live);
        if (model is null) return AnalyzeCommand.Stop(context, errors);
        using var database = live;
        var table = FindTable(model, tableName);

        var analysis = Analyze(model, [table], settings, args, context, out errors, live);
        if (analysis is null) return AnalyzeCommand.Stop(context, errors);
        var decomposition = Normalizer.Propose(model, analysis.Tables.Single(), OptionsFor(settings.Analysis));

        OutputGuard.Check([args.Get("output")], settings, model, context.CurrentDirectory);
        ReportDestination.Write(ReportFormats.Named(ReportFormats.Decomposition, settings.Format), decomposition, args, context);
        return ExitStatus.Clean;
    }

    /// <summary>
    /// From a live database, --table names the table to work on, not the tables to read: the tables it
    /// references and those whose foreign keys reference it are read too (every table of the --schema
    /// filter), so that new tables take existing names and foreign keys move to the new tables.
    /// </summary>
    internal static RunSettings ReadingWholeSchemas(RunSettings settings, ParsedArguments args) =>
        settings.Live is { } live ? settings with { Live = live with { Filter = new TableFilter(args.GetAll("schema"), []) } } : settings;

    internal static string RequireTable(ParsedArguments args) =>
        args.Get("table") is { Length: > 0 } name ? name : throw new UsageException("--table is required: the table to decompose");

    /// <summary>The table named on the command line, or a usage error that lists the tables there are.</summary>
    internal static Table FindTable(SchemaModel model, string name)
    {
        Table? table;
        try
        {
            table = model.Find(name);
        }
        catch (FormatException)
        {
            table = null;
        }
        if (table is not null) return table;
        var known = model.Tables.Select(t => t.Name.ToString()).ToList();
        var list = known.Count == 0 ? "the input has no tables" : "tables: " + string.Join(", ", known.Take(10)) + (known.Count > 10 ? $", ... ({known.Count} in all)" : "");
        throw new UsageException($"no table '{name}' in the input ({list})");
    }

    /// <summary>
    /// The analysis of <paramref name="tables"/> with their dependencies gathered as analyze gathers them
    /// (the dependencies found in the sample rows unless --no-discovery); null after input errors, which are printed.
    /// </summary>
    /// <summary>
    /// The analysis of <paramref name="tables"/> as analyze makes it (discovery on their rows unless
    /// --no-discovery). From a live database the dependencies found in the sample are first checked on all
    /// rows by the server, so that no split rests on a sample's accident.
    /// </summary>
    internal static SchemaAnalysis? Analyze(SchemaModel model, IReadOnlyList<Table> tables, RunSettings settings, ParsedArguments args, CliContext context, out int errors, LiveDatabase? live = null)
    {
        var diagnostics = new DiagnosticBag();
        if (settings.Config is { } config) ConfigChecks.Check(model, config, diagnostics);
        Dictionary<Table, TableDataDependencies>? data = null;
        if (!args.Has(AnalyzeCommand.NoDiscovery.Name))
        {
            var subset = new SchemaModel();
            foreach (var t in tables) subset.Add(t);
            using var progress = new PipelineProgressLine(context, settings.Quiet);
            data = DataDependencies.Find(subset, settings.Discovery, progress);
        }
        Func<Table, IReadOnlyList<TableDependency>>? fromSample = data is null ? null : t => data.TryGetValue(t, out var d) ? d.Used : [];
        if (live is not null && fromSample is not null)
            fromSample = new FullTableEvidence(live)
            {
                Nulls = settings.Discovery.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct,
                MaxError = settings.Discovery.MaxError ?? 0,
            }.Confirming(fromSample);
        var analysis = SchemaAnalyzer.Analyze(model, settings.Analysis, diagnostics, fromSample);
        errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings);
        if (errors > 0) return null;
        var wanted = new HashSet<Table>(tables, ReferenceEqualityComparer.Instance);
        return new SchemaAnalysis { Target = analysis.Target, Tables = analysis.Tables.Where(t => wanted.Contains(t.Table)).ToList() };
    }

    internal static DecompositionOptions OptionsFor(AnalysisOptions analysis) => new()
    {
        Target = analysis.Target,
        TrustSchemaInference = analysis.TrustSchemaInference,
    };
}
