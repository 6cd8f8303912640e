namespace SchemaNorm.Analyzer.Discovery;

/// <summary>How NULLs compare when dependencies are discovered from data.</summary>
public enum NullSemantics
{
    /// <summary>
    /// NULL equals NULL and nothing else: the convention of the FD-discovery literature and of its
    /// published counts (Metanome's and Desbordante's default). For unique column combinations this is
    /// SQL Server's UNIQUE constraint, which admits one NULL.
    /// </summary>
    Equal,

    /// <summary>
    /// Every NULL is a value of its own, equal to nothing, not even another NULL, on either side of an
    /// FD. For unique column combinations this is the ANSI UNIQUE constraint, which admits any number of NULLs.
    /// </summary>
    Distinct,
}
