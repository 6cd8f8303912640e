using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Cli.Pipeline;

namespace SchemaNorm.Cli.Output;

/// <summary>Input problems on standard error, "file:line:column: error: message", with paths relative to the current folder.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>As below, for a run: with <c>--format github</c> errors and warnings are workflow commands.</summary>
    public static int Print(IEnumerable<Diagnostic> diagnostics, CliContext context, RunSettings settings) =>
        Print(diagnostics, context, settings.Quiet, settings.Verbose, asAnnotations: settings.Format == "github");

    /// <summary>
    /// Prints errors always, warnings unless quiet, infos only when verbose; returns the number of errors.
    /// As annotations, an error or warning is also a GitHub workflow command (<c>::error file=...,line=...::message</c>),
    /// so a script the tool could not read is marked on the pull request's diff like a finding.
    /// </summary>
    public static int Print(IEnumerable<Diagnostic> diagnostics, CliContext context, bool quiet, bool verbose, bool asAnnotations = false)
    {
        int errors = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error) errors++;
            else if (quiet || (d.Severity == DiagnosticSeverity.Info && !verbose)) continue;
            var shown = d.Location is null ? d : d with { Location = d.Location with { File = PathDisplay.Relative(d.Location.File, context.CurrentDirectory) } };
            context.Stderr.WriteLine(ReportText.Line(shown.ToString())); // a name in a message cannot fake a line of its own
            // The runner turns the command into an annotation and keeps it out of the log, which has the line above.
            if (asAnnotations && d.Severity != DiagnosticSeverity.Info) context.Stderr.WriteLine(Annotation(shown));
        }
        return errors;
    }

    private static string Annotation(Diagnostic d)
    {
        var command = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var where = d.Location is { } l
            ? $" file={GitHubAnnotationWriter.Property(l.File)},line={l.Line},col={l.Column},"
            : " ";
        return $"::{command}{where}title=SchemaNorm input {command}::{GitHubAnnotationWriter.Data(ReportText.Line(d.Message))}";
    }
}
