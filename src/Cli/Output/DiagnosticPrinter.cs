using SchemaNorm.Analyzer.Diagnostics;

namespace SchemaNorm.Cli.Output;

/// <summary>Input problems on standard error, "file:line:column: error: message", with paths relative to the current folder.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>Prints errors always, warnings unless quiet, infos only when verbose; returns the number of errors.</summary>
    public static int Print(IEnumerable<Diagnostic> diagnostics, CliContext context, bool quiet, bool verbose)
    {
        int errors = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error) errors++;
            else if (quiet || (d.Severity == DiagnosticSeverity.Info && !verbose)) continue;
            var shown = d.Location is null ? d : d with { Location = d.Location with { File = PathDisplay.Relative(d.Location.File, context.CurrentDirectory) } };
            context.Stderr.WriteLine(ReportText.Line(shown.ToString())); // a name in a message cannot fake a line of its own
        }
        return errors;
    }
}
