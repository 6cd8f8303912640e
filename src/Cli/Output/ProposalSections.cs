using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Cli.Output.Json;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Output;

/// <summary>A table's proposed decomposition (or why none was made) as a section of the analyze report.</summary>
internal static class ProposalSections
{
    public static ProposalJson? Json(ProposedDecompositions? proposals, TableAnalysis t)
    {
        if (proposals?.Of(t) is not { } p) return null;
        if (p.Decomposition is { } d) return DecompositionObject.Of(d);
        return p.Error is { } error ? new ProposalNotMade(proposals.Target.Display(), error) : null;
    }

    public static string? Text(ProposedDecompositions? proposals, TableAnalysis t, int width = TextLayout.DefaultWidth)
    {
        if (proposals?.Of(t) is not { } p) return null;
        if (p.Error is { } error) return $"  proposal: not made ({error})\n";
        return p.Decomposition is { Changes: true } d ? DecompositionTextWriter.Summary(d, width: width) : null;
    }

    public static string? Markdown(ProposedDecompositions? proposals, TableAnalysis t)
    {
        if (proposals?.Of(t) is not { } p) return null;
        if (p.Error is { } error) return $"Proposed decomposition: not made ({error}).\n";
        return p.Decomposition is { Changes: true } d ? DecompositionMarkdownWriter.Section(d) : null;
    }
}
