namespace SchemaNorm.Databases.Common;

/// <summary>What a run reads from a live database (<c>--connection</c> and the options beside it).</summary>
internal sealed record LiveSettings
{
    public const int DefaultSampleRows = 10_000;
    public const int DefaultQueryTimeoutSeconds = 60;

    public required ConnectionTarget Target { get; init; }

    /// <summary>Rows read per table for the sample (0: the schema only, no rows).</summary>
    public int SampleRows { get; init; } = DefaultSampleRows;

    /// <summary>Time limit of each query, in seconds (0: none).</summary>
    public int QueryTimeoutSeconds { get; init; } = DefaultQueryTimeoutSeconds;

    /// <summary>The tables to read (--schema, --table); empty reads every table but the system ones.</summary>
    public TableFilter Filter { get; init; } = new([], []);
}
