using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN3501 (BCNF): a determinant that is not a superkey. Reports the violations not already reported as
/// 2NF or 3NF findings: those whose right side is prime (3NF allows them, BCNF does not), or all of them
/// when the key search stopped (then BCNF is still decided exactly: superkeys need no key list).
/// </summary>
public sealed class NonKeyDeterminantRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN3501";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Determinant is not a key", NormalForm.BCNF, Severity.Warning,
        "Some columns determine others without being a key of the table.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var findings = new List<Finding>();
        var violations = ctx.FdViolations;
        foreach (var v in violations.Items)
        {
            var rhs = AttributeSet.Empty;
            foreach (var a in v.Rhs)
                if (!ctx.IsCovered(v.Lhs, a)) rhs = rhs.With(a);
            if (rhs.IsEmpty) continue;
            var dependency = v.Dependency.Fd is { } fd && fd.Lhs == v.Lhs ? v.Dependency.Restrict(rhs) : ctx.StatedOrDerived(v.Lhs, rhs);
            var finding = FdFindings.Build(ctx, Descriptor, v.Lhs, rhs, dependency, ctx.Keys, established: true);
            findings.Add(finding);
            ctx.Reported.Add(finding);
        }
        if (!violations.Complete && violations.Items.Count == 0)
            ctx.Undetermined(NormalForm.BCNF, violations.LimitReason ?? "a search limit was reached");
        foreach (var s in ctx.Suspicions.Where(s => s.Breaks == NormalForm.BCNF))
        {
            var fd = s.Dependency.Fd!.Value;
            findings.Add(FdFindings.Build(ctx, Descriptor, fd.Lhs, fd.Rhs, s.Dependency, ctx.Keys, established: false));
        }
        return findings;
    }
}
