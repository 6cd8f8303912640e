using System.Globalization;
using System.Text;

namespace SchemaNorm.Decomposer.Emit;

/// <summary>
/// Names and values from the input shown as text: on one line, whatever they hold. Control characters
/// (CR, LF, ESC, ...), the other line ends Unicode defines (U+0085, U+2028, U+2029) and the characters that
/// reorder text on screen (bidirectional overrides) are written as visible escapes (\n, \u2028), so that a
/// name can neither start a line of its own in a script, a report or a log nor hide what follows it.
/// </summary>
public static class DisplayText
{
    /// <summary>True for a character that must not reach output as it is.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || IsBidiControl(c);

    /// <summary>True when the text holds a character <see cref="NeedsEscape"/>.</summary>
    public static bool HasUnsafe(string text)
    {
        foreach (var c in text)
            if (NeedsEscape(c)) return true;
        return false;
    }

    /// <summary>The text with each unsafe character as \n, \r, \t or \uXXXX.</summary>
    public static string Escape(string text)
    {
        if (!HasUnsafe(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!NeedsEscape(c)) sb.Append(c);
            else sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// At most <paramref name="max"/> characters, cut with an ellipsis (never inside a surrogate pair),
    /// for values quoted in reports.
    /// </summary>
    public static string Shorten(string text, int max = 80)
    {
        if (text.Length <= max) return text;
        int cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    /// <summary>A line for a SQL comment: escaped, and with no "*/" that could end a block comment around it.</summary>
    public static string SqlComment(string text) => Escape(text).Replace("*/", "*\\/", StringComparison.Ordinal);

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
