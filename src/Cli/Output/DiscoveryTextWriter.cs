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
        using var text = new StringWriter();
        Write(tables, text, layout);
        return text.ToString();
    }

    /// <summary>Writes the report as it goes: a wide table's FDs can run to hundreds of megabytes of text.</summary>
    /// <param name="flushAt">Characters held before they are passed on.</param>
    public static void Write(IReadOnlyList<DiscoveredTable> tables, TextWriter output, TextLayout? layout = null, int flushAt = FlushChars)
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
            var list = r.Fds as DiscoveredFdList;
            var rhsNames = new StringBuilder();
            foreach (var (lhsSet, start, end) in DiscoveredFdList.Groups(r.Fds))
            {
                var lhs = lhsSet.IsEmpty ? "∅ (constant)" : lhsSet.Format(names);
                rhsNames.Clear();
                for (int i = start; i < end; i++)
                {
                    int rhs = list?.RhsAt(i) ?? r.Fds[i].Rhs;
                    double g3 = list?.ErrorAt(i) ?? r.Fds[i].Error;
                    if (i > start) rhsNames.Append(", ");
                    rhsNames.Append(names[rhs]);
                    if (g3 > 0) rhsNames.Append($" (g3 {g3:0.####})");
                }
                TextWrap.Wrap(sb, $"{lhs} -> {rhsNames}", Item, width);
                if (sb.Length >= flushAt) Flush(sb, output);
            }
            sb.AppendLine($"  {Ansi.Bold($"unique column combinations ({r.UniqueColumnCombinations.Count:N0}):", color)}");
            var keys = r.KeyCandidates.ToHashSet();
            foreach (var u in r.UniqueColumnCombinations)
            {
                TextWrap.Wrap(sb, $"({u.Format(names)}){(keys.Contains(u) ? "" : " — holds a NULL, so not a key")}", Item, width);
                if (sb.Length >= flushAt) Flush(sb, output);
            }
            if (r.Mvds.Count > 0)
            {
                sb.AppendLine($"  {Ansi.Bold($"multivalued dependencies ({r.Mvds.Count}):", color)}");
                foreach (var m in r.Mvds)
                {
                    TextWrap.Wrap(sb, m.Format(names), Item, width);
                    if (sb.Length >= flushAt) Flush(sb, output);
                }
            }
            if (r.Jds.Count > 0)
            {
                sb.AppendLine($"  {Ansi.Bold($"join dependencies ({r.Jds.Count}):", color)}");
                foreach (var j in r.Jds)
                {
                    TextWrap.Wrap(sb, j.Format(names), Item, width);
                    if (sb.Length >= flushAt) Flush(sb, output);
                }
            }
            foreach (var limit in notes.Concat(r.Limits)) TextWrap.Wrap(sb, "limit: " + limit, "  ", width);
            sb.AppendLine();
        }
        Flush(sb, output);
        output.Flush();
    }

    public const int FlushChars = 1 << 16;

    private static void Flush(StringBuilder sb, TextWriter output)
    {
        foreach (var chunk in sb.GetChunks()) output.Write(chunk.Span);
        sb.Clear();
    }
}
