using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Config;
using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Output;

/// <summary>How the analysis is reported: help links, the baseline, the tables shown. The command line wins over the config file.</summary>
internal sealed record ReportSettings
{
    /// <summary>Base URI of the rule pages (--help-uri-base, config helpUriBase), or null for no links.</summary>
    public string? HelpUriBase { get; init; }

    /// <summary>Full path of the baseline to compare with (--baseline, config baseline).</summary>
    public string? Baseline { get; init; }

    /// <summary>Full path to write today's findings to (--write-baseline).</summary>
    public string? WriteBaseline { get; init; }

    /// <summary>--sarif-open-only: leave suppressed findings and baseline entries no longer found out of SARIF.</summary>
    public bool SarifOpenOnly { get; init; }

    /// <summary>--show-baselined: the text report lists the findings the baseline holds (by default, their count).</summary>
    public bool ShowBaselined { get; init; }

    /// <summary>--quiet: the text report lists only the findings that fail the run, one line each, and the summary.</summary>
    public bool Quiet { get; init; }

    /// <summary>The least severity that fails the run (--fail-on, config failOn), or null for none.</summary>
    public Severity? FailOn { get; init; } = Severity.Warning;

    /// <summary>The config file's table globs; tables they leave out are not reported.</summary>
    public GlobFilter? Tables { get; init; }

    public static ReportSettings From(ParsedArguments args, SchemaNormConfig? config, string currentDirectory)
    {
        var helpUriBase = args.Get("help-uri-base");
        if (helpUriBase is not null && !RuleHelp.IsValidBase(helpUriBase))
            throw new UsageException($"--help-uri-base takes an absolute http or https URI, not '{helpUriBase}'");
        string? FullPath(string name) => args.Get(name) is { } p ? Path.GetFullPath(p, currentDirectory) : null;
        return new ReportSettings
        {
            HelpUriBase = helpUriBase ?? config?.HelpUriBase,
            Baseline = FullPath("baseline") ?? config?.Baseline,
            WriteBaseline = FullPath("write-baseline"),
            SarifOpenOnly = args.Has("sarif-open-only"),
            ShowBaselined = args.Has("show-baselined"),
            Quiet = args.Has("quiet"),
            FailOn = Output.FailOn.Threshold(args, config?.FailOn),
            Tables = config?.Tables is { IsEmpty: false } tables ? tables : null,
        };
    }

    /// <summary>The analysis without the tables the config file leaves out.</summary>
    public SchemaAnalysis Scope(SchemaAnalysis analysis) => Tables is null
        ? analysis
        : new SchemaAnalysis { Target = analysis.Target, Tables = analysis.Tables.Where(t => Tables.KeepsTable(t.Table.Name)).ToList() };
}
