namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>What a script says about one value of an inserted row.</summary>
internal enum ValueKind : byte
{
    /// <summary>NULL.</summary>
    Null,
    /// <summary>A literal: its text is the value.</summary>
    Text,
    /// <summary>The DEFAULT keyword: the column's default.</summary>
    Default,
    /// <summary>An expression whose value only the database knows (GETDATE(), @variable, a subquery).</summary>
    Unknown,
}

/// <summary>
/// One value of a row, pointing into the text it was read from so that reading it allocates nothing:
/// <c>Source[Start..Start+Length]</c>, with doubled quotes still doubled when <see cref="Escaped"/>,
/// and a minus sign to put in front when <see cref="Negative"/>.
/// </summary>
internal readonly record struct ValueSlot(ValueKind Kind, string? Source, int Start, int Length, bool Escaped = false, bool Negative = false)
{
    public static readonly ValueSlot Null = new(ValueKind.Null, null, 0, 0);
    public static readonly ValueSlot Unknown = new(ValueKind.Unknown, null, 0, 0);
    public static readonly ValueSlot Default = new(ValueKind.Default, null, 0, 0);

    public static ValueSlot Of(string text) => new(ValueKind.Text, text, 0, text.Length);

    /// <summary>The value's text (a new string; for messages and tests, not for the hot path).</summary>
    public string? Text
    {
        get
        {
            if (Kind != ValueKind.Text) return null;
            var s = Source!.Substring(Start, Length);
            if (Escaped) s = s.Replace("''", "'");
            return Negative ? "-" + s : s;
        }
    }
}
