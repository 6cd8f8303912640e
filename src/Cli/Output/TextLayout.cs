namespace SchemaNorm.Cli.Output;

/// <summary>
/// How a text report is laid out for where it goes: the width its paragraphs wrap at, and whether it is
/// coloured. Decided once per report by <see cref="For"/>; the writers only follow it.
/// </summary>
internal sealed record TextLayout(int Width, bool Color)
{
    /// <summary>The width of a report that goes to no terminal (a file, a pipe, a CI log).</summary>
    public const int DefaultWidth = 100;

    /// <summary>Narrower than this, hanging indents leave no room for text; COLUMNS below it is raised to it.</summary>
    public const int MinWidth = 40;

    public static readonly TextLayout Plain = new(DefaultWidth, false);

    /// <summary>
    /// Width: COLUMNS when set (standard output only), else the terminal's width when standard output is
    /// one, else 100. Colour (--color auto): only on a terminal, and not when NO_COLOR is set to anything
    /// (no-color.org); --color always colours standard output even into a pipe; a file written with
    /// --output is never coloured.
    /// </summary>
    public static TextLayout For(CliContext context, ColorChoice color, bool toFile)
    {
        if (toFile) return Plain;
        int width = Columns(context.Variable("COLUMNS"))
                    ?? (context.StdoutIsTerminal ? context.TerminalWidth() : null)
                    ?? DefaultWidth;
        bool colored = color switch
        {
            ColorChoice.Always => true,
            ColorChoice.Never => false,
            _ => context.StdoutIsTerminal && string.IsNullOrEmpty(context.Variable("NO_COLOR")) && context.Variable("TERM") != "dumb",
        };
        return new TextLayout(Math.Max(MinWidth, width), colored);
    }

    /// <summary>COLUMNS as a width, or null when it is unset or not a positive whole number.</summary>
    private static int? Columns(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0
            ? Math.Min(n, 1000)
            : null;
}

/// <summary>--color: auto (a terminal without NO_COLOR), always or never.</summary>
internal enum ColorChoice { Auto, Always, Never }
