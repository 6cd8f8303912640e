using System.Text;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// The text form of `discover`: per table its FDs (grouped by left side), keys, MVDs, JDs and limits,
/// wrapped to the layout's width and coloured as the analyze report is.
/// </summary>
internal static class DiscoveryTextWriter
{
    private const string Item = "    ";

    public static string Write(IReadOnlyList<DiscoveredTable> tables, TextLayout? layout = null)
    {
        var (width, color) = layout ?? TextLayout.Plain;
        var sb = new StringBuilder();
        foreach (var (table, r, notes) in tables)
        {
            var names = table.ColumnNames;
            string nulls = r.Nulls == NullSemantics.Equal ? "NULL = NULL" : "NULL ≠ NULL";
            string error = r.MaxError > 0 ? $", g3 error ≤ {r.MaxError:0.####}" : "";
            sb.AppendLine($"{Ansi.Bold(ReportText.Line(table.Name.ToString()), color)} — {r.RowCount:N0} rows, {names.Count} columns ({nulls}{error})");

            sb.AppendLine($"  {Ansi.Bold($"functional dependencies ({r.Fds.Count:N0}):", color)}");
            foreach (var group in r.Fds.GroupBy(f => f.Lhs))
            {
                var lhs = group.Key.IsEmpty ? "∅ (constant)" : group.Key.Format(names);
                var rhs = string.Join(", ", group.Select(f => names[f.Rhs] + (f.Error > 0 ? $" (g3 {f.Error:0.####})" : "")));
                TextWrap.Wrap(sb, $"{lhs} -> {rhs}", Item, width);
            }
            sb.AppendLine($"  {Ansi.Bold($"unique column combinations ({r.UniqueColumnCombinations.Count:N0}):", color)}");
            foreach (var u in r.UniqueColumnCombinations)
                TextWrap.Wrap(sb, $"({u.Format(names)}){(r.KeyCandidates.Contains(u) ? "" : " — holds a NULL, so not a key")}", Item, width);
            if (r.Mvds.Count > 0)
            {
                sb.AppendLine($"  {Ansi.Bold($"multivalued dependencies ({r.Mvds.Count}):", color)}");
                foreach (var m in r.Mvds) TextWrap.Wrap(sb, m.Format(names), Item, width);
            }
            if (r.Jds.Count > 0)
            {
                sb.AppendLine($"  {Ansi.Bold($"join dependencies ({r.Jds.Count}):", color)}");
                foreach (var j in r.Jds) TextWrap.Wrap(sb, j.Format(names), Item, width);
            }
            foreach (var limit in notes.Concat(r.Limits)) TextWrap.Wrap(sb, "limit: " + limit, "  ", width);
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
