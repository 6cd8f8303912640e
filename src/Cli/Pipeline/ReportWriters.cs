using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Output;
using SchemaNorm.Decomposer;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>The last step of a run: the analysis as text in the format asked for.</summary>
public static class ReportWriters
{
    public static readonly string[] AnalyzeFormats = ["text", "json", "sarif", "markdown", "github", "compact"];

    public static string Write(string format, SchemaAnalysis analysis, CliContext context) =>
        Write(format, analysis, ReportFacts.For(analysis), context);

    /// <param name="sourceRoot">SARIF's %SRCROOT%: the inputs' repository root (default: the current folder).</param>
    public static string Write(string format, SchemaAnalysis analysis, ReportFacts facts, CliContext context, string? sourceRoot = null)
    {
        var proposals = new Proposals(analysis);
        return format switch
        {
            "json" => new AnalysisJsonWriter(context.CurrentDirectory) { Facts = facts }.Write(analysis, proposals.WriteJson),
            "sarif" => new SarifWriter(sourceRoot ?? context.CurrentDirectory, facts).Write(analysis),
            "markdown" => new MarkdownReportWriter(context.CurrentDirectory, facts).Write(analysis, proposals.Markdown),
            "github" => new GitHubAnnotationWriter(context.CurrentDirectory, facts).Write(analysis),
            "compact" => new CompactWriter(context.CurrentDirectory, facts).Write(analysis),
            _ => new AnalysisTextWriter(context.CurrentDirectory) { Facts = facts }.Write(analysis, proposals.Text),
        };
    }

    /// <summary>The decomposition of each table below the target, proposed when a writer asks for it.</summary>
    private sealed class Proposals(SchemaAnalysis analysis)
    {
        private readonly SchemaModel _model = ModelOf(analysis);

        private static SchemaModel ModelOf(SchemaAnalysis analysis)
        {
            var model = new SchemaModel();
            foreach (var t in analysis.Tables) model.Add(t.Table);
            return model;
        }

        private (Decomposition? Proposal, string? Error) For(TableAnalysis t)
        {
            if (t.NormalForm >= analysis.Target) return (null, null);
            try
            {
                return (Normalizer.Propose(_model, t, new DecompositionOptions { Target = analysis.Target }), null);
            }
            catch (DependencyLimitException e)
            {
                return (null, e.Message);
            }
        }

        public void WriteJson(System.Text.Json.Utf8JsonWriter w, TableAnalysis t)
        {
            var (d, error) = For(t);
            if (d is not null)
            {
                w.WritePropertyName("decomposition");
                DecompositionJsonWriter.WriteObject(w, d);
            }
            else if (error is not null)
            {
                w.WriteStartObject("decomposition");
                w.WriteString("target", analysis.Target.Display());
                w.WriteString("error", error);
                w.WriteEndObject();
            }
        }

        public string? Text(TableAnalysis t)
        {
            var (d, error) = For(t);
            if (error is not null) return $"  proposal: not made ({error})\n";
            return d is { Changes: true } ? DecompositionTextWriter.Summary(d) : null;
        }

        public string? Markdown(TableAnalysis t)
        {
            var (d, error) = For(t);
            if (error is not null) return $"Proposed decomposition: not made ({error}).\n";
            return d is { Changes: true } ? DecompositionMarkdownWriter.Section(d) : null;
        }
    }
}
