using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

public enum PlausibilityClass
{
    /// <summary>Enough independent evidence that the FD is part of the design.</summary>
    Plausible,

    /// <summary>Holds in the rows, but might be an accident of the sample: show it, let a user accept it.</summary>
    Candidate,
}

/// <summary>What the schema declares, to weigh discovered FDs (column numbers of the table).</summary>
public sealed record SchemaHints
{
    public IReadOnlyList<AttributeSet> DeclaredKeys { get; init; } = [];
    public IReadOnlyList<AttributeSet> ForeignKeys { get; init; } = [];

    /// <summary>
    /// Columns whose values never identify anything (measures such as prices and quantities, dates and
    /// times, binary data), known from their declared types: they cannot be the determinant of a design
    /// dependency.
    /// </summary>
    public AttributeSet NonIdentifying { get; init; }

    /// <summary>Computed columns: what they follow from is their formula, not a fact of the design.</summary>
    public AttributeSet Computed { get; init; }

    /// <summary>The declared columns (types, nullability), in table order; null for a table read from a data file alone.</summary>
    public IReadOnlyList<Model.Column>? Columns { get; init; }
}

/// <summary>
/// The score of one FD (0..1, higher = more likely a design dependency), its class and a one-line reason,
/// with the features it was made from.
/// </summary>
public sealed record PlausibilityScore(double Score, PlausibilityClass Class, string Reason)
{
    /// <summary>Left-side values shared by two or more rows.</summary>
    public int RepeatedLhsGroups { get; init; }

    /// <summary>Rows that repeat a fact (what a decomposition on this FD would save).</summary>
    public int RedundantRows { get; init; }

    /// <summary>log10 of the chance that the FD holds in these rows if A were drawn independently of X.</summary>
    public double Log10AccidentChance { get; init; }

    public double LengthScore { get; init; }
    public double ValueLengthScore { get; init; }
    public double PositionScore { get; init; }
    public double DuplicationScore { get; init; }
}

/// <summary>
/// Ranks FDs found in data for being real design dependencies rather than accidents of a small sample.
/// Features follow Metanome's Normalize (Papenbrock &amp; Naumann, EDBT 2017): short left sides, short
/// values on the left (codes make good keys), columns early in the table and close together, and the
/// duplication an FD explains. On top of these, the support: an FD needs several left-side values that
/// repeat, and a low chance of holding by accident. That chance treats the right-side column as drawn
/// independently of the left side with its observed frequencies p_v: a group of k rows then agrees by
/// chance with probability Σ_v p_v^k, and all groups agree with the product. A left side that is unique in
/// the rows makes the FD trivial (it says no more than the key).
/// </summary>
public static class Plausibility
{
    /// <summary>Fewest repeated left-side groups for a Plausible FD.</summary>
    public const int MinRepeatedGroups = 3;

    /// <summary>Largest chance of holding by accident for a Plausible FD.</summary>
    public const double MaxAccidentChance = 1e-3;

