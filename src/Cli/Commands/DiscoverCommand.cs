using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Decomposer.Pipeline;
using SchemaNorm.Cli.Pipeline;

namespace SchemaNorm.Cli.Commands;

/// <summary>
/// Dependencies found in the data: every minimal FD (exact, or approximate within --max-error), the
/// minimal unique column combinations, and MVDs where the search is cheap. Whatever the search bounded
/// is said in the report's limits.
/// </summary>
internal sealed class DiscoverCommand : ICommand
{
    public static readonly OptionSpec NoMvds = new("no-mvds", OptionArity.Flag, "do not look for multivalued dependencies");
    public static readonly OptionSpec FdsOnly = new("fds-only", OptionArity.Flag, "look only for functional dependencies: no unique column combinations, MVDs or JDs");
    public static readonly OptionSpec Threads = new("threads", OptionArity.Single, "induce and validate candidate FDs on this many threads (default: the processor count; the FDs found are the same)", "N");
    public static readonly string[] Formats = ["text", "json"];
    public static readonly OptionSpec TimeLimit = new("time-limit", OptionArity.Single, "stop each table's search after this many seconds (the report says where it stopped)", "SECONDS");

    public string Name => "discover";
    public string Usage => "schemanorm discover (<paths...> | --connection STRING) [options]";
    public string Summary => "Lists the dependencies that hold in the sample rows: minimal FDs, unique column combinations, MVDs.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.FormatAmong(Formats), CommonOptions.Output, CommonOptions.Table, CommonOptions.Color,
        CommonOptions.Nulls, CommonOptions.MaxLhs, CommonOptions.MaxError, NoMvds, FdsOnly, Threads, TimeLimit,
        .. InputOptions.All,
        .. LiveOptions.All, // with --connection, --table also chooses the one table read from the database
        CommonOptions.Help,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var settings = RunSettings.From(args, context, Formats);
        var timeLimit = args.Double("time-limit", 0.001, 1e6) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var options = DiscoveryPlan.Base(settings.Discovery, timeLimit);
        bool fdsOnly = args.Has("fds-only");
        options = options with { Threads = args.Int("threads", 1, 256) ?? Environment.ProcessorCount };

        var model = ModelLoader.Load(settings, context, out int errors);
        if (model is null) return AnalyzeCommand.Stop(context, errors);

        var tables = SelectTables(model, args.Get("table"));
        OutputGuard.Check([args.Get("output")], settings, model, context.CurrentDirectory);
        var results = new List<DiscoveredTable>();
        using var progress = new ProgressLine(context, settings.Quiet);
        foreach (var table in tables)
        {
            var data = table.Data!;
            var (tableOptions, notes) = DiscoveryPlan.ForTable(options, settings.Discovery, data, mvds: !args.Has("no-mvds") && !fdsOnly);
            if (fdsOnly)
            {
                tableOptions = tableOptions with { Uccs = false };
                notes = [.. notes, "only functional dependencies were searched (--fds-only): no unique column combinations, MVDs or JDs"];
            }
            progress.Table = table.Name.ToString();
            var result = DependencyDiscovery.Discover(data, tableOptions with { Progress = progress });
            results.Add(new DiscoveredTable(table, result, notes));
        }
        progress.Clear();

        if (settings.Format == "json")
            ReportDestination.WriteJson(w => DiscoveryJsonWriter.WriteTo(w, results, context.CurrentDirectory), args, context);
        else
        {
            var layout = ReportDestination.Layout(args, context);
            ReportDestination.WriteText(w => DiscoveryTextWriter.Write(results, w, layout), args, context);
        }
        return ExitStatus.Clean;
    }

    /// <summary>Tables with sample rows, or the one --table names (an error when it has none).</summary>
    private static List<Table> SelectTables(SchemaModel model, string? name)
    {
        if (name is null)
        {
            var withData = model.Tables.Where(t => t.Data is { RowCount: > 0 }).ToList();
            if (withData.Count == 0)
                throw new UsageException("no table has sample rows (give INSERT statements, BULK INSERT files or CSV files)");
            return withData;
        }
        var table = model.Find(name) ?? throw new UsageException($"no table named '{name}' (tables: {string.Join(", ", model.Tables.Select(t => t.Name).Take(10))})");
        if (table.Data is not { RowCount: > 0 })
            throw new UsageException($"table {table.Name} has no sample rows");
        return [table];
    }
}
