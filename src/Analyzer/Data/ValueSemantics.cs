using System.Globalization;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Data;

/// <summary>
/// How the values of one column are compared: two spellings that SQL Server would call equal get
/// the same dictionary code. Numbers compare by value (1 = 1.00 in a decimal column), character data
/// ignores trailing spaces (ANSI padding) and compares case-insensitively under a CI collation,
/// uniqueidentifiers ignore case, binary literals ignore the case of their hex digits.
/// </summary>
public sealed class ValueSemantics
{
    private ValueSemantics(TypeCategory category, bool caseInsensitive, bool trimTrailingSpaces, SqlType? type = null)
    {
        Type = type;
        Category = category;
        CaseInsensitive = caseInsensitive;
        TrimTrailingSpaces = trimTrailingSpaces;
    }

    /// <summary>Exact comparison of the text as read: the FD-discovery literature's semantics for bare CSV files.</summary>
    public static readonly ValueSemantics Exact = new(TypeCategory.Text, caseInsensitive: false, trimTrailingSpaces: false);

    public TypeCategory Category { get; }

    /// <summary>The column's type, when the values have one: each distinct value is checked against it (<see cref="ValueFit"/>).</summary>
    public SqlType? Type { get; }
    public bool CaseInsensitive { get; }
    public bool TrimTrailingSpaces { get; }

    /// <summary>The comparer for dictionary keys produced by <see cref="Canonicalize"/>.</summary>
    public StringComparer KeyComparer => CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Semantics for a column of the given type. <paramref name="caseSensitiveDefault"/> comes from the
    /// --collation option (SQL Server's default collation is case-insensitive); a COLLATE clause on the
    /// column wins over it (a name containing _CS_ or _BIN is case-sensitive).
    /// </summary>
    public static ValueSemantics For(SqlType type, bool caseSensitiveDefault = false)
    {
        bool caseSensitive = caseSensitiveDefault;
        if (type.Collation is { } collation)
            caseSensitive = collation.Contains("_CS", StringComparison.OrdinalIgnoreCase) ||
                            collation.Contains("_BIN", StringComparison.OrdinalIgnoreCase);
        return type.Category switch
        {
            TypeCategory.FixedText or TypeCategory.Text => new ValueSemantics(type.Category, !caseSensitive, trimTrailingSpaces: true, type),
            TypeCategory.Guid or TypeCategory.Binary => new ValueSemantics(type.Category, caseInsensitive: true, trimTrailingSpaces: true, type),
            var c => new ValueSemantics(c, caseInsensitive: false, trimTrailingSpaces: true, type),
        };
    }

    /// <summary>
    /// The text used as the dictionary key: numbers and dates reduced to one spelling; text with
    /// trailing spaces removed. Returns the input unchanged when nothing needs doing (no allocation).
    /// </summary>
    public ReadOnlySpan<char> Canonicalize(ReadOnlySpan<char> value, out string? allocated)
    {
        allocated = null;
        if (TrimTrailingSpaces) value = value.TrimEnd(' ');
        switch (Category)
        {
            case TypeCategory.Integer:
            case TypeCategory.Decimal:
                if (TrySliceDecimal(value.Trim(), out var sliced)) return sliced;
                if (decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    allocated = CanonicalDecimal(d);
                    return allocated;
                }
                break;
            case TypeCategory.Float:
                if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
                {
                    allocated = f.ToString("R", CultureInfo.InvariantCulture);
                    return allocated;
                }
                break;
            case TypeCategory.DateTime:
                if (DateTime.TryParse(value.Trim(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var dt))
                {
                    allocated = dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
                    return allocated;
                }
                break;
        }
        return value;
    }

    /// <summary>Whether canonicalizing may change a spelling; when false the raw text is its own key.</summary>
    public bool Canonicalizes => TrimTrailingSpaces || Category is TypeCategory.Integer or TypeCategory.Decimal or TypeCategory.Float or TypeCategory.DateTime;

    /// <summary>
    /// The canonical spelling of a plain decimal literal (-?digits[.digits]) as a slice of the input:
    /// leading zeros of the whole part and trailing zeros of the fraction dropped, "-0" read as "0".
    /// Most numbers in scripts and files take this path, which allocates nothing.
    /// </summary>
    private static bool TrySliceDecimal(ReadOnlySpan<char> s, out ReadOnlySpan<char> canonical)
    {
        canonical = default;
        int i = 0;
        bool negative = s.Length > 0 && s[0] == '-';
        if (negative) i = 1;
        int wholeStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        int wholeEnd = i;
        if (wholeEnd == wholeStart) return false;
        int end = wholeEnd;
        if (i < s.Length)
        {
            if (s[i] != '.') return false;
            i++;
            int fracStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i != s.Length) return false;
            end = i;
            while (end > fracStart && s[end - 1] == '0') end--;
            if (end == fracStart) end = wholeEnd; // nothing left after the point
        }
        int lead = wholeStart;
        while (lead < wholeEnd - 1 && s[lead] == '0') lead++;
        bool zero = lead == wholeEnd - 1 && s[lead] == '0' && end == wholeEnd;
        if (zero) { canonical = "0"; return true; }
        if (!negative) { canonical = s[lead..end]; return true; }
        if (lead == wholeStart) { canonical = s[..end]; return true; }
        return false; // "-007": the sign and the digits are not contiguous; let the parser handle it
    }

    private static string CanonicalDecimal(decimal d)
    {
        // 1, 1.0 and 1.00 are one value: drop trailing zeros of the fraction.
        var s = d.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        return s == "-0" ? "0" : s;
    }
}
