using System.Globalization;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Analysis.Evidence;

/// <summary>Small English helpers for messages written in a table's own column names.</summary>
internal static class Wording
{
    public static string Is(AttributeSet set) => set.Count == 1 ? "is" : "are";
    public static string Has(AttributeSet set) => set.Count == 1 ? "has" : "have";
    public static string S(AttributeSet set, string verb) => set.Count == 1 ? verb + "s" : verb; // depend -> depends

    public static string Rows(IEnumerable<int> rows) =>
        string.Join(", ", rows.Select(r => (r + 1).ToString(CultureInfo.InvariantCulture)));

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Sentence(string head, IEnumerable<Anomaly> anomalies, string? tail = null)
    {
        var parts = anomalies.Select(a => a.ToString()).ToList();
        var text = parts.Count == 0 ? head : head + ": " + string.Join("; ", parts);
        if (tail is not null) text += ". " + tail;
        return text.EndsWith('.') ? text : text + ".";
    }
}
