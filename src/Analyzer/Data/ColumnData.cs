namespace SchemaNorm.Analyzer.Data;

/// <summary>
/// One column of sample rows, dictionary-encoded: <see cref="Codes"/>[row] is a code, and
/// <see cref="Values"/>[code] the first spelling read for it. Code 0 is NULL; equal values (under the
/// column's <see cref="ValueSemantics"/>) share a code.
/// </summary>
public sealed class ColumnData(int[] codes, string?[] values, bool hasNulls)
{
    public const int NullCode = 0;

    /// <summary>One code per row.</summary>
    public int[] Codes { get; } = codes;

    /// <summary>Values[0] is null (NULL); Values[c] is the text of code c.</summary>
    public string?[] Values { get; } = values;

    /// <summary>Distinct non-NULL values.</summary>
    public int DistinctCount => Values.Length - 1;

    public bool HasNulls { get; } = hasNulls;

    public string? ValueAt(int row) => Values[Codes[row]];
}
