using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The few terminal colours the text report uses (SGR escape sequences). Applied only to text that is
/// already escaped for one line (<see cref="ReportText.Line"/>), so an input cannot smuggle its own.
/// </summary>
internal static class Ansi
{
    private const string Reset = "\u001b[0m";

    public static string Bold(string text, bool on) => on ? "\u001b[1m" + text + Reset : text;

    /// <summary>error red, warning yellow, note cyan: as compilers colour them.</summary>
    public static string Severity(Severity severity, bool on) => !on ? severity.Display() : severity switch
    {
        Analyzer.Analysis.Severity.Error => "\u001b[1;31m" + severity.Display() + Reset,
        Analyzer.Analysis.Severity.Warning => "\u001b[1;33m" + severity.Display() + Reset,
        _ => "\u001b[1;36m" + severity.Display() + Reset,
    };

    /// <summary>What the reader must not miss (a join that loses rows).</summary>
    public static string Red(string text, bool on) => on ? "\u001b[1;31m" + text + Reset : text;

    public static string Dim(string text, bool on) => on ? "\u001b[2m" + text + Reset : text;
}
