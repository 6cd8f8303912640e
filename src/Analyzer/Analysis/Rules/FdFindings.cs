using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>Findings for an FD X -> Y that breaks 2NF, 3NF or BCNF: the message, anomalies, fix and witnesses.</summary>
internal static class FdFindings
{
    public static Finding Build(
        TableContext ctx, RuleDescriptor rule, AttributeSet lhs, AttributeSet rhs, TableDependency dependency,
        IReadOnlyList<AttributeSet> keys, bool established)
    {
        string x = ctx.Tuple(lhs), ys = ctx.Cols(rhs);
        string head = rule.NormalForm switch
        {
            _ when lhs.IsEmpty => $"{ys} {Wording.Has(rhs)} one value for the whole table: {Wording.S(rhs, "depend")} on no column, so on part of every key",
            NormalForm.Second => $"{ys} {Wording.S(rhs, "depend")} on {x} alone, a proper part of the key {ctx.KeyList(keys)}",
            NormalForm.Third => $"{ys} {Wording.S(rhs, "depend")} on {x}, which is not a key (key{(keys.Count == 1 ? "" : "s")}: {ctx.KeyList(keys)}): a transitive dependency",
            _ => $"{x} determines {ys} but is not a key (key{(keys.Count == 1 ? "" : "s")}: {ctx.KeyList(keys)})",
        };

        var anomalies = new List<Anomaly>();
        if (lhs.IsEmpty)
        {
            anomalies.Add(new(AnomalyKind.Update, $"{ys} {Wording.Is(rhs)} repeated in every row and must be changed in all of them"));
            anomalies.Add(new(AnomalyKind.Insertion, $"{ys} cannot be recorded while the table is empty"));
            anomalies.Add(new(AnomalyKind.Deletion, $"deleting the last row loses {ys}"));
        }
        else
        {
            var missing = Missing(ctx, lhs, keys);
            anomalies.Add(new(AnomalyKind.Update, $"{ys} {Wording.Is(rhs)} repeated in every row with the same {x}, and changing {(rhs.Count == 1 ? "it" : "them")} for one {x} means changing all of those rows"));
            anomalies.Add(new(AnomalyKind.Insertion, missing.IsEmpty
                ? $"{ys} of a new {x} value cannot be recorded before some row holds it"
                : $"{ys} of a new {x} value cannot be recorded until some row pairs it with {ctx.Cols(missing)}"));
            anomalies.Add(new(AnomalyKind.Deletion, $"deleting the last row with a given {x} loses its {ys}"));
        }

        string fix = lhs.IsEmpty
            ? $"move {ys} out of the table (to a one-row table or a constant)"
            : $"move {ys} to a table keyed by {x}, and keep {x} here to refer to it";

        var tail = new List<string>();
        if (!established && dependency.Origin is { } origin)
            tail.Add($"Suspected from the schema: {origin}; if it always equals the referenced value, it is a copy. If it is a deliberate snapshot (e.g. the price when ordered), suppress {rule.Id} for it");
        else if (dependency.IsDerived)
            tail.Add($"{new FunctionalDependency(lhs, rhs).Format(ctx.Names)} follows from {string.Join("; ", dependency.DerivedFrom.Select(d => d.Format(ctx.Names)))}");
        if (dependency.IsFromNames)
            tail.Add($"Shown by {dependency.Origin}");
        else if (dependency.Source == DependencySource.Data && dependency.Evidence is { } ev)
            tail.Add(ev.Error > 0
                ? $"Found in the sample rows ({ev.SupportRows} rows; it holds after removing {Wording.Number(ev.Error * 100)}% of them)"
                : $"Found in the sample rows ({ev.SupportRows} rows)");

        return new Finding
        {
            Rule = rule,
            Table = ctx.Table.Name,
            Severity = ctx.SeverityFor(rule, established),
            Message = Wording.Sentence(head, anomalies, tail.Count == 0 ? null : string.Join(". ", tail)),
            Fix = established ? fix : $"drop {ys} here and read it from the referenced table through the foreign key, or suppress {rule.Id} if it is a snapshot",
            Dependency = dependency,
            Keys = keys,
            Location = ctx.LocationOf(dependency, rhs),
            Anomalies = anomalies,
            Witnesses = Witnesses(ctx, lhs, rhs),
            Columns = lhs | rhs,
            Established = established,
        };
    }

    /// <summary>Key columns that X does not give: what a row needs besides X (from the key X overlaps most).</summary>
    private static AttributeSet Missing(TableContext ctx, AttributeSet lhs, IReadOnlyList<AttributeSet> keys)
    {
        if (keys.Count == 0) return AttributeSet.Empty;
        var closure = ctx.Oracle.Closure(lhs);
        var best = keys.OrderByDescending(k => (k & lhs).Count).ThenBy(k => k).First();
        return best - closure;
    }

    /// <summary>"Ename 'Smith' is stored in 3 rows for Ssn 123456789 (rows 1, 4, 6)", and rows that break the FD.</summary>
    public static IReadOnlyList<string> Witnesses(TableContext ctx, AttributeSet lhs, AttributeSet rhs)
    {
        var view = ctx.Data;
        if (view is null || !view.HasAll(lhs | rhs) || lhs.IsEmpty) return [];
        var check = FdCheck.Run(view, lhs, rhs);
        var result = new List<string>();
        foreach (var g in check.Repeats.Take(ctx.Options.MaxWitnesses))
        {
            var values = string.Join(", ", rhs.ToArray().Select(a => $"{ctx.Names[a]} {view.Quote(g[0], a)}"));
            var rows = g.Count <= 6 ? $" (rows {Wording.Rows(g)})" : "";
            result.Add($"{values} {Wording.Is(rhs)} stored in {g.Count} rows for {view.Describe(g[0], lhs, ctx.Names)}{rows}");
        }
        foreach (var g in check.Conflicts.Take(1))
        {
            int a = rhs.ToArray().FirstOrDefault(c => view.Code(g[0], c) != view.Code(g[1], c), -1);
            if (a < 0) continue;
            result.Add($"but the sample breaks it: {view.Describe(g[0], lhs, ctx.Names)} has {ctx.Names[a]} {view.Quote(g[0], a)} in row {g[0] + 1} and {view.Quote(g[1], a)} in row {g[1] + 1}");
        }
        return result;
    }
}
