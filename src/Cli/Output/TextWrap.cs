using System.Text;

namespace SchemaNorm.Cli.Output;

/// <summary>Paragraphs of the text reports, wrapped for a terminal.</summary>
internal static class TextWrap
{
    /// <summary>
    /// Wraps a paragraph at <paramref name="width"/> columns with a hanging indent (continuation lines two
    /// further in). Lines break only at spaces outside [brackets], "quotes" and `backticks`, so that a
    /// name, a path or a piece of code is never split; one longer than the line stands on its own. A
    /// (parenthesised, list) stays on one line too when it fits on one.
    /// </summary>
    /// <param name="hanging">What continuation lines add to the indent (two spaces in the reports).</param>
    internal static void Wrap(StringBuilder sb, string text, string indent, int width = TextLayout.DefaultWidth, string hanging = "  ")
    {
        var line = new StringBuilder(indent);
        // Text from the input may hold line breaks: they are shown escaped, never break the layout.
        foreach (var word in Words(ReportText.Line(text), keepParenthesesUpTo: width - indent.Length - hanging.Length))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                sb.AppendLine(line.ToString());
                line.Clear().Append(indent).Append(hanging);
            }
            if (line.Length > indent.Length && line[^1] != ' ') line.Append(' ');
            line.Append(word);
        }
        if (line.Length > indent.Length) sb.AppendLine(line.ToString());
    }

    /// <summary>The longest span kept whole: a SQL Server name has at most 128 characters, quoted 130.</summary>
    private const int MaxSpan = 130;

    /// <summary>
    /// The text split at spaces, except spaces inside a closed [ ], " " or ` ` span, and inside ( )
    /// when the word holding the parentheses has at most <paramref name="keepParenthesesUpTo"/> characters.
    /// </summary>
    internal static IEnumerable<string> Words(string text, int keepParenthesesUpTo = 0)
    {
        foreach (var word in Spans(text, parentheses: keepParenthesesUpTo > 0))
        {
            if (word.Length <= keepParenthesesUpTo || !word.Contains(' ')) yield return word;
            else foreach (var part in Spans(word, parentheses: false)) yield return part;
        }
    }

    private static IEnumerable<string> Spans(string text, bool parentheses)
    {
        int start = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ')
            {
                if (i > start) yield return text[start..i];
                start = ++i;
                continue;
            }
            int end = c switch
            {
                '[' or '"' or '`' => text.IndexOf(c == '[' ? ']' : c, i + 1, Math.Min(MaxSpan, text.Length - i - 1)),
                '(' when parentheses => ClosingParenthesis(text, i),
                _ => -1,
            };
            i = end > i ? end + 1 : i + 1; // an opener without its closer near is an ordinary character
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>The index of the ) that closes the ( at <paramref name="open"/>, or -1 when none does nearby.</summary>
    private static int ClosingParenthesis(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length && i - open <= MaxSpan; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
