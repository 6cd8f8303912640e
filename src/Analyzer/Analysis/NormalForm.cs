namespace SchemaNorm.Analyzer.Analysis;

/// <summary>
/// The normal forms in increasing strength: UNF &lt; 1NF &lt; 2NF &lt; 3NF &lt; BCNF &lt; 4NF &lt; 5NF. The numeric
/// values order them, so <c>a &lt; b</c> means "a is weaker than b".
/// </summary>
public enum NormalForm
{
    /// <summary>Unnormalized: the table breaks 1NF (no key, a repeating group, a list in a cell, ...).</summary>
    UNF = 0,
    First = 1,
    Second = 2,
    Third = 3,
    BCNF = 4,
    Fourth = 5,
    /// <summary>Fifth normal form, also called project-join normal form (PJ/NF).</summary>
    Fifth = 6,
}

public static class NormalForms
{
    /// <summary>Every normal form, weakest first.</summary>
    public static IReadOnlyList<NormalForm> All { get; } =
        [NormalForm.UNF, NormalForm.First, NormalForm.Second, NormalForm.Third, NormalForm.BCNF, NormalForm.Fourth, NormalForm.Fifth];

    /// <summary>"UNF", "1NF", "2NF", "3NF", "BCNF", "4NF", "5NF": the spelling the reports and the --target option use.</summary>
    public static string Display(this NormalForm form) => form switch
    {
        NormalForm.UNF => "UNF",
        NormalForm.First => "1NF",
        NormalForm.Second => "2NF",
        NormalForm.Third => "3NF",
        NormalForm.BCNF => "BCNF",
        NormalForm.Fourth => "4NF",
        NormalForm.Fifth => "5NF",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <summary>Reads "3NF", "3nf", "bcnf", "5NF", "UNF" (as <see cref="Display"/> writes them).</summary>
    public static bool TryParse(string? text, out NormalForm form)
    {
        foreach (var f in All)
            if (string.Equals(f.Display(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                form = f;
                return true;
            }
        form = default;
        return false;
    }

    public static NormalForm Parse(string text) =>
        TryParse(text, out var f) ? f : throw new FormatException($"'{text}' is not a normal form (UNF, 1NF, 2NF, 3NF, BCNF, 4NF, 5NF)");

    /// <summary>The next weaker form (UNF stays UNF).</summary>
    public static NormalForm Below(this NormalForm form) => form == NormalForm.UNF ? NormalForm.UNF : form - 1;
}
