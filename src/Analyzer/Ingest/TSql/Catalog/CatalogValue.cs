using System.Globalization;

namespace SchemaNorm.Analyzer.Ingest.TSql.Catalog;

/// <summary>
/// A value while a guard is evaluated: a number, a text, SQL NULL, or unknown (something the scripts
/// alone cannot tell, such as a variable or a user table's rows).
/// </summary>
internal readonly record struct CatalogValue(CatalogValueKind Kind, long Number = 0, string? Text = null)
{
    public static readonly CatalogValue Unknown = new(CatalogValueKind.Unknown);
    public static readonly CatalogValue Null = new(CatalogValueKind.Null);

    public static CatalogValue Of(long n) => new(CatalogValueKind.Number, n);

    public static CatalogValue Of(string? s) => s is null ? Null : new(CatalogValueKind.Text, 0, s);

    public static CatalogValue Of(bool b) => Of(b ? 1 : 0);

    public bool IsUnknown => Kind == CatalogValueKind.Unknown;

    public bool IsNull => Kind == CatalogValueKind.Null;

    public string? AsText() => Kind switch
    {
        CatalogValueKind.Text => Text,
        CatalogValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Compares two values: null when either is unknown or NULL, or when they cannot be compared.</summary>
    public static int? Compare(CatalogValue a, CatalogValue b)
    {
        if (a.Kind is CatalogValueKind.Unknown or CatalogValueKind.Null || b.Kind is CatalogValueKind.Unknown or CatalogValueKind.Null) return null;
        if (a.Kind == CatalogValueKind.Number && b.Kind == CatalogValueKind.Number) return a.Number.CompareTo(b.Number);
        if (a.Kind == CatalogValueKind.Text && b.Kind == CatalogValueKind.Text)
            // Catalog names compare as SQL Server's default collation does: case-insensitive, trailing blanks ignored.
            return string.Compare(a.Text!.TrimEnd(' '), b.Text!.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);
        var (number, text) = a.Kind == CatalogValueKind.Number ? (a.Number, b.Text!) : (b.Number, a.Text!);
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return null;
        int c = number.CompareTo(parsed);
        return a.Kind == CatalogValueKind.Number ? c : -c;
    }
}

internal enum CatalogValueKind { Unknown, Null, Number, Text }
