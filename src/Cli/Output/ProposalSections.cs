using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Output;

/// <summary>A table's proposed decomposition (or why none was made) as a section of the analyze report.</summary>
internal static class ProposalSections
{
    public static void Json(ProposedDecompositions? proposals, Utf8JsonWriter w, TableAnalysis t)
    {
        if (proposals?.Of(t) is not { } p) return;
        if (p.Decomposition is { } d)
        {
            w.WritePropertyName("decomposition");
            DecompositionJsonWriter.WriteObject(w, d);
        }
        else if (p.Error is { } error)
        {
            w.WriteStartObject("decomposition");
            w.WriteString("target", proposals.Target.Display());
            w.WriteString("error", error);
            w.WriteEndObject();
        }
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
