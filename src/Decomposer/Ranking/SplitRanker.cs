using System.Globalization;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Inputs;

namespace SchemaNorm.Decomposer.Ranking;

/// <summary>One way to split a table: on an FD or MVD X -> Y (X ∪ Y and the rest), or into a JD's components.</summary>
internal sealed class SplitCandidate
{
    public required DependencyKind Kind { get; init; }
    public required AttributeSet Component { get; init; }
    public AttributeSet Lhs { get; init; }
    /// <summary>The columns that leave the table (after keeping declared keys and foreign keys whole).</summary>
    public AttributeSet Moved { get; init; }
    /// <summary>Everything X determines in the table (FD), before keys were kept whole.</summary>
    public AttributeSet Determined { get; init; }
    public required IReadOnlyList<AttributeSet> Parts { get; init; }
    /// <summary>0: every declared key and foreign key stays whole; 1: only the primary key does; 2: neither.</summary>
    public int RelaxLevel { get; init; }
    public string? Relaxed { get; init; }

    public double Score { get; set; }
    public List<string> Reasons { get; } = [];
    /// <summary>The FD rests only on sample rows (no key or declaration implies it).</summary>
    public bool DataOnly { get; set; }
    /// <summary>Null when the split may be made; otherwise why the rows do not support it.</summary>
    public string? Implausible { get; set; }
    public bool Plausible => Implausible is null;
}

