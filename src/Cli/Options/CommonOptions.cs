namespace SchemaNorm.Cli.Options;

/// <summary>The options every command shares, and the option table each command is parsed with.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "output format: text, json, sarif, markdown, github or compact (default text)", "FORMAT");
    public static readonly OptionSpec Output = new("output", OptionArity.Single, "write the report to FILE instead of standard output", "FILE", Alias: "o");
    public static readonly OptionSpec Target = new("target", OptionArity.Single, "the normal form the design must reach: 3NF, BCNF, 4NF or 5NF (default BCNF)", "NF");
    public static readonly OptionSpec FailOn = new("fail-on", OptionArity.Single, "exit with status 1 when a finding is at least this severe: error, warning, note or none (default warning)", "LEVEL");
    public static readonly OptionSpec Var = new("var", OptionArity.Multiple, "a SQLCMD variable for $(name) in scripts (repeatable)", "NAME=VALUE");
    public static readonly OptionSpec Data = new("data", OptionArity.Multiple, "read sample rows for a table from a CSV file (repeatable)", "TABLE=FILE");
    public static readonly OptionSpec Delimiter = new("delimiter", OptionArity.Single, "CSV field separator (default: detected)", "C");
    public static readonly OptionSpec NoHeader = new("no-header", OptionArity.Flag, "CSV files have no header row (columns are column1 ... columnN; default: told by the rows)");
    public static readonly OptionSpec Header = new("header", OptionArity.Flag, "the first line of every CSV file is its header (default: told by the rows)");
    public static readonly OptionSpec Encoding = new("encoding", OptionArity.Single, "encoding of CSV files without a byte order mark (default utf-8)", "NAME");
    public static readonly OptionSpec Collation = new("collation", OptionArity.Single, "how text compares: ci (default, as SQL Server's default collation), cs, or a collation name", "NAME");
    public static readonly OptionSpec Nulls = new("nulls", OptionArity.Single, "NULL semantics in discovery: equal (default) or distinct", "equal|distinct");
    public static readonly OptionSpec MaxLhs = new("max-lhs", OptionArity.Single, "longest left-hand side searched in discovery", "N");
    public static readonly OptionSpec MaxError = new("max-error", OptionArity.Single, "find approximate FDs whose g3 error is at most E (0 to 1)", "E");
    public static readonly OptionSpec DiscoveryTimeout = new("discovery-timeout", OptionArity.Single, "stop looking for dependencies in a table's rows after this many seconds (default 300, a safety net: the search is bounded by work, not time); the table is then analysed without them", "SECONDS");
    public static readonly OptionSpec Table = new("table", OptionArity.Single, "the table to work on", "TABLE");
    public static readonly OptionSpec Config = new("config", OptionArity.Single, "read settings from FILE (default: the nearest schemanorm.json above the inputs, up to their repository root)", "FILE");
    public static readonly OptionSpec Baseline = new("baseline", OptionArity.Single, "fail only on findings that are not in this baseline file", "FILE");
    public static readonly OptionSpec WriteBaseline = new("write-baseline", OptionArity.Single, "record today's findings in FILE as the baseline", "FILE");
    public static readonly OptionSpec HelpUriBase = new("help-uri-base", OptionArity.Single, "link rule ids to URI/<id>.md (or to URI with {ruleId} replaced) in SARIF and Markdown", "URI");
    public static readonly OptionSpec SarifOpenOnly = new("sarif-open-only", OptionArity.Flag, "SARIF: leave out suppressed findings and baseline entries no longer found (GitHub code scanning reads neither)");
    public static readonly OptionSpec Quiet = new("quiet", OptionArity.Flag, "no progress or warnings on standard error; analyze's text report then shows only the findings that fail the run (one line each) and the summary line", Alias: "q");
    public static readonly OptionSpec Color = new("color", OptionArity.Single, "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never (default auto); a file written with --output is never coloured", "WHEN");
    public static readonly OptionSpec ShowBaselined = new("show-baselined", OptionArity.Flag, "list the findings the baseline holds in the text report (default: their count)");
    public static readonly OptionSpec Help = new("help", OptionArity.Flag, "show help", Alias: "h");
    public static readonly OptionSpec AllowRead = new("allow-read", OptionArity.Multiple, "let scripts read BULK INSERT files and :r includes from this folder too, besides each input's own tree (repeatable)", "DIR");

    /// <summary>--format for a command that writes only some formats: its help lists exactly those.</summary>
    public static OptionSpec FormatAmong(IReadOnlyList<string> formats) =>
        Format with { Help = $"output format: {string.Join(", ", formats.Take(formats.Count - 1))} or {formats[^1]} (default {formats[0]})" };

    /// <summary>--format value, checked against what the command can write.</summary>
    public static string FormatOf(ParsedArguments args, params string[] allowed) => args.Choice("format", "text", allowed);
}
