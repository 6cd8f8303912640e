namespace SchemaNorm.Analyzer.Analysis;

/// <summary>Where a dependency of a table came from (the JSON report's <c>dependencies[].source</c>).</summary>
public enum DependencySource
{
    /// <summary>PRIMARY KEY, UNIQUE constraint or unfiltered unique index: the key determines every column.</summary>
    Key,
    /// <summary>Written by a person: a <c>-- schemanorm:</c> comment in the DDL or an entry of the config file.</summary>
    Declared,
    /// <summary>Found in sample rows.</summary>
    Data,
    /// <summary>Inferred from the schema itself, e.g. a column copied from the table a foreign key points to.</summary>
    Schema,
}

public static class DependencySources
{
    /// <summary>"key", "declared", "data", "schema".</summary>
    public static string Display(this DependencySource source) => source switch
    {
        DependencySource.Key => "key",
        DependencySource.Declared => "declared",
        DependencySource.Data => "data",
        DependencySource.Schema => "schema",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}
