using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN1003 (1NF): a text column whose sample values are lists (JSON arrays, XML lists, {sets}, or values
/// separated by commas, semicolons or pipes), so one cell holds several values. Needs sample rows and
/// list-like evidence (see <see cref="ListValues"/>); xml-typed columns are documents by design and are
/// not examined.
/// </summary>
public sealed class MultiValuedColumnRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN1003";

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Several values in one column", NormalForm.First, Severity.Warning,
        "Sample values are lists: one cell holds several values.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var view = ctx.Data;
        if (view is null) yield break;
        for (int c = 0; c < ctx.Table.Columns.Count; c++)
        {
            var column = ctx.Table.Columns[c];
            if (!view.Has(c) || !(column.Type.IsCharacter || (column.Type.Category == TypeCategory.Other && ctx.Table.FromDataOnly))) continue;
            var data = view.Column(c);
            var distinct = data.Values.Skip(1).Where(v => v is not null).Select(v => v!).ToList();
            if (ListValues.Detect(distinct) is not { } evidence) continue;
            yield return Build(ctx, c, evidence);
        }
    }

    private Finding Build(TableContext ctx, int column, ListEvidence evidence)
    {
        var name = ctx.Names[column];
        var view = ctx.Data!;
        var candidates = ctx.DeclaredKeys.Concat(ctx.Keys).ToList();
        var key = candidates.FirstOrDefault(k => !k.Contains(column));
        if (key.IsEmpty && candidates.Count > 0) key = candidates[0].Without(column);
        var keyText = key.IsEmpty ? "the row's key" : ctx.Cols(key);
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Update, $"changing one value of {name} means rewriting the whole list, and the same value is spelled in many lists"),
            new(AnomalyKind.Insertion, $"a single {name} value cannot be added, constrained (FOREIGN KEY, CHECK) or indexed on its own"),
            new(AnomalyKind.Deletion, $"removing one value of {name} means editing the list rather than deleting a row"),
        };
        var head = $"{name} holds several values in one cell ({evidence.Describe()}, in {evidence.ListValues} of {evidence.DistinctValues} distinct values)";
        var witnesses = new List<string>();
        foreach (var example in evidence.Examples.Take(ctx.Options.MaxWitnesses))
        {
            int row = FirstRow(view, column, example);
            witnesses.Add(row >= 0 ? $"row {row + 1}: {name} = '{example}'" : $"{name} = '{example}'");
        }
        return new Finding
        {
            Rule = Descriptor,
            Table = ctx.Table.Name,
            Severity = Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies),
            Fix = $"move {name} to a table ({keyText}, {name}) with one row per value",
            Location = ctx.Table.Columns[column].Location,
            Anomalies = anomalies,
            Witnesses = witnesses,
            Columns = AttributeSet.Single(column),
        };
    }

    private static int FirstRow(DataView view, int column, string value)
    {
        var col = view.Column(column);
        for (int r = 0; r < view.RowCount; r++)
            if (col.ValueAt(r) is { } v && v.Trim() == value) return r;
        return -1;
    }
}
