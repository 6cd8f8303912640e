using System.Text;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Cli.Output;

/// <summary>The text form of `discover`: per table its FDs (grouped by left side), keys, MVDs, JDs and limits.</summary>
internal static class DiscoveryTextWriter
{
    public static string Write(IReadOnlyList<DiscoveredTable> tables)
    {
        var sb = new StringBuilder();
        foreach (var (table, r, notes) in tables)
        {
            var names = table.ColumnNames;
            string nulls = r.Nulls == NullSemantics.Equal ? "NULL = NULL" : "NULL ≠ NULL";
            string error = r.MaxError > 0 ? $", g3 error ≤ {r.MaxError:0.####}" : "";
            sb.AppendLine($"{ReportText.Line(table.Name.ToString())} — {r.RowCount:N0} rows, {names.Count} columns ({nulls}{error})");

            sb.AppendLine($"  functional dependencies ({r.Fds.Count:N0}):");
            foreach (var group in r.Fds.GroupBy(f => f.Lhs))
            {
                var lhs = group.Key.IsEmpty ? "∅ (constant)" : group.Key.Format(names);
                var rhs = string.Join(", ", group.Select(f => names[f.Rhs] + (f.Error > 0 ? $" (g3 {f.Error:0.####})" : "")));
                sb.AppendLine($"    {ReportText.Line(lhs)} -> {ReportText.Line(rhs)}");
            }
            sb.AppendLine($"  unique column combinations ({r.UniqueColumnCombinations.Count:N0}):");
            foreach (var u in r.UniqueColumnCombinations)
                sb.AppendLine($"    ({ReportText.Line(u.Format(names))}){(r.KeyCandidates.Contains(u) ? "" : "  — holds a NULL, so not a key")}");
            if (r.Mvds.Count > 0)
            {
                sb.AppendLine($"  multivalued dependencies ({r.Mvds.Count}):");
                foreach (var m in r.Mvds) sb.AppendLine($"    {ReportText.Line(m.Format(names))}");
            }
            if (r.Jds.Count > 0)
            {
                sb.AppendLine($"  join dependencies ({r.Jds.Count}):");
                foreach (var j in r.Jds) sb.AppendLine($"    {ReportText.Line(j.Format(names))}");
            }
            foreach (var limit in notes.Concat(r.Limits)) sb.AppendLine($"  limit: {ReportText.Line(limit)}");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
