using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Commands;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>Step 1 of a run: the schema model and its sample rows, from scripts and CSV files.</summary>
public static class ModelLoader
{
    /// <summary>The model, or null when the input had errors (they have been printed).</summary>
    public static SchemaModel? Load(RunSettings settings, CliContext context, out int errors)
    {
        var ingest = Ingestor.Ingest(settings.Paths, settings.Ingest);
        errors = DiagnosticPrinter.Print(ingest.Diagnostics, context, settings.Quiet, settings.Verbose);
        return errors > 0 ? null : ingest.Model;
    }
}
