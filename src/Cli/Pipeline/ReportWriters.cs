using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>The last step of a run: the analysis as text in the format asked for.</summary>
public static class ReportWriters
{
    public static readonly string[] AnalyzeFormats = ["text", "json", "sarif", "markdown", "github"];

    public static string Write(string format, SchemaAnalysis analysis, CliContext context) =>
        Write(format, analysis, ReportFacts.For(analysis), context);

    public static string Write(string format, SchemaAnalysis analysis, ReportFacts facts, CliContext context) => format switch
    {
        "json" => new AnalysisJsonWriter(context.CurrentDirectory) { Facts = facts }.Write(analysis),
        "sarif" => new SarifWriter(context.CurrentDirectory, facts).Write(analysis),
        "markdown" => new MarkdownReportWriter(context.CurrentDirectory, facts).Write(analysis),
        "github" => new GitHubAnnotationWriter(context.CurrentDirectory, facts).Write(analysis),
        _ => new AnalysisTextWriter(context.CurrentDirectory) { Facts = facts }.Write(analysis),
    };
}
