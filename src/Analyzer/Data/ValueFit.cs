using System.Globalization;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Data;

/// <summary>
/// Whether a sample value fits its column the way SQL Server would store it: an integer in its type's
/// range, a number within its precision, a date that exists, text within its length. SQL Server refuses
/// the INSERT of a value that does not fit, so such a row is not one the database could hold. Checked once
/// per distinct spelling, so the cost does not grow with the rows.
/// </summary>
public static class ValueFit
{
    /// <summary>Why the value does not fit the type, or null when it fits (or the type is not checked).</summary>
    public static string? Misfit(SqlType type, ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        switch (type.Name)
        {
            case "tinyint": return IntegerRange(v, 0, byte.MaxValue, type);
            case "smallint": return IntegerRange(v, short.MinValue, short.MaxValue, type);
            case "int": return IntegerRange(v, int.MinValue, int.MaxValue, type);
            case "bigint": return IntegerRange(v, long.MinValue, long.MaxValue, type);
            case "decimal" or "numeric":
            {
                int precision = type.Precision ?? 18, scale = type.Scale ?? 0;
                int whole = WholeDigits(v);
                return whole > precision - scale
                    ? $"has {whole} digits before the decimal point; {type} holds at most {precision - scale}"
                    : null;
            }
            case "date" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset":
                return ImpossibleDate(v) ? "is not a date that exists" : null;
            case "char" or "varchar" or "nchar" or "nvarchar" when type.Length is int length and > 0:
                int chars = value.TrimEnd(' ').Length;
                return chars > length ? $"is {chars} characters long; {type} holds at most {length}" : null;
            default:
                return null;
        }
    }

    private static string? IntegerRange(ReadOnlySpan<char> v, long min, long max, SqlType type)
    {
        // Only plain integer literals: others (1.5, 1e3) convert in ways the database decides.
        int i = v.Length > 0 && v[0] is '-' or '+' ? 1 : 0;
        if (i == v.Length) return null;
        for (int k = i; k < v.Length; k++)
            if (!char.IsAsciiDigit(v[k])) return null;
        bool fits = long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) && n >= min && n <= max;
        return fits ? null : $"is outside the range of {type} ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>Digits before the decimal point of a plain decimal literal, leading zeros not counted; 0 for anything else.</summary>
    private static int WholeDigits(ReadOnlySpan<char> v)
    {
        int i = v.Length > 0 && v[0] is '-' or '+' ? 1 : 0;
        while (i < v.Length && v[i] == '0') i++;
        int start = i;
        while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
        if (i < v.Length && v[i] != '.') return 0;
        for (int k = i + 1; k < v.Length; k++)
            if (!char.IsAsciiDigit(v[k])) return 0;
        return i - start;
    }

    /// <summary>yyyy-mm-dd (or yyyymmdd) at the start with a month or day that no calendar has: 2023-02-30.</summary>
    private static bool ImpossibleDate(ReadOnlySpan<char> v)
    {
        int year, month, day;
        if (v.Length >= 10 && v[4] == '-' && v[7] == '-' && AllDigits(v[..4]) && AllDigits(v[5..7]) && AllDigits(v[8..10]) &&
            (v.Length == 10 || !char.IsAsciiDigit(v[10])))
        {
            year = int.Parse(v[..4], CultureInfo.InvariantCulture);
            month = int.Parse(v[5..7], CultureInfo.InvariantCulture);
            day = int.Parse(v[8..10], CultureInfo.InvariantCulture);
        }
        else if (v.Length == 8 && AllDigits(v))
        {
            year = int.Parse(v[..4], CultureInfo.InvariantCulture);
            month = int.Parse(v[4..6], CultureInfo.InvariantCulture);
            day = int.Parse(v[6..8], CultureInfo.InvariantCulture);
        }
        else return false;
        return year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
