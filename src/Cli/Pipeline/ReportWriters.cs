using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>The last step of a run: the analysis as text in the format asked for.</summary>
public static class ReportWriters
{
    public static readonly string[] AnalyzeFormats = ["text", "json"];

    public static string Write(string format, SchemaAnalysis analysis, CliContext context) => format switch
    {
        "json" => new AnalysisJsonWriter(context.CurrentDirectory).Write(analysis),
        _ => new AnalysisTextWriter(context.CurrentDirectory).Write(analysis),
    };
}
