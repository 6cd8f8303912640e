using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Analysis.Theory;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN4001 (4NF): a non-trivial MVD X ->> Y | Z whose left side is not a superkey. With FDs and MVDs, the
/// table is in 4NF exactly when every stated non-trivial FD and MVD has a superkey on the left (two rows
/// that agree only on a set containing no stated left side satisfy every dependency, so every implied
/// dependency has a stated left side inside its own), so the stated MVDs decide it; FD violations are
/// left to SN2001..SN3501. JDs can imply MVDs of their own: then the minimal ones are searched.
/// </summary>
public sealed class MultivaluedDependencyRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN4001";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Independent multi-valued facts", NormalForm.Fourth, Severity.Warning,
        "Two independent lists of facts about the same thing share one table.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var findings = new List<Finding>();
        var oracle = ctx.Oracle;
        if (oracle.Mode == ImplicationMode.FunctionalOnly) return findings; // 4NF = BCNF for FDs alone

        foreach (var dep in ctx.Counted)
        {
            if (AsMvd(dep, ctx.Universe) is not { } mvd) continue;
            if (mvd.IsTrivial(ctx.Universe) || oracle.IsSuperkey(mvd.Lhs) || ImpliedByFd(ctx, mvd)) continue;
            findings.Add(Build(ctx, mvd, dep));
        }
        if (findings.Count > 0 || oracle.Mode != ImplicationMode.WithJoin) return findings;

        var search = NormalFormTheory.FourthNormalFormViolations(oracle, ctx.Options.MaxExhaustiveColumns);
        var basis = ctx.Counted.Where(d => d.Kind != DependencyKind.Fd).ToList();
        foreach (var v in search.Items)
        {
            if (ImpliedByFd(ctx, v.Mvd)) continue;
            findings.Add(Build(ctx, v.Mvd, TableDependency.DerivedMvd(v.Mvd, basis)));
        }
        if (!search.Complete && findings.Count == 0)
            ctx.Undetermined(NormalForm.Fourth, $"the table has more than {ctx.Options.MaxExhaustiveColumns} columns, too many to search the MVDs its JDs imply");
        return findings;
    }

    /// <summary>The MVD a dependency states: an MVD, or a JD with two components (⋈[R1, R2] is R1 ∩ R2 ->> R1 − R2).</summary>
    internal static MultivaluedDependency? AsMvd(TableDependency dep, AttributeSet universe)
    {
        if (dep.Mvd is { } m) return m.Normalized;
        if (dep.Jd is { Components.Count: 2 } jd)
        {
            var x = jd.Components[0] & jd.Components[1];
            return new MultivaluedDependency(x, jd.Components[0] - x);
        }
        return null;
    }

    /// <summary>X ->> Y also follows from X -> Y or X -> Z: then the FD rules already report it.</summary>
    private static bool ImpliedByFd(TableContext ctx, MultivaluedDependency mvd)
    {
        var closure = ctx.Oracle.Closure(mvd.Lhs);
        return mvd.Rhs.IsSubsetOf(closure) || mvd.Complement(ctx.Universe).IsSubsetOf(closure);
    }

    private Finding Build(TableContext ctx, MultivaluedDependency mvd, TableDependency dependency)
    {
        var lhs = mvd.Lhs;
        var rhs = mvd.Rhs - lhs;
        var comp = mvd.Complement(ctx.Universe);
        string x = lhs.IsEmpty ? "table" : ctx.Tuple(lhs), y = ctx.Cols(rhs), z = ctx.Cols(comp);
        var head = lhs.IsEmpty
            ? $"{y} and {z} are independent of each other (every {y} is paired with every {z}), and the table stores their cross product"
            : $"{y} and {z} are independent facts about each {x} ({mvd.Format(ctx.Names)} | {z}), but {x} is not a key (key{(ctx.Keys.Count == 1 ? "" : "s")}: {ctx.KeyList(ctx.Keys)})";
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Update, $"each {y} value of a given {x} is stored once for every {z} value it has"),
            new(AnomalyKind.Insertion, $"adding one {y} value to a given {x} needs a new row for every {z} value it has"),
            new(AnomalyKind.Deletion, $"removing the last {z} value of a given {x} also loses its {y} values"),
        };
        string? tail = dependency.IsDerived
            ? $"It follows from {string.Join("; ", dependency.DerivedFrom.Select(d => d.Format(ctx.Names)))}"
            : null;
        return new Finding
        {
            Rule = Descriptor,
            Table = ctx.Table.Name,
            Severity = Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies, tail),
            Fix = $"split the table into {ctx.Tuple(lhs | rhs)} and {ctx.Tuple(lhs | comp)}",
            Dependency = dependency,
            Keys = ctx.Keys,
            Location = ctx.LocationOf(dependency, rhs),
            Anomalies = anomalies,
            Witnesses = Witnesses(ctx, lhs, rhs, comp),
            Columns = ctx.Universe,
        };
    }

    private static IReadOnlyList<string> Witnesses(TableContext ctx, AttributeSet lhs, AttributeSet rhs, AttributeSet comp)
    {
        var view = ctx.Data;
        if (view is null || !view.HasAll(ctx.Universe) || lhs.IsEmpty) return [];
        var result = new List<string>();
        var groups = view.GroupBy(lhs, skipNulls: true)
            .Select(g => (Rows: g, Ys: view.DistinctCount(g, rhs), Zs: view.DistinctCount(g, comp)))
            .Where(g => g.Ys > 1 && g.Zs > 1)
            .OrderByDescending(g => g.Rows.Count);
        foreach (var (rows, ys, zs) in groups.Take(ctx.Options.MaxWitnesses))
            result.Add($"{view.Describe(rows[0], lhs, ctx.Names)} has {ys} {ctx.Cols(rhs)} values and {zs} {ctx.Cols(comp)} values, stored as {rows.Count} rows");
        return result;
    }
}
