using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>What a column's name, type and values say it is, for choosing keys.</summary>
public enum ColumnRole
{
    /// <summary>Named as an identifier: CustomerID, c_custkey, title_id, AccountNumber, DeptCode.</summary>
    Identifier,

    /// <summary>Neither an identifier nor free text nor a measure: a flag, a category, a code without a telling name.</summary>
    Descriptive,

    /// <summary>Text a person writes: names, phone numbers, e-mail, addresses, comments, descriptions.</summary>
    FreeText,

    /// <summary>A quantity, amount, price or date: it measures something, it names nothing.</summary>
    Measure,
}

/// <summary>
/// How well a set of columns would serve as a key a designer would declare. Among determinants that are
/// equivalent in the rows (CustomerID and Phone, n_nationkey and n_name) the rows cannot tell which is
/// the identifier; the schema and the values can:
/// <list type="number">
/// <item>the name: an identifier suffix (ID, Id, Key, Code, No, Number; c_custkey's glued "key") ranks
/// first, a stem that other columns share (Employee in EmployeeID, EmployeeCity) adds to it; names,
/// phone numbers, e-mail, addresses, comments and descriptions rank last but one, measures last;</item>
/// <item>the type: integers and short fixed-width codes (nchar(5)) over long or unbounded text, money,
/// approximate numbers and dates; without a declared type, what the values look like;</item>
/// <item>NOT NULL declared, and no NULL in the rows;</item>
/// <item>short values: a long text that happens to be unique in a sample (a comment) identifies nothing.</item>
/// </list>
/// A set scores the mean of its columns, less a little per extra column.
/// </summary>
public static class KeyLikeness
{
    private static readonly HashSet<string> IdentifierSuffixes = new(StringComparer.OrdinalIgnoreCase)
        { "id", "key", "code", "no", "nr", "num", "number", "nbr" };

    /// <summary>Words that make a name free text even with an identifier-like ending (PostalCode, PhoneNumber).</summary>
    private static readonly HashSet<string> ContactWords = new(StringComparer.OrdinalIgnoreCase)
        { "postal", "zip", "phone", "fax", "email", "mail", "telephone", "mobile", "url", "homepage" };

