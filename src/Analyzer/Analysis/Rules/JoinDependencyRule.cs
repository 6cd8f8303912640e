using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN5001 (5NF, PJ/NF): a join dependency that the candidate keys do not imply (Fagin 1979), decided by
/// the chase with the key FDs only. With every FD and MVD already key-implied (the weaker rules found
/// nothing), this decides 5NF. JDs with two components are MVDs and are SN4001's.
/// </summary>
public sealed class JoinDependencyRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN5001";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Join dependency not implied by the keys", NormalForm.Fifth, Severity.Warning,
        "The table is the join of three or more of its projections, a constraint its keys do not enforce.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var findings = new List<Finding>();
        var keyFds = NormalFormTheory.KeyFds(ctx.Universe, ctx.Keys);
        foreach (var dep in ctx.Counted)
        {
            if (dep.Jd is not { } jd || jd.Components.Count < 3 || jd.IsTrivial(ctx.Universe)) continue;
            if (ctx.Reported.Any(f => f.RuleId == MultivaluedDependencyRule.Id && f.Dependency is { } d && d.DerivedFrom.Contains(dep))) continue;
            if (Chase.ImpliesJd(ctx.Universe, jd, keyFds, maxRows: ctx.Options.ChaseMaxRows)) continue;
            if (!ctx.KeysComplete)
            {
                ctx.Undetermined(NormalForm.Fifth, $"{jd.Format(ctx.Names)} is not implied by the keys found, but the key search stopped before finding them all");
                continue;
            }
            findings.Add(Build(ctx, jd, dep));
        }
        return findings;
    }

    private Finding Build(TableContext ctx, JoinDependency jd, TableDependency dependency)
    {
        var parts = string.Join(", ", jd.Components.Select(ctx.Tuple));
        var head = $"the table is the join of its projections on {parts} (a join dependency), which its key{(ctx.Keys.Count == 1 ? "" : "s")} {ctx.KeyList(ctx.Keys)} do{(ctx.Keys.Count == 1 ? "es" : "")} not imply";
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Update, $"a pairing such as {ctx.Tuple(jd.Components[0])} is stored in as many rows as it has partners in the other projections, and changing it means changing all of them"),
            new(AnomalyKind.Insertion, "inserting one row can force inserting others, so that the table stays the join of its projections"),
            new(AnomalyKind.Deletion, "deleting one row can force deleting others, for the same reason"),
        };
        return new Finding
        {
            Rule = Descriptor,
            Table = ctx.Table.Name,
            Severity = Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies),
            Fix = $"split the table into {parts}",
            Dependency = dependency,
            Keys = ctx.Keys,
            Location = ctx.LocationOf(dependency, ctx.Universe),
            Anomalies = anomalies,
            Columns = ctx.Universe,
        };
    }
}
