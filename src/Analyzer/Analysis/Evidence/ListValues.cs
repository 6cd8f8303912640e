using System.Text.Json;
using System.Xml;

namespace SchemaNorm.Analyzer.Analysis.Evidence;

/// <summary>How a cell holds several values.</summary>
internal enum ListNotation { JsonArray, XmlList, SetBraces, Delimited }

/// <summary>Evidence that a text column holds lists: the notation, the delimiter, example values.</summary>
internal sealed record ListEvidence(ListNotation Notation, char? Delimiter, IReadOnlyList<string> Examples, int ListValues, int DistinctValues)
{
    public string Describe() => Notation switch
    {
        ListNotation.JsonArray => "JSON arrays",
        ListNotation.XmlList => "XML lists (repeated elements)",
        ListNotation.SetBraces => "sets in {braces}",
        _ => $"lists separated by '{Delimiter}'",
    };
}

/// <summary>
/// Decides whether the distinct values of a text column are lists, requiring list-like evidence rather
/// than the mere presence of a comma, so that prose (addresses, descriptions) is not taken for lists:
/// <list type="bullet">
/// <item>bracketed notations: most values are JSON arrays, {sets} (not JSON objects), or XML whose root repeats one element;</item>
/// <item>delimited lists (',', ';', '|'): at least two values split into several items; every item is short
/// (at most 40 characters and 3 words) and so are most values; the items recur across values; and, for commas
/// (common in prose and in "City, State"), the number of items varies and some item appears in different
/// positions, as a list allows and a fixed format does not. Thousands separators and decimal commas are not lists.
/// At least half of the items of the lists recur in another value: a shared vocabulary, which free text cut at
/// its commas (random street addresses) does not have. When most values are single, at least a quarter
/// of them are items of the lists: a comment cut at its commas shares words with others, but its uncut
/// values are no list's items.</item>
/// </list>
/// </summary>
internal static class ListValues
{
    private const int MaxItemLength = 40;
    private const int MaxItemWords = 3;

    public static ListEvidence? Detect(IReadOnlyList<string> distinctValues)
    {
        var values = distinctValues.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        if (values.Count == 0) return null;
        return Bracketed(values) ?? Delimited(values, ';') ?? Delimited(values, '|') ?? Delimited(values, ',');
    }

    private static ListEvidence? Bracketed(List<string> values)
    {
        foreach (var notation in new[] { ListNotation.JsonArray, ListNotation.SetBraces, ListNotation.XmlList })
        {
            var lists = new List<(string Value, int Items)>();
            foreach (var v in values)
            {
                int items = notation switch
                {
                    ListNotation.JsonArray => JsonArrayItems(v),
                    ListNotation.SetBraces => SetItems(v),
                    _ => XmlListItems(v),
                };
                if (items >= 0) lists.Add((v, items));
            }
            // Most values in the notation, and at least one with several items.
            if (lists.Count * 2 >= values.Count && lists.Any(l => l.Items >= 2))
                return new ListEvidence(notation, null,
                    lists.OrderByDescending(l => l.Items).Select(l => l.Value).Take(3).ToList(), lists.Count, values.Count);
        }
        return null;
    }

    private static int JsonArrayItems(string v)
    {
        if (v[0] != '[' || v[^1] != ']') return -1;
        try
        {
            using var doc = JsonDocument.Parse(v);
            return doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.GetArrayLength() : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static int SetItems(string v)
    {
        if (v.Length < 2 || v[0] != '{' || v[^1] != '}') return -1;
        var inner = v[1..^1];
        if (inner.Contains('{') || inner.Contains('}') || inner.Contains(':')) return -1; // JSON objects, nested text
        if (inner.Trim().Length == 0) return 0;
        var items = inner.Split(inner.Contains(';') ? ';' : ',').Select(s => s.Trim().Trim('"', '\'')).ToList();
        return items.All(i => i.Length > 0 && IsItem(i)) ? items.Count : -1;
    }

    private static int XmlListItems(string v)
    {
        if (v[0] != '<' || v[^1] != '>') return -1;
        try
        {
            var doc = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader("<r>" + v + "</r>"),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc.Load(reader);
            var root = doc.DocumentElement!;
            // Either the cell is itself a run of sibling elements, or one element wrapping such a run.
            var elements = root.ChildNodes.OfType<XmlElement>().ToList();
            if (elements.Count == 1) elements = elements[0].ChildNodes.OfType<XmlElement>().ToList();
            if (elements.Count == 0) return -1;
            return elements.Select(e => e.Name).Distinct().Count() == 1 ? elements.Count : -1;
        }
        catch (XmlException)
        {
            return -1;
        }
    }

    private static ListEvidence? Delimited(List<string> values, char delimiter)
    {
        var split = values.Select(v => v.Split(delimiter).Select(t => t.Trim()).ToArray()).ToList();
        var lists = new List<int>();
        for (int i = 0; i < split.Count; i++)
            if (split[i].Length >= 2 && split[i].All(t => t.Length > 0)) lists.Add(i);
        if (lists.Count < 2) return null;
        if (lists.Any(i => !split[i].All(IsItem))) return null;                               // prose
        if (values.Count(IsItem) + lists.Count < values.Count * 0.8) return null;               // mostly prose around a few lists
        if (delimiter == ',' && lists.All(i => LooksNumeric(values[i]))) return null;          // 1,234 or 3,5

        // Items recur: some item appears in two values (or alone as a value).
        var occurrences = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < split.Count; i++)
        {
            var tokens = lists.Contains(i) ? split[i] : [values[i]];
            for (int p = 0; p < tokens.Length; p++)
            {
                (occurrences.TryGetValue(tokens[p], out var o) ? o : occurrences[tokens[p]] = []).Add(i);
                (positions.TryGetValue(tokens[p], out var q) ? q : positions[tokens[p]] = []).Add(p);
            }
        }
        bool recurs = occurrences.Values.Any(o => o.Count >= 2);
        if (!recurs) return null;
        // A list draws its items from a vocabulary the rows share: most items recur. Free text cut at its
        // commas (a street address) recurs only in its small fragments.
        int items = 0, recurring = 0;
        foreach (var i in lists)
            foreach (var token in split[i])
            {
                items++;
                if (occurrences[token].Count >= 2) recurring++;
            }
        if (recurring * 2 < items) return null;
        // A column of mostly single values holds lists when its single values are the lists' items ("SQL"
        // beside "SQL, C#"); comments cut at a comma share words, but their uncut values are not items.
        var isList = new HashSet<int>(lists);
        var single = Enumerable.Range(0, values.Count).Where(i => !isList.Contains(i)).ToList();
        if (single.Count > lists.Count)
        {
            var listItems = new HashSet<string>(lists.SelectMany(i => split[i]), StringComparer.OrdinalIgnoreCase);
            if (single.Count(i => listItems.Contains(values[i])) * 4 < single.Count) return null;
        }
        if (delimiter == ',')
        {
            bool arityVaries = split.Select((t, i) => lists.Contains(i) ? t.Length : 1).Distinct().Count() > 1;
            bool moves = positions.Values.Any(p => p.Count >= 2);
            if (!arityVaries || !moves) return null;
        }
        var examples = lists.OrderByDescending(i => split[i].Length).Select(i => values[i]).Take(3).ToList();
        return new ListEvidence(ListNotation.Delimited, delimiter, examples, lists.Count, values.Count);
    }

    private static bool IsItem(string token) =>
        token.Length <= MaxItemLength && token.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxItemWords
        && !token.Contains(". ", StringComparison.Ordinal);

    private static bool LooksNumeric(string v) => v.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '+' or ' ');
}
