namespace SchemaNorm.Analyzer.Discovery;

public enum DiscoveryPhase { Preparing, Sampling, Induction, Validation, Approximate, Mvds, Jds, Done }

/// <summary>
/// A progress report of one search. What the numbers count depends on the phase:
/// Preparing: Level = the widest left side the search will try, Work = columns searched.
/// Sampling: Work = row pairs compared so far, Found = distinct agree sets.
/// Induction: Level = agree sets applied, Work = agree sets to apply, Found = candidate FDs.
/// Validation, Approximate: Level = left-side size being checked, Work = candidates at that level,
/// Found = candidate FDs left (Validation) or approximate FDs found (Approximate).
/// Mvds, Jds: Level = left-side size (Mvds), Work = candidates tested so far, Found = dependencies found.
/// Done: Found = FDs found.
/// </summary>
public sealed record DiscoveryProgress(DiscoveryPhase Phase, int Level, long Work, long Found, TimeSpan Elapsed);