    public static PlausibilityScore Score(TableData data, DiscoveredFd fd, SchemaHints? hints = null, NullSemantics nulls = NullSemantics.Equal)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Score(new RowGroupCache(data, nulls), fd, hints);
    }

    /// <summary>Scores with groupings shared across FDs (design selection scores hundreds on the same left sides).</summary>
    internal static PlausibilityScore Score(RowGroupCache groups, DiscoveredFd fd, SchemaHints? hints = null)
    {
        var data = groups.Data;
        hints ??= new SchemaHints();
        int n = data.RowCount;
        var (ids, count) = groups.Groups(fd.Lhs);
        var sizes = new int[count];
        foreach (var g in ids) sizes[g]++;
        // A NULL left side (an optional reference left empty) is no evidence either way.
        if (groups.NullLhsGroups(fd.Lhs) is { } nullLhs)
            for (int g = 0; g < count; g++)
                if (nullLhs[g]) sizes[g] = 0;
        var evidence = groups.Counts(fd.Lhs, fd.Rhs);

        // Chance of holding by accident, from the right side's frequencies.
        double log10Chance = 0;
        foreach (var k in sizes)
            if (k >= 2) log10Chance += Math.Log10(Math.Max(groups.AgreeChance(fd.Rhs, k), 1e-300));

        int lhsSize = fd.Lhs.Count;
        double lengthScore = lhsSize == 0 ? 1 : 1.0 / lhsSize;
        double valueLength = lhsSize == 0 ? 0 : fd.Lhs.ToArray().Average(c => AverageLength(data.Columns[c]));
        double valueLengthScore = 8.0 / Math.Max(8.0, valueLength);
        double positionScore = Position(fd);
        double duplicationScore = n == 0 ? 0 : (double)evidence.RedundantRows / n;
        double confidence = Math.Clamp(-log10Chance / 6.0, 0, 1);
        double score = 0.2 * lengthScore + 0.15 * valueLengthScore + 0.15 * positionScore + 0.2 * duplicationScore + 0.3 * confidence;

        // An optional reference (a nullable ...ID) is NULL where the row has no parent; a NULL in a column that
        // names no identifier (Region) is a missing description, which determines nothing.
        bool lhsNullsUnnamed = fd.Lhs.ToArray().Any(c => data.Columns[c].HasNulls
            && !hints.ForeignKeys.Any(k => k.Contains(c))
            && KeyLikeness.Role(data.ColumnNames[c], hints.Columns is { } cols && c < cols.Count ? cols[c] : null) != ColumnRole.Identifier);
        bool onKey = hints.DeclaredKeys.Any(k => k.IsSubsetOf(fd.Lhs));
        bool onForeignKey = hints.ForeignKeys.Any(k => !k.IsEmpty && k.IsSubsetOf(fd.Lhs));
        if (onForeignKey) score = Math.Min(1, score + 0.1);
        double chance = Math.Pow(10, log10Chance);

        (PlausibilityClass c, string reason) = true switch
        {
            _ when onKey => (PlausibilityClass.Plausible, "the left side holds a declared key"),
            _ when evidence.LhsIsUnique => (PlausibilityClass.Candidate, "the left side is unique in the rows: the FD says no more than a key would"),
            _ when fd.Error > 0 || !evidence.Holds => (PlausibilityClass.Candidate, $"holds only after deleting {evidence.Error:P1} of the rows"),
            _ when lhsNullsUnnamed => (PlausibilityClass.Candidate, "the left side holds NULLs, and no column of it is named as an identifier"),
            _ when evidence.SupportingGroups >= 2 && !NamedForLhs(data.ColumnNames, fd, hints.Columns) && SameWhereLhsIsSet(groups, fd) =>
                (PlausibilityClass.Candidate, $"{data.ColumnNames[fd.Rhs]} is the same in every row whose left side is set: it tells only whether the left side is NULL"),
            _ when OneValueWhereSet(data, fd) =>
                (PlausibilityClass.Candidate, $"{data.ColumnNames[fd.Rhs]} takes one value wherever it is set: the left side only tells the rows where it is NULL"),
            _ when evidence.SupportingGroups < FewestRepeatedGroups(data.ColumnNames, fd, hints.Columns) =>
                (PlausibilityClass.Candidate, $"only {evidence.SupportingGroups} left-side value{(evidence.SupportingGroups == 1 ? "" : "s")} repeat: too few rows to tell"),
            _ when chance > MaxAccidentChance => (PlausibilityClass.Candidate, $"could hold by chance in {n} rows (p ≈ {chance:G2})"),
            _ => (PlausibilityClass.Plausible,
                $"{evidence.SupportingGroups} repeated left-side values agree on the right (chance p ≈ {chance:G2})" + (onForeignKey ? "; the left side is a foreign key" : "")),
        };
        return new PlausibilityScore(Math.Round(score, 4), c, reason)
        {
            RepeatedLhsGroups = evidence.SupportingGroups,
            RedundantRows = evidence.RedundantRows,
            Log10AccidentChance = log10Chance,
            LengthScore = lengthScore,
            ValueLengthScore = valueLengthScore,
            PositionScore = positionScore,
            DuplicationScore = duplicationScore,
        };
    }

    /// <summary>
    /// Scores the given FDs (typically the ones a rule is about to report; each costs a pass over the rows)
    /// and orders them: Plausible first, then by score.
    /// </summary>
    public static IReadOnlyList<(DiscoveredFd Fd, PlausibilityScore Score)> Rank(
        TableData data, IEnumerable<DiscoveredFd> fds, SchemaHints? hints = null, NullSemantics nulls = NullSemantics.Equal) =>
        fds.Select(fd => (fd, Score(data, fd, hints, nulls)))
            .OrderBy(x => x.Item2.Class).ThenByDescending(x => x.Item2.Score).ThenBy(x => x.fd.Lhs).ThenBy(x => x.fd.Rhs)
            .ToList();

    private static double AverageLength(ColumnData column)
    {
        long total = 0;
        int counted = 0;
        var lengths = new int[column.Values.Length];
        for (int v = 1; v < lengths.Length; v++) lengths[v] = column.Values[v]!.Length;
        foreach (var code in column.Codes)
        {
            if (code == ColumnData.NullCode) continue;
            total += lengths[code];
            counted++;
        }
        return counted == 0 ? 0 : (double)total / counted;
    }

    /// <summary>
    /// How many repeated left-side values make an FD plausible: <see cref="MinRepeatedGroups"/>, two for a
    /// right side named for an identifier's stem on the left, one for a right side named for the whole
    /// identifier column (SizeUnitMeasureCodeName with SizeUnitMeasureCode: the name says whose fact it is, and
    /// a parent seen with a single value in the sample is still a parent).
    /// </summary>
    private static int FewestRepeatedGroups(IReadOnlyList<string> names, DiscoveredFd fd, IReadOnlyList<Model.Column>? columns)
    {
        if (fd.Lhs.Count == 1 && KeyLikeness.NamedForColumn(names[fd.Rhs], names[fd.Lhs.First()])) return 1;
        return NamedForLhs(names, fd, columns) ? 2 : MinRepeatedGroups;
    }

    /// <summary>
    /// Whether the right side has a single value besides NULL, NULL in exactly the rows where another column
    /// outside the left side is NULL, while no column of the left side is ever NULL (a territory's cost, 0 in
    /// every row that has a territory, NULL with the TerritoryID): it is a fact of that column's row, missing
    /// where the reference is, and a left side that tells the rows without a territory only "determines" where
    /// it is NULL. Without such a column (a region set for one city only) the FD is judged as any other.
    /// </summary>
    private static bool OneValueWhereSet(TableData data, DiscoveredFd fd)
    {
        var rhs = data.Columns[fd.Rhs];
        if (!rhs.HasNulls || rhs.DistinctCount != 1 || fd.Lhs.ToArray().Any(c => data.Columns[c].HasNulls)) return false;
        for (int c = 0; c < data.ColumnCount; c++)
        {
            if (c == fd.Rhs || fd.Lhs.Contains(c) || !data.Columns[c].HasNulls) continue;
            var codes = data.Columns[c].Codes;
            bool same = true;
            for (int r = 0; r < codes.Length && same; r++)
                same = (codes[r] == ColumnData.NullCode) == (rhs.Codes[r] == ColumnData.NullCode);
            if (same) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the right side takes one value in every row whose left side holds no NULL, and a value, never
    /// NULL, where it does (a flag set for every product with a subcategory, clear for the others): the FD
    /// then only says whether the reference is empty, which is no evidence that the right side is a fact of
    /// what it references. A referenced row's own column is NULL where the reference is, and is not this.
    /// </summary>
    private static bool SameWhereLhsIsSet(RowGroupCache groups, DiscoveredFd fd)
    {
        if (groups.NullLhsGroups(fd.Lhs) is not { } nullLhs) return false;
        var (ids, _) = groups.Groups(fd.Lhs);
        var column = groups.Data.Columns[fd.Rhs];
        long? seen = null;
        for (int r = 0; r < ids.Length; r++)
        {
            if (nullLhs[ids[r]])
            {
                // A referenced row's column is NULL where the reference is (a left join): that is no flag.
                if (column.Codes[r] == ColumnData.NullCode) return false;
                continue;
            }
            long code = RowGroups.Code(column, r, groups.Nulls);
            if (seen is null) seen = code;
            else if (seen != code) return false;
        }
        return seen is not null;
    }

    /// <summary>
    /// Whether the right side is named for an identifier on the left (WeightUnitMeasureCodeName with
    /// WeightUnitMeasureCode, a stem of five letters or more): the name states whose fact it is, so two
    /// repeated left-side values are evidence enough, where an unnamed column needs <see cref="MinRepeatedGroups"/>.
    /// </summary>
    private static bool NamedForLhs(IReadOnlyList<string> names, DiscoveredFd fd, IReadOnlyList<Model.Column>? columns)
    {
        foreach (var c in fd.Lhs)
        {
            if (KeyLikeness.Role(names[c], columns is not null && c < columns.Count ? columns[c] : null) != ColumnRole.Identifier) continue;
            if (KeyLikeness.Stem(names[c]) is { Length: > 4 } stem && KeyLikeness.StartsWithStem(names[fd.Rhs], stem)) return true;
        }
        return false;
    }

    /// <summary>Keys come first in a table and a dependency's columns sit together (Normalize's position feature).</summary>
    private static double Position(DiscoveredFd fd)
    {
        var all = fd.Lhs.With(fd.Rhs);
        int first = fd.Lhs.IsEmpty ? fd.Rhs : fd.Lhs.First();
        int lo = all.First();
        int hi = all.ToArray()[^1];
        int between = hi - lo + 1 - all.Count;
        return 0.5 / (1 + first) + 0.5 / (1 + between);
    }
}
