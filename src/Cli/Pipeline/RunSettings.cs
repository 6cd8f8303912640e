using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Cli.Config;
using SchemaNorm.Databases.Common;
using SchemaNorm.Cli.Options;
using SchemaNorm.Cli.Output;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>Everything a run was asked to do, settled once from the command line and the config file.</summary>
internal sealed record RunSettings
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

    /// <summary>The config file in use (--config, or the nearest schemanorm.json upward), or null.</summary>
    public SchemaNormConfig? Config { get; init; }

    /// <summary>The repository root of the inputs (the folder with .git above the first of them), or the current folder: SARIF's %SRCROOT%.</summary>
    public string SourceRoot { get; init; } = Environment.CurrentDirectory;

    /// <summary>Help links, baseline, tables shown.</summary>
    public ReportSettings Report { get; init; } = new();

    /// <summary>How to search sample data for dependencies, and the dependencies the config file rejects.</summary>
    public DiscoverySettings Discovery { get; init; } = new();

    /// <summary>Command-line options win over the config file; the config file over the defaults.</summary>
    /// <exception cref="ConfigException">The config file has errors.</exception>
    public static RunSettings From(ParsedArguments args, CliContext context, params string[] formats)
    {
        var paths = InputOptions.Paths(args, context.CurrentDirectory);
        var configChoice = ConfigLocator.Choose(args, context.CurrentDirectory, paths);
        var config = configChoice is null ? null : ConfigReader.Read(configChoice.Path);
        var ingest = InputOptions.ToIngestOptions(args, context.CurrentDirectory);
        var report = ReportSettings.From(args, config, context.CurrentDirectory);
        if (args.Has("verbose") && !args.Has("quiet")) SayWhatIsUsed(context, configChoice, report, baselineGiven: args.Has("baseline"));
        return new()
        {
            Paths = paths,
            SourceRoot = paths.Select(RepositoryRoot.Of).FirstOrDefault(r => r is not null) ?? context.CurrentDirectory,
            Ingest = config is null ? ingest : ingest with { IncludeFile = config.IncludesFile, AllowRead = [.. ingest.AllowRead, .. config.AllowRead] },
            Live = LiveOptions.From(args),
            Analysis = new AnalysisOptions
            {
                Target = TargetOption.Parse(args, config?.Target),
                ConfigDependencies = config?.AcceptedDependencies.ToList() ?? [],
                Suppressions = config?.Suppressions ?? [],
                RuleSeverities = config?.RuleSeverities() ?? new Dictionary<string, Severity>(),
                DisabledRules = config?.DisabledRules() ?? new HashSet<string>(),
            },
            Format = CommonOptions.FormatOf(args, formats),
            FailOn = Output.FailOn.Threshold(args, config?.FailOn),
            Quiet = args.Has("quiet"),
            Verbose = args.Has("verbose"),
            Config = config,
            Report = report,
            Discovery = DiscoverySettingsReader.Read(args, config),
        };
    }

    /// <summary>-v: which config file and which baseline the run uses, as info lines located at them.</summary>
    private static void SayWhatIsUsed(CliContext context, ConfigChoice? config, ReportSettings report, bool baselineGiven)
    {
        string Shown(string path) => PathDisplay.Relative(path, context.CurrentDirectory);
        context.Stderr.WriteLine(config is null
            ? "schemanorm: info: no config file (schemanorm.json) above the inputs or the current folder; the defaults apply"
            : $"{Shown(config.Path)}:1:1: info: this config file is used ({config.How}{(config.Near is { } near ? " " + Shown(near) : "")})");
        if (report.Baseline is { } baseline)
            context.Stderr.WriteLine($"{Shown(baseline)}:1:1: info: findings are compared with this baseline{(baselineGiven || config is null ? " (--baseline)" : $" (named in {Shown(config.Path)})")}");
    }
}
