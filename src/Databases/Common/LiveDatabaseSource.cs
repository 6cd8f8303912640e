using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Pipeline;
using SchemaNorm.Decomposer.Sources;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// A live database as a source: its catalog and a sample of each table's rows, read in one read-only
/// session that stays open (until disposed) for the checks on all rows (<see cref="FullTableCheck"/>).
/// </summary>
/// <exception cref="LiveDatabaseException">From <see cref="Load"/>: the database could not be read; the message says why in one line.</exception>
internal sealed class LiveDatabaseSource(LiveSettings settings) : ISchemaSource, IDisposable
{
    /// <summary>The open session after <see cref="Load"/>, or null.</summary>
    public LiveDatabase? Database { get; private set; }

    public SchemaModel? Load(DiagnosticBag diagnostics, IProgress<PipelineProgress>? progress = null)
    {
        Database ??= LiveDatabase.Open(settings.Target, settings.QueryTimeoutSeconds);
        int errorsBefore = diagnostics.ErrorCount;
        var model = LiveModelLoader.Load(Database, settings, diagnostics,
            (table, n, count) => progress?.Report(new PipelineProgress(PipelinePhase.Reading, table.ToString(), n, count)));
        return diagnostics.ErrorCount > errorsBefore ? null : model;
    }

    /// <summary>Counts on all rows what the sample suggests, comparing NULLs as the discovery did; null before <see cref="Load"/>.</summary>
    public FullTableEvidence? FullTableCheck(NullSemantics nulls, double maxError) =>
        Database is { } database ? new FullTableEvidence(database) { Nulls = nulls, MaxError = maxError } : null;

    public void Dispose()
    {
        Database?.Dispose();
        Database = null;
    }
}
