using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN3001 (3NF): a non-prime column depends on a set of columns that is not a superkey (a transitive
/// dependency through it). Decided on the stated FDs, which is sufficient for FDs (Ullman); with MVDs or
/// JDs, on every closure-minimal violation they imply. Violations already reported as partial
/// dependencies (SN2001) are not repeated.
/// </summary>
public sealed class TransitiveDependencyRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN3001";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Transitive dependency", NormalForm.Third, Severity.Warning,
        "A non-key column depends on columns that are not a key.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var findings = new List<Finding>();
        var violations = ctx.FdViolations;
        if (!ctx.KeysComplete)
        {
            // Without every key, primeness is unknown: SN3501 reports these as BCNF violations (which they are).
            if (!(violations.Complete && violations.Items.Count == 0))
                ctx.Undetermined(NormalForm.Third, "the candidate keys are incomplete (see the note on keys), so which columns are prime is unknown");
        }
        else
        {
            bool any = false;
            foreach (var v in violations.Items)
            {
                var rhs = AttributeSet.Empty;
                foreach (var a in v.Rhs - ctx.Prime)
                {
                    any = true;
                    if (!ctx.IsCovered(v.Lhs, a)) rhs = rhs.With(a);
                }
                if (rhs.IsEmpty) continue;
                var dependency = v.Dependency.Fd is { } fd && fd.Lhs == v.Lhs ? v.Dependency.Restrict(rhs) : ctx.StatedOrDerived(v.Lhs, rhs);
                var finding = FdFindings.Build(ctx, Descriptor, v.Lhs, rhs, dependency, ctx.Keys, established: true);
                findings.Add(finding);
                ctx.Reported.Add(finding);
            }
            if (!violations.Complete && !any)
                ctx.Undetermined(NormalForm.Third, violations.LimitReason ?? "a search limit was reached");
        }
        foreach (var s in ctx.Suspicions.Where(s => s.Breaks == NormalForm.Third))
        {
            var fd = s.Dependency.Fd!.Value;
            findings.Add(FdFindings.Build(ctx, Descriptor, fd.Lhs, fd.Rhs, s.Dependency, ctx.Keys, established: false));
        }
        return findings;
    }
}
