using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Theory;

/// <summary>
/// FD implication by the chase, working around a defect of <see cref="Chase.ImpliesFd"/>: when the chase
/// equates the two starting rows on every column, its deduplication drops the second row and the final
/// comparison reads past the end of the tableau (ArgumentOutOfRangeException). Every symbol of a column
/// comes from one of the two starting rows, so once those agree everywhere the tableau is a single row:
/// that case means X determines every column, and the FD holds.
/// </summary>
internal static class ChaseFd
{
    public static bool Implies(
        AttributeSet universe, FunctionalDependency target,
        IReadOnlyCollection<FunctionalDependency> fds, IReadOnlyCollection<MultivaluedDependency> mvds,
        IReadOnlyCollection<JoinDependency> jds, int maxRows)
    {
        try
        {
            return Chase.ImpliesFd(universe, target, fds, mvds, jds, maxRows);
        }
        catch (ArgumentOutOfRangeException)
        {
            return true;
        }
    }
}