    private static readonly HashSet<string> FreeTextWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "fname", "lname", "firstname", "lastname", "surname", "title", "address", "addr", "street", "city",
        "region", "state", "country", "comment", "comments", "description", "desc", "notes", "note", "remarks",
        "contact", "text", "extension", "path", "photo", "courtesy", "reason",
    };

    private static readonly HashSet<string> MeasureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "price", "cost", "amount", "amt", "qty", "quantity", "total", "freight", "discount", "tax", "balance", "bal",
        "acctbal", "weight", "date", "time", "salary", "rate", "percent", "pct", "sales", "royalty", "royaltyper",
        "advance", "units", "level", "stock", "availqty", "supplycost", "extendedprice", "totalprice", "retailprice",
        "shipdate", "commitdate", "receiptdate", "orderdate", "birthdate", "hiredate", "pubdate",
        // Durations (VacationHours, DaysToManufacture): how long, not which.
        "hours", "days",
    };

    /// <summary>The role a column's name and declared type give it (<paramref name="column"/> null: a CSV column, known by name only).</summary>
    public static ColumnRole Role(string name, Column? column)
    {
        var words = Words(name);
        if (words.Count == 0) return ColumnRole.Descriptive;
        string last = words[^1];
        bool contact = words.Any(ContactWords.Contains);
        if (!contact && IsIdentifierWord(last, words.Count)) return ColumnRole.Identifier;
        if (contact || words.Any(FreeTextWords.Contains)) return ColumnRole.FreeText;
        if (words.Any(MeasureWords.Contains)) return ColumnRole.Measure;
        if (column is { } c && !c.Type.IsCharacter && IsMeasureType(c.Type)) return ColumnRole.Measure;
        return ColumnRole.Descriptive;
    }

    /// <summary>The score of one column as (part of) a key: higher is better.</summary>
    public static double ColumnScore(IReadOnlyList<string> names, int position, IReadOnlyList<Column>? columns, TableData? data)
    {
        string name = names[position];
        var column = columns is not null && position < columns.Count ? columns[position] : null;
        double s = Role(name, column) switch
        {
            ColumnRole.Identifier => 4,
            ColumnRole.Descriptive => 1,
            ColumnRole.FreeText => -2,
            _ => -3,
        };
        if (SharesStem(names, position)) s += 0.5;
        // A history is keyed by when (StartDate), never by how much (StandardCost): a point in time ranks above other measures.
        if (IsPointInTime(name, column)) s += 1;
        // A row stamp (rowguid, ModifiedDate) is unique or near it in every table, yet no designer keys by it.
        if (DesignDependencies.StampOwner(name) is not null) s -= 5;

        ColumnData? values = data is not null && position < data.ColumnCount ? data.Columns[position] : null;
        if (column is { } c)
        {
            var t = c.Type;
            if (t.Category == TypeCategory.Integer && t.Name != "bit") s += 1.5;
            else if (t.Category == TypeCategory.FixedText && t.Length is > 0 and <= 10) s += 1;
            else if (t.Category == TypeCategory.Text && (t.Length is null or < 0 or > 50)) s -= 1;
            else if (IsMeasureType(t)) s -= 1;
            if (!c.IsNullable) s += 0.5;
        }
        else if (values is not null)
        {
            var (integers, sameLength) = Shape(values);
            if (integers) s += 1.5;
            else if (sameLength is > 0 and <= 10) s += 1;
        }
        if (values is not null)
        {
            if (values.HasNulls) s -= 3;
            // A date's text is long whatever it identifies; length tells prose from codes only.
            double length = IsPointInTime(name, column) ? 0 : AverageLength(values);
            if (length > 40) s -= 3;
            else if (length > 20) s -= 1.5;
        }
        return s;
    }

    /// <summary>The score of a set of columns as a key: the mean of its columns, less a little per extra column.</summary>
    public static double Score(AttributeSet set, IReadOnlyList<string> names, IReadOnlyList<Column>? columns, TableData? data)
    {
        if (set.IsEmpty) return double.NegativeInfinity;
        double sum = 0;
        foreach (var c in set) sum += ColumnScore(names, c, columns, data);
        return sum / set.Count - 0.5 * (set.Count - 1);
    }

    /// <summary>Whether every column of the set is free text or a measure: it describes, it does not identify.</summary>
    public static bool IsDescriptiveOnly(AttributeSet set, IReadOnlyList<string> names, IReadOnlyList<Column>? columns) =>
        !set.IsEmpty && set.ToArray().All(c => Role(names[c], columns is not null && c < columns.Count ? columns[c] : null) is ColumnRole.FreeText or ColumnRole.Measure);

    /// <summary>Whether any column of the set is named as an identifier.</summary>
    public static bool HasIdentifier(AttributeSet set, IReadOnlyList<string> names, IReadOnlyList<Column>? columns) =>
        set.ToArray().Any(c => Role(names[c], columns is not null && c < columns.Count ? columns[c] : null) == ColumnRole.Identifier);

    /// <summary>
    /// The entity a column's name points to: the words before an identifier suffix (CustomerID → customer),
    /// or a short prefix ending in an underscore (c_acctbal → c), else null.
    /// </summary>
    public static string? Stem(string name)
    {
        int underscore = name.IndexOf('_');
        if (underscore is > 0 and <= 4) return name[..underscore].ToLowerInvariant();
        var words = Words(name);
        if (words.Count > 1 && IsIdentifierWord(words[^1], words.Count)) return string.Concat(words.Take(words.Count - 1)).ToLowerInvariant();
        if (words.Count == 1 && GluedKey(words[0]) is { } glued) return glued;
        return null;
    }

    /// <summary>Whether the column's name starts with the stem (CustomerCity with customer).</summary>
    public static bool HasStem(string name, string stem)
    {
        if (stem.Length <= 4 && name.IndexOf('_') is var u and > 0) return name[..u].Equals(stem, StringComparison.OrdinalIgnoreCase);
        return name.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && name.Length > stem.Length;
    }

    /// <summary>
    /// Whether the name is an identifier column's whole name followed by a word of its own
    /// (SizeUnitMeasureCodeName, SizeUnitMeasureCodeModifiedDate with SizeUnitMeasureCode): a wide table
    /// names a referenced row's columns so, and the name alone says whose fact it is.
    /// </summary>
    public static bool NamedForColumn(string name, string identifier) =>
        identifier.Length > 4 && Role(identifier, null) == ColumnRole.Identifier && StartsWithStem(name, identifier);

    /// <summary>
    /// Whether the name continues the stem with a word of its own: ProductModifiedDate and Product_rowguid
    /// with product, not Production; a short stem as its underscore prefix (c_name with c).
    /// </summary>
    public static bool StartsWithStem(string name, string stem)
    {
        if (stem.Length <= 4) return HasStem(name, stem);
        if (name.Length <= stem.Length || !name.StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return false;
        char next = name[stem.Length];
        return char.IsUpper(next) || next == '_';
    }

    private static bool SharesStem(IReadOnlyList<string> names, int position)
    {
        if (Role(names[position], null) != ColumnRole.Identifier || Stem(names[position]) is not { } stem) return false;
        for (int i = 0; i < names.Count; i++)
            if (i != position && HasStem(names[i], stem)) return true;
        return false;
    }

    private static bool IsIdentifierWord(string last, int wordCount) =>
        (wordCount > 1 && IdentifierSuffixes.Contains(last))
        || (wordCount == 1 && last.Equals("id", StringComparison.OrdinalIgnoreCase))
        || GluedKey(last) is not null;

    /// <summary>A lower-case word with "key" or "number" glued on (custkey, linenumber): the entity before it, else null.</summary>
    private static string? GluedKey(string word)
    {
        if (!word.All(char.IsLower)) return null;
        foreach (var suffix in GluedSuffixes)
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        return null;
    }

    private static readonly string[] GluedSuffixes = ["key", "number"];

    private static bool IsPointInTime(string name, Column? column) =>
        column is { } c ? c.Type.Category == TypeCategory.DateTime
            : Words(name).Any(w => w.Equals("date", StringComparison.OrdinalIgnoreCase) || w.Equals("time", StringComparison.OrdinalIgnoreCase));

    private static bool IsMeasureType(SqlType t) =>
        t.Category is TypeCategory.Float or TypeCategory.DateTime or TypeCategory.Binary or TypeCategory.Xml
        || (t.Category == TypeCategory.Decimal && (t.Scale is > 0 || t.Name is "money" or "smallmoney"));

    /// <summary>Whether every value is an integer, and the one length all values share (0 when they differ).</summary>
    private static (bool Integers, int SameLength) Shape(ColumnData column)
    {
        bool integers = true;
        int length = -1;
        for (int v = 1; v < column.Values.Length; v++)
        {
            var s = column.Values[v];
            if (s is null) continue;
            if (integers && (s.Length == 0 || s.Length > 18 || !s.AsSpan().TrimStart('-').ToString().All(char.IsAsciiDigit))) integers = false;
            length = length == -1 ? s.Length : length == s.Length ? length : 0;
        }
        return (integers && length != -1, Math.Max(length, 0));
    }

    private static double AverageLength(ColumnData column)
    {
        long total = 0;
        int counted = 0;
        var lengths = new int[column.Values.Length];
        for (int v = 1; v < lengths.Length; v++) lengths[v] = column.Values[v]?.Length ?? 0;
        foreach (var code in column.Codes)
        {
            if (code == ColumnData.NullCode) continue;
            total += lengths[code];
            counted++;
        }
        return counted == 0 ? 0 : (double)total / counted;
    }

    internal static List<string> Words(string name) => NameWords.Split(name);
}
