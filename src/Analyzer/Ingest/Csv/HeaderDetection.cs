using System.Globalization;

namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>Whether a CSV file's first record was read as a header, and why.</summary>
public sealed record HeaderVerdict(bool IsHeader, string Reason);

/// <summary>
/// Decides whether the first record of a CSV file is a header, the way spreadsheet tools do: each column
/// compares its first field with the fields below it. A word above numbers or dates, or a field of another
/// length above fields of one length, looks like a name; a number above numbers, or a value that recurs
/// below, looks like data. The majority decides; with no evidence either way the first record is a header.
/// </summary>
public static class HeaderDetection
{
    /// <summary>How many records below the first are compared with it.</summary>
    public const int SampleRecords = 200;

    private enum Kind { Missing, Number, Date, Text }

    private sealed record Vote(bool ForHeader, string Why);

    public static HeaderVerdict Judge(IReadOnlyList<string> first, IReadOnlyList<IReadOnlyList<string>> below)
    {
        var votes = new List<Vote>();
        for (int c = 0; c < first.Count; c++)
        {
            var column = below.Where(r => c < r.Count).Select(r => r[c].Trim()).Where(v => KindOf(v) != Kind.Missing).ToList();
            if (VoteOf(first[c].Trim(), column, c + 1) is { } vote) votes.Add(vote);
        }
        int forHeader = votes.Count(v => v.ForHeader), forData = votes.Count - forHeader;
        if (forData > forHeader)
            return new HeaderVerdict(false, $"it looks like the rows below it in {forData} of {first.Count} columns ({votes.First(v => !v.ForHeader).Why})");
        if (forHeader > 0)
            return new HeaderVerdict(true, $"it differs from the rows below it in {forHeader} of {first.Count} columns ({votes.First(v => v.ForHeader).Why})");
        return new HeaderVerdict(true, "nothing in the rows below it says otherwise");
    }

    private static Vote? VoteOf(string field, List<string> below, int position)
    {
        var kind = KindOf(field);
        if (kind == Kind.Missing || below.Count == 0) return null;
        var shown = field.Length > 30 ? field[..30] + "..." : field;
        var columnKind = below.Select(KindOf).Distinct().ToList() is [var only] ? only : Kind.Text;
        if (columnKind is Kind.Number or Kind.Date)
        {
            var what = columnKind == Kind.Number ? "numbers" : "dates";
            return kind == columnKind
                ? new Vote(false, $"'{shown}' is one of the {what} of column {position}")
                : new Vote(true, $"'{shown}' is text where column {position} holds {what}");
        }
        if (below.Contains(field, StringComparer.Ordinal))
            return new Vote(false, $"'{shown}' recurs below it in column {position}");
        if (kind == Kind.Number)
            return new Vote(false, $"'{shown}' in column {position} is a number, which a column name seldom is");
        if (below.Count >= 2 && below.Select(v => v.Length).Distinct().Count() == 1 && below[0].Length != field.Length)
            return new Vote(true, $"'{shown}' is {field.Length} characters long where column {position} holds values of {below[0].Length}");
        return null;
    }

    /// <summary>Empty fields and the usual markers of a missing value say nothing about a column's type.</summary>
    private static Kind KindOf(string value)
    {
        if (value.Length == 0 || value is "?" or "-" || value.Equals("null", StringComparison.OrdinalIgnoreCase) ||
            value.Equals("NA", StringComparison.OrdinalIgnoreCase) || value.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            return Kind.Missing;
        // Only digits, a sign or a point start a number: "NaN" and "Infinity" are words here.
        if ((char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.') &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return Kind.Number;
        if (char.IsAsciiDigit(value[0]) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _))
            return Kind.Date;
        return Kind.Text;
    }
}
