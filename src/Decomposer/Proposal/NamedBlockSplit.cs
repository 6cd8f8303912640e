using SchemaNorm.Analyzer.Model;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Decomposer.Inputs;

namespace SchemaNorm.Decomposer.Proposal;

/// <summary>
/// The tables of a wide table whose sample is too small to weigh a dependency, from the FDs its names and
/// layout show (Analyzer's NamedDesign: identifier -> the block of columns stamped for its entity). The
/// ranking's evidence tests cannot apply to such a sample, so the splits are made directly, one FD at a
/// time on the table that still holds it, a block holding another block's identifier last (ProductModel's
/// columns leave before the product's block, which keeps ProductModelID as the reference). Each split is
/// X -> B with X ∪ B inside the current table and X outside B, hence lossless; every table says that it
/// rests on the names.
/// </summary>
internal static class NamedBlockSplit
{
    public sealed record Outcome(
        List<(AttributeSet Columns, ComponentOrigin Origin)> Components, List<DecompositionStep> Steps, List<FunctionalDependency> Left);

    public static Outcome Split(IReadOnlyList<FunctionalDependency> named, TableFacts facts, string source, string basis)
    {
        var rest = facts.Universe;
        var pending = named.Where(fd => !fd.Lhs.Overlaps(fd.Rhs)).ToList();
        var made = new List<(AttributeSet, ComponentOrigin)>();
        var steps = new List<DecompositionStep>();
        while (true)
        {
            int next = pending.FindIndex(fd => (fd.Lhs | fd.Rhs).IsSubsetOf(rest)
                                               && !pending.Any(other => other != fd && other.Lhs.Overlaps(fd.Rhs)));
            if (next < 0) break;
            var fd = pending[next];
            pending.RemoveAt(next);
            var part = fd.Lhs | fd.Rhs;
            var step = new DecompositionStep
            {
                Kind = DependencyKind.Fd,
                From = rest,
                Lhs = fd.Lhs,
                Rhs = fd.Rhs,
                Parts = [part, rest - fd.Rhs],
                Reasons = [basis],
                DataOnly = true,
            };
            made.Add((part, new ComponentOrigin("", fd.Lhs, false, step) { Fd = fd, Basis = basis }));
            steps.Add(step);
            rest -= fd.Rhs;
        }
        // The tables in the order the wide table lists their blocks, after the rest.
        var components = made.OrderBy(m => m.Item2.Step!.Rhs.ToArray().Min()).ToList();
        components.Insert(0, (rest, new ComponentOrigin($"the rest of {source}", facts.PrimaryKey, true, null)));
        return new Outcome(components, steps, pending);
    }
}
