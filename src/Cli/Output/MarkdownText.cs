using System.Text;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Names and values from the input in Markdown (GitHub's flavour, which also reads HTML): each on one line
/// (line breaks and control characters escaped), so that none can end a code fence, a list item, a table
/// row or a heading, and none can open an element, a link or a fence of its own.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Inline code: delimited by one backtick more than the longest run of backticks inside, so that the name shows as it is.</summary>
    public static string Code(string text)
    {
        var line = ReportText.Line(text);
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        // A code span drops one space at each end: pad when the text starts or ends with a backtick (or a space).
        bool pad = line.Length > 0 && (line[0] is '`' or ' ' || line[^1] is '`' or ' ');
        return pad ? $"{fence} {line} {fence}" : fence + line + fence;
    }

    /// <summary>Inline code in a table cell: a '|' would end the cell even inside code, so it is escaped.</summary>
    public static string CellCode(string text) => Code(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Plain text: characters Markdown would read as markup or HTML are escaped.</summary>
    public static string Text(string text)
    {
        var line = ReportText.Line(text);
        var sb = new StringBuilder(line.Length);
        foreach (var ch in line)
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '!' or '|') sb.Append('\\').Append(ch);
            else if (ch == '<') sb.Append("&lt;");
            else if (ch == '>') sb.Append("&gt;");
            else if (ch == '&') sb.Append("&amp;");
            else sb.Append(ch);
        }
        return sb.ToString();
    }
}
