using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The formats each command writes, the first being the default: a new format is a writer class and a
/// line here (its name reaches --format, its help and its check from this table).
/// </summary>
internal static class ReportFormats
{
    public static readonly IReadOnlyList<IReportWriter<AnalysisReport>> Analysis =
    [
        new ReportFormat<AnalysisReport>("text", ".txt", (r, o, layout) =>
            o.Write(new AnalysisTextWriter(r.CurrentDirectory) { Facts = r.Facts, Layout = layout }.Write(r.Analysis, t => ProposalSections.Text(r.Proposals, t, layout.Width))), ShowsProposals: true),
        new ReportFormat<AnalysisReport>("json", ".json", (r, o, _) =>
            o.Write(new AnalysisJsonWriter(r.CurrentDirectory) { Facts = r.Facts }.Write(r.Analysis, t => ProposalSections.Json(r.Proposals, t))), ShowsProposals: true),
        new ReportFormat<AnalysisReport>("sarif", ".sarif", (r, o, _) => o.Write(new SarifWriter(r.SourceRoot, r.Facts).Write(r.Analysis))),
        new ReportFormat<AnalysisReport>("markdown", ".md", (r, o, _) =>
            o.Write(new MarkdownReportWriter(r.CurrentDirectory, r.Facts).Write(r.Analysis, t => ProposalSections.Markdown(r.Proposals, t))), ShowsProposals: true),
        new ReportFormat<AnalysisReport>("github", ".txt", (r, o, _) => o.Write(new GitHubAnnotationWriter(r.CurrentDirectory, r.Facts).Write(r.Analysis))),
        new ReportFormat<AnalysisReport>("compact", ".txt", (r, o, _) => o.Write(new CompactWriter(r.CurrentDirectory, r.Facts).Write(r.Analysis))),
    ];

    public static readonly IReadOnlyList<IReportWriter<Decomposition>> Decomposition =
    [
        new ReportFormat<Decomposition>("text", ".txt", (d, o, layout) => o.Write(DecompositionTextWriter.Write(d, layout))),
        new ReportFormat<Decomposition>("json", ".json", (d, o, _) => o.Write(DecompositionJsonWriter.Document(d))),
        new ReportFormat<Decomposition>("markdown", ".md", (d, o, _) => o.Write(DecompositionMarkdownWriter.Write(d))),
    ];

    /// <summary>The names of the formats, for --format's check and help.</summary>
    public static string[] Names<TReport>(IReadOnlyList<IReportWriter<TReport>> formats) => formats.Select(f => f.Format).ToArray();

    /// <summary>The writer of a format already checked against the table (see <see cref="Names"/>).</summary>
    public static IReportWriter<TReport> Named<TReport>(IReadOnlyList<IReportWriter<TReport>> formats, string format) =>
        formats.First(f => f.Format == format);
}
