namespace SchemaNorm.Analyzer.Dependencies;

/// <summary>
/// Thrown when an exact answer would take more than the configured bound (too many candidate keys,
/// a projection or chase tableau that explodes). Callers report the limit instead of a partial answer.
/// </summary>
public sealed class DependencyLimitException(string message) : Exception(message);
