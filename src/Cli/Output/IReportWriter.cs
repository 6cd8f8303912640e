namespace SchemaNorm.Cli.Output;

/// <summary>One format a report can be written in: its --format name, the extension of a file of it, and the writing.</summary>
/// <typeparam name="TReport">What is reported: an analysis (<see cref="AnalysisReport"/>) or a decomposition.</typeparam>
internal interface IReportWriter<in TReport>
{
    /// <summary>The name given to --format.</summary>
    string Format { get; }

    /// <summary>The extension of a file in this format, with its dot.</summary>
    string Extension { get; }

    /// <summary>True when the report needs the proposed decompositions (they cost a search per table below the target).</summary>
    bool ShowsProposals { get; }

    /// <param name="layout">The width and colour of the destination; formats for machines ignore it.</param>
    void Write(TReport report, TextWriter output, TextLayout layout);
}

/// <summary>A format whose writing is one call into a writer class: the entries of <see cref="ReportFormats"/>.</summary>
internal sealed record ReportFormat<TReport>(string Format, string Extension, Action<TReport, TextWriter, TextLayout> Writing, bool ShowsProposals = false)
    : IReportWriter<TReport>
{
    public void Write(TReport report, TextWriter output, TextLayout layout) => Writing(report, output, layout);
}
