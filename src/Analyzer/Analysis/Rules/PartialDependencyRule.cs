using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN2001 (2NF): a non-prime column depends on a proper part of a candidate key, of ANY candidate key
/// (Elmasri &amp; Navathe's general definition). Reports each minimal partial dependency P -> A, grouped by P.
/// Needs every key (primeness): if the key search stopped, 2NF is left undetermined.
/// </summary>
public sealed class PartialDependencyRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN2001";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Partial dependency on a key", NormalForm.Second, Severity.Warning,
        "A non-key column depends on only part of a composite key.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var findings = new List<Finding>();
        if (!ctx.KeysComplete)
        {
            ctx.Undetermined(NormalForm.Second, "the candidate keys are incomplete (see the note on keys), so which columns are prime is unknown");
        }
        else
        {
            var partial = ctx.PartialDependencies;
            if (!partial.Complete && partial.Items.Count == 0)
                ctx.Undetermined(NormalForm.Second, $"a candidate key has more than {ctx.Options.MaxExhaustiveColumns} columns, too many to search its parts");
            foreach (var group in partial.Items.GroupBy(fd => fd.Lhs))
            {
                var rhs = group.Aggregate(AttributeSet.Empty, (s, fd) => s | fd.Rhs);
                var keys = ctx.Keys.Where(k => group.Key.IsProperSubsetOf(k)).ToList();
                findings.Add(FdFindings.Build(ctx, Descriptor, group.Key, rhs, ctx.StatedOrDerived(group.Key, rhs), keys, established: true));
            }
        }
        foreach (var s in ctx.Suspicions.Where(s => s.Breaks == NormalForm.Second))
        {
            var fd = s.Dependency.Fd!.Value;
            findings.Add(FdFindings.Build(ctx, Descriptor, fd.Lhs, fd.Rhs, s.Dependency,
                ctx.Keys.Where(k => fd.Lhs.IsProperSubsetOf(k)).ToList(), established: false));
        }
        return findings;
    }
}
