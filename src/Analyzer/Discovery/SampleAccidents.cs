using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// FDs that hold in the rows because of how the sample was drawn, not because of the design. A wide table
/// joins several entities, and a column of one can "determine" a column of another in the rows: orders
/// ship to their customer's city (ShipCity -> City), a customer's balance happens to tell its market segment
/// (c_acctbal -> c_mktsegment), all products of a category happen to cost the same. Each such X -> A has a
/// better explanation in the same rows: an identifier Y that determines both X and A (CustomerID -> ShipCity,
/// CustomerID -> City). A is then the fact of Y, and X -> A a coincidence among Y's facts, when
/// <list type="bullet">
/// <item>X only describes (every column of X is free text or a measure: a city, a balance): a
/// description of Y that happens to pin down another description of Y; or</item>
/// <item>A's name belongs to Y's entity and not to X's (ProductUnitPrice with ProductID, not CategoryID), and
/// the table does not list A among X's columns (ProductCategoryID beside ProductSubcategoryName is the
/// subcategory's reference, although its name starts with Product); or</item>
/// <item>X identifies nothing by its name, one of X and A is a measure, and A determines X back
/// (ReorderPoint and SafetyStockLevel, one a fixed share of the other): two quantities of Y that correspond
/// one to one, which no designer puts in a table of their own (ShipVia and ShipperCompanyName, also one to
/// one, are a reference and a name, not quantities). Here Y may be the table's own key (declared, or an
/// identifier unique in the rows): in a product table the product's two quantities are the product's too.</item>
/// </list>
/// An identifier X determined by Y that determines a column of its own (ProductID -> SupplierID ->
/// SupplierName) is the nearest determinant of a chain and keeps it.
/// </summary>
internal static class SampleAccidents
{
    public static List<(DiscoveredFd Fd, PlausibilityScore Score, string Reason)> Find(
        TableData data, IReadOnlyList<(DiscoveredFd Fd, PlausibilityScore Score)> plausible, FunctionalDependencySet fds,
        SchemaHints hints, FunctionalDependencySet exact)
    {
        var names = data.ColumnNames;
        bool IsForeignKey(AttributeSet s) => hints.ForeignKeys.Any(fk => fk == s);
        bool Identifies(AttributeSet s) => IsForeignKey(s) || KeyLikeness.HasIdentifier(s, names, hints.Columns);
        bool IsMeasure(int c) => KeyLikeness.Role(names[c], hints.Columns is { } cols && c < cols.Count ? cols[c] : null) == ColumnRole.Measure;
        var lhsByRhs = plausible.GroupBy(p => p.Fd.Rhs).ToDictionary(g => g.Key, g => g.Select(p => p.Fd.Lhs).Distinct().ToList());
        var closures = new Dictionary<AttributeSet, AttributeSet>();
        AttributeSet Closure(AttributeSet s) => closures.TryGetValue(s, out var c) ? c : closures[s] = fds.Closure(s);

        var result = new List<(DiscoveredFd, PlausibilityScore, string)>();
        AttributeSet? tableKey = null;
        foreach (var (fd, score) in plausible)
        {
            var x = fd.Lhs;
            if (IsForeignKey(x)) continue;
            bool xDescribes = KeyLikeness.IsDescriptiveOnly(x, names, hints.Columns);
            bool oneToOne = !Identifies(x) && (IsMeasure(fd.Rhs) || x.ToArray().Any(IsMeasure))
                && x.IsSubsetOf(exact.Closure(AttributeSet.Single(fd.Rhs)));
            bool explained = false;
            foreach (var y in lhsByRhs[fd.Rhs])
            {
                if (y == x || !Identifies(y) || !x.IsSubsetOf(Closure(y)) || y.IsSubsetOf(Closure(x))) continue;
                string a = names[fd.Rhs];
                string? reason = null;
                if (xDescribes)
                    reason = $"{y.Format(names)} determines both {x.Format(names)} and {a}: that {x.Format(names)} tells {a} in these rows " +
                             $"looks like an accident of the sample ({x.Format(names)} describes, it identifies nothing)";
                else if (oneToOne)
                    reason = $"{y.Format(names)} determines both {x.Format(names)} and {a}, and {a} determines {x.Format(names)} back: " +
                             $"two descriptions of one entity that correspond one to one in these rows, not a table of their own";
                else if (BelongsTo(a, y, names) && !BelongsTo(a, x, names) && !ListedWith(fd.Rhs, x, names))
                    reason = $"{a} belongs with {y.Format(names)} by its name, and {y.Format(names)} determines it and {x.Format(names)}: " +
                             $"that {x.Format(names)} tells {a} in these rows looks like an accident of the sample";
                if (reason is null) continue;
                result.Add((fd, score, reason));
                explained = true;
                break;
            }
            // The table's own key is such a Y too (a product's ReorderPoint and SafetyStockLevel in the product
            // table itself): its FDs are no design dependencies, so it never appears among the left sides above.
            // Not when X tells an identifier: then X and A describe what it identifies (a territory's SalesYTD).
            if (oneToOne && !explained && !KeyLikeness.HasIdentifier(Closure(x) - x, names, hints.Columns)
                && (tableKey ??= TableKey()) is { IsEmpty: false } key)
                result.Add((fd, score, $"{key.Format(names)} identifies the row and determines both {x.Format(names)} and {names[fd.Rhs]}, " +
                                       $"and {names[fd.Rhs]} determines {x.Format(names)} back: two descriptions of one entity that correspond one to one in these rows, not a table of their own"));
        }
        return result;

        // A declared key named as an identifier, else an identifier column unique in the rows; empty when none.
        AttributeSet TableKey()
        {
            foreach (var k in hints.DeclaredKeys)
                if (KeyLikeness.HasIdentifier(k, names, hints.Columns)) return k;
            var observed = data.ObservedColumns;
            for (int c = 0; c < names.Count; c++)
            {
                var single = AttributeSet.Single(c);
                if (KeyLikeness.HasIdentifier(single, names, hints.Columns) && observed.IsSubsetOf(exact.Closure(single))) return single;
            }
            return AttributeSet.Empty;
        }
    }

    /// <summary>Whether a column's name starts with the stem of one of the set's identifier columns (CustomerCity and CustomerID).</summary>
    private static bool BelongsTo(string column, AttributeSet set, IReadOnlyList<string> names) =>
        set.ToArray().Any(c => KeyLikeness.Stem(names[c]) is { } stem && KeyLikeness.HasStem(column, stem));

    /// <summary>
    /// Whether a column beside the given one is named for one of the set's identifiers: the table lists it
    /// among that entity's columns (ProductCategoryID before ProductSubcategoryName: the subcategory's
    /// reference, although its name starts with Product).
    /// </summary>
    private static bool ListedWith(int column, AttributeSet set, IReadOnlyList<string> names)
    {
        var stems = set.ToArray().Select(c => KeyLikeness.Stem(names[c])).OfType<string>().Where(s => s.Length > 4).ToList();
        bool Named(int c) => c >= 0 && c < names.Count && !set.Contains(c) && stems.Any(stem => KeyLikeness.StartsWithStem(names[c], stem));
        return Named(column - 1) || Named(column + 1);
    }
}