/// <summary>
/// Orders the possible splits the way a designer would, with the features of Normalize (Papenbrock &amp;
/// Naumann, EDBT 2017) and what the schema declares:
/// <list type="bullet">
/// <item>a split on a stated dependency (key, annotation) before one found only in the rows;</item>
/// <item>a left side that is a key or foreign key elsewhere in the schema;</item>
/// <item>a short left side, with identifier-like names and short (code-like) values;</item>
/// <item>many rows repeating the fact (the redundancy the split removes);</item>
/// <item>columns next to each other, near the front of the table;</item>
/// <item>no column type that rarely makes a key (dates, floats, long text), no NULL on the left;</item>
/// <item>and, among the best, a split that keeps every dependency enforceable.</item>
/// </list>
/// Declared keys and foreign keys are kept whole whenever some split allows it (tiers, not weights).
/// An FD found only in the rows is acted on only when the rows support it: no NULL on its left side,
/// at least two repeated left-side values, and a small chance of holding by accident.
/// </summary>
internal sealed class SplitRanker(
    TableFacts facts, FunctionalDependencySet trusted, FunctionalDependencySet preserve, DecompositionOptions options)
{
    private const int PreservationChecks = 6;

    public List<SplitCandidate> Rank(IReadOnlyList<SplitCandidate> candidates, IReadOnlyList<AttributeSet> others)
    {
        foreach (var c in candidates) Score(c);

        var ordered = Order(candidates);
        // Preservation is the costly feature: judge it for the best few only.
        var lostBefore = -1;
        foreach (var c in ordered.Where(c => c.Plausible).Take(PreservationChecks))
        {
            if (lostBefore < 0) lostBefore = DependencyPreservation.LostDependencies(preserve, [.. others, c.Component]).Distinct().Count();
            int lostAfter = DependencyPreservation.LostDependencies(preserve, [.. others, .. c.Parts]).Distinct().Count();
            if (lostAfter <= lostBefore)
            {
                c.Score += 1.5;
                c.Reasons.Add("keeps every dependency enforceable");
            }
            else c.Reasons.Add($"loses {lostAfter - lostBefore} dependenc{(lostAfter - lostBefore == 1 ? "y" : "ies")}");
        }
        return Order(candidates);
    }

    /// <summary>Columns named for the one identifier on the left (SizeUnitMeasureCodeName with SizeUnitMeasureCode): one repeated value shows them.</summary>
    private bool NamedForLhs(AttributeSet x, AttributeSet moved) =>
        x.Count == 1 && moved.ToArray().All(a => Analyzer.Discovery.KeyLikeness.NamedForColumn(facts.Names[a], facts.Names[x.First()]));

    /// <summary>
    /// Columns that all carry the one identifier's stem on the left (ProductCategoryName, ProductCategory_rowguid
    /// with ProductCategoryID): the names say whose facts they are, so a parent seen in few rows of a projection
    /// (four categories over fourteen subcategories) is not judged by the chance of holding by accident there,
    /// and one repeated value shows them (a country with five territories, each other country with one).
    /// </summary>
    private bool NamedForLhsStem(AttributeSet x, AttributeSet moved)
    {
        if (x.Count != 1) return false;
        string left = facts.Names[x.First()];
        if (!facts.IsIdLike(x.First()) || Analyzer.Discovery.KeyLikeness.Stem(left) is not { Length: > 4 } stem) return false;
        return moved.ToArray().All(a => Analyzer.Discovery.KeyLikeness.StartsWithStem(facts.Names[a], stem));
    }

    private static List<SplitCandidate> Order(IEnumerable<SplitCandidate> candidates) => candidates
        .OrderBy(c => c.RelaxLevel)
        .ThenByDescending(c => c.Plausible)
        .ThenByDescending(c => c.Score)
        .ThenBy(c => c.Lhs)
        .ThenBy(c => c.Moved)
        .ToList();

    private void Score(SplitCandidate c)
    {
        var names = facts.Names;
        var x = c.Lhs;
        double score = 0;
        if (c.Kind != DependencyKind.Fd)
        {
            // MVDs and JDs come from declarations (or were found whole in the rows): no left-side statistics.
            score += 3.0;
            c.Reasons.Add(c.Kind == DependencyKind.Mvd ? "a multivalued dependency" : "a join dependency");
            score += Position(c.Lhs | c.Moved) * 0.2;
            c.Score = score;
            return;
        }

        bool stated = trusted.Determines(x, c.Moved);
        c.DataOnly = !stated;
        if (stated)
        {
            score += 3.0;
            c.Reasons.Add("stated by a key or declaration");
        }
        if (facts.KeysElsewhere.Contains(x))
        {
            score += 1.0;
            c.Reasons.Add("its left side is a key or foreign key elsewhere");
        }
        score += 0.6 * (x.IsEmpty ? 0.2 : 1.0 / x.Count);
        if (x.Count == 1) c.Reasons.Add("a one-column left side");

        double idLike = x.IsEmpty ? 0 : x.ToArray().Count(facts.IsIdLike) / (double)x.Count;
        score += 0.4 * idLike;
        if (idLike == 1) c.Reasons.Add("identifier-like names");

        double typePenalty = x.IsEmpty ? 0 : x.ToArray().Max(facts.TypePenalty);
        score -= 0.8 * typePenalty;
        if (typePenalty > 0) c.Reasons.Add("a left-side type that rarely makes a key");

        if (facts.HasData)
        {
            var rows = facts.Rows(c.Component);
            var g = rows.Groups(x, c.Moved);
            double length = x.IsEmpty ? 0 : x.ToArray().Average(facts.ValueLength);
            score += 0.5 * (8.0 / Math.Max(8.0, length));
            if (length > 0 && length <= 8) c.Reasons.Add($"short values ({length.ToString("0.#", CultureInfo.InvariantCulture)} characters on average)");
            double duplication = rows.Count == 0 ? 0 : (double)g.RedundantRows / rows.Count;
            score += 0.6 * duplication;
            if (g.RedundantRows > 0) c.Reasons.Add($"{g.RedundantRows} of {rows.Count} rows repeat the fact");
            if (g.NullInLhs) score -= 1.0;

            if (c.DataOnly)
            {
                if (!options.SplitOnDataDependencies) c.Implausible = "splits on dependencies found only in the rows are turned off";
                else if (g.RepeatedGroups < (NamedForLhs(x, c.Moved) || NamedForLhsStem(x, c.Moved) ? 1 : 2)) c.Implausible = g.RepeatedGroups == 0
                    ? "no left-side value repeats in the rows: they cannot show it"
                    : "only one left-side value repeats in the rows: too few to tell";
                else if (g.Log10AccidentChance > options.MaxLog10AccidentChance && !NamedForLhsStem(x, c.Moved))
                    c.Implausible = $"it could hold by chance in these rows (p ≈ {Math.Pow(10, g.Log10AccidentChance).ToString("G2", CultureInfo.InvariantCulture)})";
                else if (typePenalty >= 1) c.Implausible = "its left side is of a type that does not make a key";
                else if (g.RedundantValueRows * 2 < g.RedundantRows)
                    c.Implausible = $"the rows repeat it mostly as NULL ({g.RedundantRows - g.RedundantValueRows} of {g.RedundantRows} repeats)";
                else if (duplication < options.MinDataRedundancy && idLike < 1 && !facts.KeysElsewhere.Contains(x))
                    c.Implausible = $"only {g.RedundantRows} of {rows.Count} rows repeat it, and its left side does not look like an identifier";
                else if (x.Count > 1 && Exceptions(rows, x, c.Moved) is { } smaller)
                    c.Implausible = $"{smaller.Lhs.Format(facts.Names)} -> {c.Moved.Format(facts.Names)} holds but for {smaller.Error.ToString("P1", CultureInfo.InvariantCulture)} of the rows: the other column of the left side only tells the exceptions apart";
            }
        }
        else
        {
            score += 0.5 * 0.5 + 0.6 * 0.5;
            bool nullable = x.ToArray().Any(a => facts.Column(a).IsNullable);
            if (nullable) score -= 0.3;
            if (c.DataOnly && !options.SplitOnDataDependencies) c.Implausible = "splits on dependencies found only in the rows are turned off";
        }

        double position = Position(x | c.Moved);
        score += 0.2 * position;
        c.Score = score;
    }

    /// <summary>
    /// A part of the left side that nearly determines the right side already (g3 at most
    /// <see cref="DecompositionOptions.MaxExceptionShare"/>): the FD is then that one with its exceptions
    /// told apart by an extra column, more likely an accident of the rows than a rule.
    /// </summary>
    private (AttributeSet Lhs, double Error)? Exceptions(Verification.RowSet rows, AttributeSet x, AttributeSet y)
    {
        foreach (var b in x)
        {
            var smaller = x.Without(b);
            double g3 = rows.G3(smaller, y);
            if (g3 > 0 && g3 <= options.MaxExceptionShare) return (smaller, g3);
        }
        return null;
    }

    /// <summary>Normalize's position feature: columns near the front, and next to each other.</summary>
    private double Position(AttributeSet columns)
    {
        if (columns.IsEmpty) return 0;
        var a = columns.ToArray();
        int n = Math.Max(1, facts.Names.Count);
        int gaps = a[^1] - a[0] + 1 - a.Length;
        return 0.5 * (1 - (double)a[0] / n) + 0.5 / (1 + gaps);
    }
}

/// <summary>Picks the primary key of a new table among its candidate keys.</summary>
internal sealed class KeyChooser(TableFacts facts)
{
    public AttributeSet Choose(IReadOnlyList<AttributeSet> keys, AttributeSet? preferred)
    {
        if (keys.Count == 0) throw new ArgumentException("a table has at least one key", nameof(keys));
        return keys.OrderByDescending(k => Score(k, preferred)).ThenBy(k => k).First();
    }

    private double Score(AttributeSet key, AttributeSet? preferred)
    {
        double s = 0;
        if (facts.PrimaryKey is { } pk && pk == key) s += 6;
        if (preferred is { } p && p == key) s += 4;
        if (facts.UniqueKeys.Contains(key)) s += 2;
        if (facts.KeysElsewhere.Contains(key)) s += 1;
        var a = key.ToArray();
        if (a.Length == 0) return s;
        s += 1.0 / a.Length;
        s += a.Count(facts.IsIdLike) / (double)a.Length;
        s -= a.Max(facts.TypePenalty);
        if (facts.HasData)
        {
            s += 0.5 * (8.0 / Math.Max(8.0, a.Average(facts.ValueLength)));
            if (a.Any(c => facts.Data!.Columns[c].HasNulls)) s -= 3;
        }
        else if (a.Any(c => facts.Column(c).IsNullable)) s -= 0.5;
        return s;
    }
}
