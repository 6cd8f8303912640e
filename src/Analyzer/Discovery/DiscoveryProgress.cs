namespace SchemaNorm.Analyzer.Discovery;

public enum DiscoveryPhase { Preparing, Sampling, Induction, Validation, Approximate, Mvds, Jds, Done }

/// <summary>
/// A progress report. <see cref="Level"/> is the left-hand side size being validated (or the sampling
/// window); <see cref="Work"/> counts comparisons or candidates checked in the phase; <see cref="Found"/>
/// the dependencies or agree sets known so far.
/// </summary>
public sealed record DiscoveryProgress(DiscoveryPhase Phase, int Level, long Work, long Found, TimeSpan Elapsed);
