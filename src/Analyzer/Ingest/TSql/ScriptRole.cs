namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>What a script is to the database it builds.</summary>
internal enum ScriptRole
{
    /// <summary>A script that defines the schema (and may hold rows).</summary>
    Schema,

    /// <summary>A project's pre- or post-deployment script: its rows are sample data, its DDL is not the project's schema.</summary>
    Deployment,
}
