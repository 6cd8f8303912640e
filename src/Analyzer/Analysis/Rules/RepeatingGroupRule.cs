using System.Globalization;
using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN1002 (1NF): a repeating group spread over numbered columns of one type: Phone1, Phone2, Phone3, or
/// Item1Name, Item1Qty, Item2Name, Item2Qty. Numbers must run without a gap from 0, 1 or 2 (with the
/// unnumbered column as the first: Phone, Phone2, Phone3). Two columns numbered at the end of their name
/// (AddressLine1, AddressLine2) are usually positional roles, not a list, and are not reported; three or
/// more are, and so are two when the number sits inside the name (Item1Qty, Item2Qty) or when several
/// columns repeat together.
/// </summary>
public sealed class RepeatingGroupRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN1002";

    private const int MaxIndex = 99;

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Repeating group of columns", NormalForm.First, Severity.Warning,
        "Numbered columns (Phone1, Phone2, Phone3) hold a list spread across the row.");

    private sealed record Member(int Column, int Index);

    /// <summary>Columns sharing a name pattern ("phone#", "item#qty") and a type.</summary>
    private sealed record Stem(string Prefix, string Suffix, List<Member> Members)
    {
        public string Key => (Prefix + "#" + Suffix).ToLowerInvariant();
        public bool Inner => Suffix.Length > 0;
        public string IndexSet => string.Join(",", Members.Select(m => m.Index).Order());
    }

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        // column1 ... columnN, made up for a CSV file without a header, are positions, not a design.
        if (ctx.Table.NumberedColumnNames) yield break;
        var stems = FindStems(ctx.Table);
        // Stems with the same prefix and the same numbers repeat together (Item#Name with Item#Qty).
        foreach (var group in stems.GroupBy(s => (s.Prefix.ToLowerInvariant(), s.IndexSet)))
        {
            var list = group.ToList();
            int members = list[0].Members.Count;
            bool report = members >= 3 || (members >= 2 && (list.Count >= 2 || list.Any(s => s.Inner)));
            if (!report) continue;
            yield return Build(ctx, list);
        }
    }

    private static List<Stem> FindStems(Table table)
    {
        var byKey = new Dictionary<string, Stem>();
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var name = table.Columns[c].Name;
            for (int i = 0; i < name.Length; i++)
            {
                if (!char.IsAsciiDigit(name[i]) || (i > 0 && char.IsAsciiDigit(name[i - 1]))) continue;
                int j = i;
                while (j < name.Length && char.IsAsciiDigit(name[j])) j++;
                if (i == 0 || j - i > 2) { i = j; continue; } // a name must not start with the number; 3+ digits are not an index
                int index = int.Parse(name.AsSpan(i, j - i), CultureInfo.InvariantCulture);
                var stem = new Stem(name[..i], name[j..], []);
                if (!byKey.TryGetValue(stem.Key, out var existing)) byKey[stem.Key] = existing = stem;
                existing.Members.Add(new Member(c, index));
                i = j;
            }
        }

        var result = new List<Stem>();
        foreach (var stem in byKey.Values)
        {
            // The unnumbered column (Phone beside Phone2, Phone3) counts as number 1.
            if (stem.Members.All(m => m.Index != 1) && stem.Members.Any(m => m.Index == 2))
            {
                int plain = table.IndexOf(stem.Prefix.TrimEnd('_') + stem.Suffix);
                if (plain >= 0) stem.Members.Add(new Member(plain, 1));
            }
            var members = stem.Members.DistinctBy(m => m.Index).OrderBy(m => m.Index).ToList();
            if (members.Count < 2 || members.Count != stem.Members.Count) continue;
            var type = table.Columns[members[0].Column].Type;
            if (members.Any(m => !SameType(table.Columns[m.Column].Type, type))) continue;
            int first = members[0].Index, last = members[^1].Index;
            if (first > 2 || last > MaxIndex || last - first + 1 != members.Count) continue;
            result.Add(stem with { Members = members });
        }
        return result.OrderBy(s => s.Members[0].Column).ToList();
    }

    private static bool SameType(SqlType a, SqlType b) =>
        a.Name == b.Name && a.Length == b.Length && a.Precision == b.Precision && a.Scale == b.Scale;

    private Finding Build(TableContext ctx, List<Stem> stems)
    {
        var columns = AttributeSet.Of(stems.SelectMany(s => s.Members.Select(m => m.Column)));
        int count = stems[0].Members.Count;
        var attribute = string.Join(", ", stems.Select(s => (s.Prefix + s.Suffix).Trim('_')));
        var first = stems[0].Members[0].Index;
        var last = stems[0].Members[^1].Index;
        var names = string.Join(", ", stems.SelectMany(s => s.Members.Select(m => ctx.Names[m.Column])));
        var key = ctx.DeclaredKeys.FirstOrDefault();
        var keyText = key.IsEmpty ? "the row's key" : ctx.Cols(key);
        var entity = stems[0].Inner ? stems[0].Prefix.Trim('_') : attribute;
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Insertion, $"one {entity} more than {count} needs a new column (a schema change)"),
            new(AnomalyKind.Update, $"finding or changing one {entity} means searching all {count} column sets, which can hold it in any position"),
            new(AnomalyKind.Deletion, $"removing a {entity} leaves a gap or shifts the others between columns"),
        };
        var head = $"{names} repeat {(stems.Count == 1 ? "one column" : $"{stems.Count} columns")} ({attribute}) {count} times, numbered {first}..{last}: a list spread across the row";
        return new Finding
        {
            Rule = Descriptor,
            Table = ctx.Table.Name,
            Severity = Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies),
            Fix = $"move {attribute} to a table keyed by ({keyText}, {entity}Number) with one row per {entity}",
            Location = ctx.Table.Columns[columns.First()].Location,
            Anomalies = anomalies,
            Witnesses = Witnesses(ctx, stems),
            Columns = columns,
        };
    }

    /// <summary>With sample rows: how many rows leave some of the numbered columns empty (room the design reserves).</summary>
    private static IReadOnlyList<string> Witnesses(TableContext ctx, List<Stem> stems)
    {
        var view = ctx.Data;
        var cols = stems[0].Members.Select(m => m.Column).ToList();
        if (view is null || cols.Any(c => !view.Has(c))) return [];
        int partly = 0, example = -1;
        for (int r = 0; r < view.RowCount; r++)
        {
            int nulls = cols.Count(c => view.Code(r, c) == Data.ColumnData.NullCode);
            if (nulls > 0 && nulls < cols.Count) { partly++; if (example < 0) example = r; }
        }
        if (partly == 0) return [];
        var filled = cols.Where(c => view.Code(example, c) != Data.ColumnData.NullCode).Select(c => ctx.Names[c]);
        return [$"{partly} of {view.RowCount} rows fill only some of them (row {example + 1} fills {string.Join(", ", filled)})"];
    }
}
