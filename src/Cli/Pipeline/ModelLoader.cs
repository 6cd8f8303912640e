using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output;
using SchemaNorm.Databases.Common;
using SchemaNorm.Decomposer.Sources;
using SchemaNorm.Decomposer.Sources.Files;

namespace SchemaNorm.Cli.Pipeline;

/// <summary>Step 1 of a run: the schema model and its sample rows, from the run's source (files, or a live database).</summary>
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
    /// session open in <paramref name="live"/> for checks on all rows (<see cref="LiveDatabaseSource.FullTableCheck"/>);
    /// the caller disposes it.
    /// </summary>
    public static SchemaModel? Load(RunSettings settings, CliContext context, out int errors, out LiveDatabaseSource? live)
    {
        errors = 0;
        live = null;
        if (settings.Live is { } target)
        {
            if (!LiveDatabases.InProcess) throw LiveDatabases.NotInThisBuild();
            live = new LiveDatabaseSource(target);
        }
        ISchemaSource source = live is null ? new FileSource(settings.Paths, settings.Ingest) : live;
        try
        {
            var diagnostics = new DiagnosticBag();
            SchemaModel? model;
            using (var progress = new PipelineProgressLine(context, settings.Quiet)) // on a terminal: which table is being read
                model = source.Load(diagnostics, progress);
            errors = DiagnosticPrinter.Print(diagnostics.Items, context, settings);
            if (model is not null && errors == 0) return model;
        }
        catch (LiveDatabaseException e)
        {
            context.Stderr.WriteLine($"schemanorm: {e.Message}");
            // The one line names the cause; the client's own stack is for whoever debugs the tool.
            if (Environment.GetEnvironmentVariable("SCHEMANORM_DEBUG") is not null && e.InnerException is { } cause)
                context.Stderr.WriteLine(cause);
        }
        live?.Dispose();
        live = null;
        return null;
    }
}
