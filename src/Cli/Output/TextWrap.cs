using System.Text;

namespace SchemaNorm.Cli.Output;

/// <summary>Paragraphs of the text reports, wrapped for a terminal.</summary>
internal static class TextWrap
{
    /// <summary>Wraps a paragraph at 100 columns with a hanging indent (continuation lines two further in).</summary>
    internal static void Wrap(StringBuilder sb, string text, string indent)
    {
        const int width = 100;
        var line = new StringBuilder(indent);
        // Text from the input may hold line breaks: they are shown escaped, never break the layout.
        foreach (var word in ReportText.Line(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                sb.AppendLine(line.ToString());
                line.Clear().Append(indent).Append("  ");
            }
            if (line.Length > indent.Length && line[^1] != ' ') line.Append(' ');
            line.Append(word);
        }
        if (line.Length > indent.Length) sb.AppendLine(line.ToString());
    }
}
