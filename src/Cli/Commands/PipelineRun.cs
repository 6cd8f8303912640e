using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Cli.Pipeline;
using SchemaNorm.Databases.Common;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// What analyze, decompose and migrate share around the library's <see cref="AnalysisPipeline"/>: the
/// run settings turned into its options, the config file's checks, the progress line, and the
/// diagnostics printed.
/// </summary>
internal static class PipelineRun
{
    public static readonly OptionSpec NoDiscovery = new("no-discovery", OptionArity.Flag, "do not look for dependencies in the sample rows (keys and declarations only)");

    /// <summary>The pipeline's options for this run: its analysis and discovery settings, and --no-discovery.</summary>
    public static PipelineOptions Options(RunSettings settings, ParsedArguments args) => new()
    {
        Analysis = settings.Analysis,
        Discovery = settings.Discovery,
        FindInRows = !args.Has(NoDiscovery.Name),
    };

    /// <summary>From a live database, what the sample suggests is counted again on all rows by the server.</summary>
    public static FullTableEvidence? FullTableOf(LiveDatabaseSource? live, RunSettings settings, PipelineOptions options)
    {
        if (live is null || !options.FindInRows) return null;
        if (!LiveDatabases.InProcess) throw LiveDatabases.NotInThisBuild();
        return live.FullTableCheck(settings.Discovery.NullsEqual ? NullSemantics.Equal : NullSemantics.Distinct, settings.Discovery.MaxError ?? 0);
    }

    /// <summary>
    /// The config file's checks and the pipeline, with the progress line on a terminal; null after input
    /// errors, which are printed (as are warnings) and counted in <paramref name="errors"/>.
    /// </summary>
    public static PipelineResult? Run(SchemaModel model, RunSettings settings, PipelineOptions options, CliContext context,
        out int errors, IFullTableCheck? fullTable = null)
    {
        var diagnostics = new DiagnosticBag();
        if (settings.Config is { } config) ConfigChecks.Check(model, config, diagnostics);
        PipelineResult result;
        PhaseTimings? timings = null;
        using (var progress = new PipelineProgressLine(context, settings.Quiet))
        {
            timings = settings.Verbose ? new PhaseTimings(progress) : null;
            result = AnalysisPipeline.Run(model, options, diagnostics, timings ?? (IProgress<PipelineProgress>)progress, fullTable);
        }
        if (timings is not null) context.Stderr.WriteLine("schemanorm: " + timings.Describe());
        errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings);
        return errors > 0 ? null : result;
    }

    /// <summary>Status 2 after input errors (counted here) or a failure already told in one line (errors = 0).</summary>
    public static int Stop(CliContext context, int errors)
    {
        if (errors > 0) context.Stderr.WriteLine($"schemanorm: {errors} error{(errors == 1 ? "" : "s")} in the input; no report written.");
        return ExitStatus.Failure;
    }

    /// <summary>
    /// From a live database, --table names the table to work on, not the tables to read: the tables it
    /// references and those whose foreign keys reference it are read too (every table of the --schema
    /// filter), so that new tables take existing names and foreign keys move to the new tables.
    /// </summary>
    public static RunSettings ReadingWholeSchemas(RunSettings settings, ParsedArguments args) =>
        settings.Live is { } live ? settings with { Live = live with { Filter = new TableFilter(args.GetAll("schema"), []) } } : settings;

    public static string RequireTable(ParsedArguments args) =>
        args.Get("table") is { Length: > 0 } name ? name : throw new UsageException("--table is required: the table to decompose");

    /// <summary>The table named on the command line, or a usage error that lists the tables there are.</summary>
    public static Table FindTable(SchemaModel model, string name)
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
}
