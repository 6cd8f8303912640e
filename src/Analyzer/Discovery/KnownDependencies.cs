namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// What the exact FD search already established, in engine positions (tables under 64 columns): minimal
/// keys and minimal exact FDs (L, A). The MVD and JD search uses them to skip questions they settle.
/// Every entry must hold in the rows; a list cut short by a bound is fine (only what is listed is used)
/// unless <see cref="FdsComplete"/> says that every minimal FD of the rows is listed.
/// </summary>
internal sealed record KnownDependencies(IReadOnlyList<ulong> Keys, IReadOnlyList<(ulong Lhs, int Rhs)> Fds, bool FdsComplete = false)
{
    public static readonly KnownDependencies None = new([], []);
}
