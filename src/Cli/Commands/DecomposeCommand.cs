using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Decomposer;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// Proposes a lossless decomposition of one table to the target normal form, with the facts about it
/// (lossless, dependency preserving, keys, foreign keys, normal forms, the check on the sample rows) as
/// text, JSON or Markdown with Mermaid ER diagrams.
/// </summary>
public sealed class DecomposeCommand : ICommand
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public static readonly OptionSpec Discover = new("discover", OptionArity.Flag,
        "also use the functional dependencies found in the table's sample rows (splits on them need the rows' support)");

    public string Name => "decompose";
    public string Usage => "schemanorm decompose <paths...> --table T [--target 3NF|BCNF|4NF|5NF] [options]";
    public string Summary => "Proposes a lossless decomposition of one table into tables that reach the target normal form.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Table,
        new("format", OptionArity.Single, "output format: text, json or markdown (default text)", "FORMAT"),
        CommonOptions.Output, CommonOptions.Target, Discover,
        .. InputOptions.All,
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var settings = RunSettings.From(args, context, Formats);
        var tableName = RequireTable(args);
        var model = ModelLoader.Load(settings, context, out int errors);
        if (model is null) return AnalyzeCommand.Stop(context, errors);
        var table = FindTable(model, tableName, Name);

        var decomposition = Propose(model, table, settings, context, out errors, args.Has("discover"));
        if (decomposition is null) return AnalyzeCommand.Stop(context, errors);

        var report = settings.Format switch
        {
            "json" => DecompositionJsonWriter.Document(decomposition),
            "markdown" => DecompositionMarkdownWriter.Write(decomposition),
            _ => DecompositionTextWriter.Write(decomposition),
        };
        ReportDestination.Write(report, args, context);
        return ExitStatus.Clean;
    }

    internal static string RequireTable(ParsedArguments args) =>
        args.Get("table") is { Length: > 0 } name ? name : throw new UsageException("--table is required: the table to decompose");

    /// <summary>The table named on the command line, or a usage error that lists the tables there are.</summary>
    internal static Table FindTable(SchemaModel model, string name, string command)
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

    /// <summary>Analyses the table (its dependencies as analyze gathers them) and proposes its decomposition.</summary>
    internal static Decomposition? Propose(SchemaModel model, Table table, RunSettings settings, CliContext context, out int errors, bool discover = false)
    {
        var diagnostics = new DiagnosticBag();
        var analysis = SchemaAnalyzer.AnalyzeTable(model, table, settings.Analysis, diagnostics,
            dataDependencies: discover ? t => FoundInRows(t, context, settings.Quiet) : null);
        errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings.Quiet, settings.Verbose);
        if (errors > 0) return null;
        return Normalizer.Propose(model, analysis, OptionsFor(settings.Analysis));
    }

    /// <summary>The exact FDs that discovery finds in a table's sample rows (none without rows).</summary>
    internal static IReadOnlyList<TableDependency> FoundInRows(Table table, CliContext context, bool quiet)
    {
        if (table.Data is not { RowCount: > 0 } data) return [];
        var found = DependencyDiscovery.Discover(data, new DiscoveryOptions { Uccs = false, TimeLimit = TimeSpan.FromMinutes(2) });
        if (!quiet)
            foreach (var limit in found.Limits) context.Stderr.WriteLine($"schemanorm: discovery in {table.Name}: {limit}");
        return found.Fds.Where(f => f.Error == 0)
            .Select(f => TableDependency.Functional(f.ToDependency(), DependencySource.Data, origin: data.Origin, evidence: new DataEvidence(data.RowCount, f.Error)))
            .ToList();
    }

    internal static DecompositionOptions OptionsFor(AnalysisOptions analysis) => new()
    {
        Target = analysis.Target,
        TrustSchemaInference = analysis.TrustSchemaInference,
    };
}
