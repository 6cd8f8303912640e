using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Live;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>Step 1 of a run: the schema model and its sample rows, from scripts and CSV files or from a live database.</summary>
internal static class ModelLoader
{
    /// <summary>
    /// The model, or null when it could not be loaded: input errors have been printed and counted in
    /// <paramref name="errors"/>, or a live database failed and one line says why (<paramref name="errors"/> is then 0).
    /// </summary>
    public static SchemaModel? Load(RunSettings settings, CliContext context, out int errors)
    {
        var model = Load(settings, context, out errors, out var database);
        database?.Dispose();
        return model;
    }

    /// <summary>
    /// As <see cref="Load(RunSettings, CliContext, out int)"/>, and with --connection keeps the read-only
    /// session open in <paramref name="database"/> for checks on all rows (<see cref="FullTableEvidence"/>);
    /// the caller disposes it.
    /// </summary>
    public static SchemaModel? Load(RunSettings settings, CliContext context, out int errors, out LiveDatabase? database)
    {
        database = null;
        if (settings.Live is { } live)
        {
            errors = 0;
            return LoadLive(settings, live, context, out errors, out database);
        }

        var ingest = Ingestor.Ingest(settings.Paths, settings.Ingest);
        errors = DiagnosticPrinter.Print(ingest.Diagnostics, context, settings);
        return errors > 0 ? null : ingest.Model;
    }

    private static SchemaModel? LoadLive(RunSettings settings, LiveSettings live, CliContext context, out int errors, out LiveDatabase? database)
    {
        errors = 0;
        database = null;
        try
        {
            database = LiveDatabase.Open(live.Target, live.QueryTimeoutSeconds);
            var diagnostics = new DiagnosticBag();
            SchemaModel model;
            using (var progress = new ProgressLine(context, settings.Quiet)) // on a terminal: which table is being read
                model = LiveModelLoader.Load(database, live, diagnostics, (table, n, count) => progress.Show($"reading {table} ({n}/{count})"));
            errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings);
            if (errors == 0) return model;
        }
        catch (LiveDatabaseException e)
        {
            context.Stderr.WriteLine($"schemanorm: {e.Message}");
            // The one line names the cause; the client's own stack is for whoever debugs the tool.
            if (Environment.GetEnvironmentVariable("SCHEMANORM_DEBUG") is not null && e.InnerException is { } cause)
                context.Stderr.WriteLine(cause);
        }
        database?.Dispose();
        database = null;
        return null;
    }
}
