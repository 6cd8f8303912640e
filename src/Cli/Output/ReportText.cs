using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Cli.Output;

/// <summary>Names and values from the input as every report shows them: on one line, and witnesses of bounded length.</summary>
internal static class ReportText
{
    /// <summary>The longest witness a report shows; longer ones end in an ellipsis.</summary>
    public const int MaxWitnessLength = 240;

    /// <summary>Text from the input on one line (line breaks and control characters as \n, \uXXXX).</summary>
    public static string Line(string text) => DisplayText.Escape(text);

    /// <summary>A witness ("Title 'x' is stored in 3 rows for ..."), on one line and shortened.</summary>
    public static string Witness(string text) => DisplayText.Shorten(DisplayText.Escape(text), MaxWitnessLength);
}
