using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>An FD the rows support, with its right side gathered from every column its determinant claims.</summary>
public sealed record DesignFd(AttributeSet Lhs, AttributeSet Rhs, PlausibilityScore Score);

/// <summary>A found FD left out of the design dependencies, and why.</summary>
public sealed record CandidateFd(DiscoveredFd Fd, string Reason, double? Score);

public sealed record DesignDependencySelection(IReadOnlyList<DesignFd> Selected, IReadOnlyList<CandidateFd> Candidates);

/// <summary>
/// From the many minimal FDs a sample satisfies to the few a designer would act on. A table's rows hold
/// thousands of minimal FDs, most of them accidents: a near-unique column "determines" everything, and
/// long left sides hold because few rows share them. Design dependencies have short determinants that
/// repeat (an FK such as CustomerID, a code such as DeptCode), so:
/// <list type="number">
/// <item>only Plausible, exact FDs with at most <see cref="MaxLhs"/> columns on the left count, and none
/// whose left side holds a column the schema says cannot identify anything (a price, a date);</item>
/// <item>a left side that is a superkey in the rows says nothing a key does not;</item>
/// <item>audit columns (ModifiedDate, rowguid) describe the row, not a fact, and are never moved; nor are
/// they determinants: a parent's rowguid is one to one with the parent's key, and the key is the design;
/// computed columns follow from their formula and take no part;</item>
/// <item>determinants are ordered: a foreign key first, then fewer columns, then plausibility score,
/// with names that never serve as design keys (hashes, salts, GUIDs, audit timestamps) last; but a
/// determinant that another determines (and not back) comes before it, so that each column goes to its
/// nearest determinant (ProductID -> SupplierID -> SupplierName), unless the other is a foreign key and
/// it is not;</item>
/// <item>each determinant in that order takes every column it determines through plausible FDs that no
/// earlier one took, and
/// a determinant equivalent to an earlier one (each determines the other) is folded into it.</item>
/// </list>
/// The result is one FD per determinant (X -> everything it explains), the shape of a finding and of a
/// decomposition step. Everything else is a candidate, with the reason.
/// </summary>
public static class DesignDependencies
{
    public const int MaxLhs = 2;

    /// <summary>
    /// An FD X -> A with a part X' of X such that X' -> A holds but for at most this share of the rows
    /// (g3) is an accident: the rest of X only tells the exceptions apart.
    /// </summary>
    public const double MaxExceptionShare = 0.05;

    private static readonly string[] NonKeyNameParts =
        ["hash", "salt", "guid", "password", "modified", "created", "timestamp", "rowversion", "updated"];

    private static readonly string[] AuditNameParts = ["rowguid", "modifieddate", "createddate", "updateddate", "rowversion", "timestamp"];

    /// <param name="cancellation">The caller's time budget: the work grows with the number of FDs found, which a wide table's rows make huge.</param>
    public static DesignDependencySelection Select(
        TableData data, IReadOnlyList<DiscoveredFd> found, SchemaHints? hints = null, NullSemantics nulls = NullSemantics.Equal,
        CancellationToken cancellation = default)
    {
        hints ??= new SchemaHints();
        int columns = data.ColumnCount;
        var candidates = new List<CandidateFd>();
        var closureSet = new FunctionalDependencySet(columns, found.Where(f => f.Error == 0).Select(f => f.ToDependency()));
        var observed = data.ObservedColumns;
        // FDs come grouped by left side: one closure per left side, not one per FD.
        var uniqueLhs = new Dictionary<AttributeSet, bool>();
        var groups = new RowGroupCache(data, nulls);

        // Score the short, exact FDs; the rest are candidates without the cost of a pass over the rows.
        var scored = new List<(DiscoveredFd Fd, PlausibilityScore Score)>();
        foreach (var fd in found)
        {
            cancellation.ThrowIfCancellationRequested();
            if (hints.DeclaredKeys.Any(k => k.IsSubsetOf(fd.Lhs))) continue; // a declared key's own FD: nothing to add
            if (fd.Error > 0) candidates.Add(new(fd, $"holds only after deleting {fd.Error:P1} of the rows", null));
            else if (fd.Lhs.Count > MaxLhs) candidates.Add(new(fd, $"a left side of {fd.Lhs.Count} columns: design dependencies rarely need more than {MaxLhs}", null));
            else if (fd.Lhs.With(fd.Rhs).Overlaps(hints.Computed)) candidates.Add(new(fd, $"{(fd.Lhs.With(fd.Rhs) & hints.Computed).Format(data.ColumnNames)} is computed: its formula, not the design, makes it follow", null));
            else if (fd.Lhs.Overlaps(hints.NonIdentifying)) candidates.Add(new(fd, $"{(fd.Lhs & hints.NonIdentifying).Format(data.ColumnNames)} is a measure, date or binary value, which identifies nothing", null));
            else if (IsAudit(data, fd.Rhs) && !AuditOf(data, fd.Lhs, fd.Rhs, hints.Columns)) candidates.Add(new(fd, $"{data.ColumnNames[fd.Rhs]} is an audit column: it describes the row, not a fact to move", null));
            else if (IsUnique(fd.Lhs)) candidates.Add(new(fd, "the left side is unique in the rows: it says no more than a key would", null));
            else if (fd.Lhs.ToArray().FirstOrDefault(c => IsAudit(data, c), -1) is var stamp and >= 0)
                candidates.Add(new(fd, $"{data.ColumnNames[stamp]} is a row stamp: one to one with the row it stamps, it stands for the row, not for an entity a designer keys a table by", null));
            else scored.Add((fd, Plausibility.Score(groups, fd, hints)));
        }
        foreach (var (fd, score) in scored.Where(s => s.Score.Class != PlausibilityClass.Plausible))
            candidates.Add(new(fd, score.Reason, score.Score));

        var plausible = new List<(DiscoveredFd Fd, PlausibilityScore Score)>();
        var nullRiders = new List<DiscoveredFd>(); // exact, but their repeats are mostly NULL
        foreach (var (fd, score) in scored.Where(s => s.Score.Class == PlausibilityClass.Plausible))
        {
            cancellation.ThrowIfCancellationRequested();
            if (groups.Counts(fd.Lhs, fd.Rhs) is { NullRepeats: var nullRepeats, Repeats: var repeats } && nullRepeats * 2 > repeats)
            {
                candidates.Add(new(fd, $"the rows repeat it mostly as NULL ({nullRepeats} of {repeats} repeats)", score.Score));
                nullRiders.Add(fd);
            }
            else if (Exceptions(groups, fd) is { } smaller)
                candidates.Add(new(fd, $"{smaller.Lhs.Format(data.ColumnNames)} -> {data.ColumnNames[fd.Rhs]} holds but for {smaller.Error:P1} of the rows: the other column of the left side only tells the exceptions apart", score.Score));
            else
                plausible.Add((fd, score));
        }
        var plausibleSet = new FunctionalDependencySet(columns, plausible.Select(p => p.Fd.ToDependency()));
        var keyLikeness = new Dictionary<AttributeSet, double>();
        double KeyLike(AttributeSet lhs) =>
            keyLikeness.TryGetValue(lhs, out var v) ? v : keyLikeness[lhs] = KeyLikeness.Score(lhs, data.ColumnNames, hints.Columns, data);

        foreach (var (fd, score, reason) in SampleAccidents.Find(data, plausible, plausibleSet, hints, closureSet))
        {
            plausible.RemoveAll(p => p.Fd == fd);
            candidates.Add(new(fd, reason, score.Score));
        }
        plausibleSet = new FunctionalDependencySet(columns, plausible.Select(p => p.Fd.ToDependency()));

        var determinants = plausible
            .GroupBy(s => s.Fd.Lhs)
            .Select(g => (Lhs: g.Key, Score: g.MaxBy(s => s.Score.Score).Score))
            .OrderByDescending(d => hints.ForeignKeys.Any(fk => fk == d.Lhs))
            .ThenBy(d => d.Lhs.Count)
            .ThenBy(d => NamePenalty(data, d.Lhs))
            .ThenByDescending(d => KeyLike(d.Lhs))
            .ThenByDescending(d => d.Score.Score)
            .ThenBy(d => d.Lhs)
            .ToList();
        determinants = InnermostFirst(determinants, plausibleSet, hints.ForeignKeys, cancellation);
        determinants = IdentifierFirst(determinants, plausibleSet, hints.ForeignKeys, KeyLike, lhs => NamePenalty(data, lhs));

        var selected = new List<DesignFd>();
        var taken = AttributeSet.Empty;
        foreach (var (lhs, score) in determinants)
        {
            cancellation.ThrowIfCancellationRequested();
            var closure = plausibleSet.Closure(lhs);
            if (selected.Any(s => lhs.IsSubsetOf(plausibleSet.Closure(s.Lhs)) && s.Lhs.IsSubsetOf(closure)))
                continue; // equivalent to a determinant already chosen
            var rhs = (closure & observed) - lhs - taken;
            if (rhs.IsEmpty) continue;
            selected.Add(new DesignFd(lhs, rhs, score));
            taken |= rhs;
        }

        // A column whose only objection is that its repeats are mostly NULL (ShipRegion) goes along with a
        // determinant that other columns established (CustomerID -> ShipCity): the fact is the same one.
        for (int i = 0; i < selected.Count; i++)
        {
            var riders = AttributeSet.Empty;
            foreach (var fd in nullRiders)
                if (fd.Lhs.IsSubsetOf(selected[i].Lhs) && !taken.Contains(fd.Rhs) && !selected[i].Lhs.Contains(fd.Rhs))
                    riders = riders.With(fd.Rhs);
            if (riders.IsEmpty) continue;
            selected[i] = selected[i] with { Rhs = selected[i].Rhs | riders };
            taken |= riders;
            candidates.RemoveAll(c => nullRiders.Contains(c.Fd) && c.Fd.Lhs.IsSubsetOf(selected[i].Lhs) && riders.Contains(c.Fd.Rhs));
        }

        KeepNameFamiliesTogether(selected, data.ColumnNames, hints.Columns, plausibleSet, nullRiders);
        JoinFamiliesFromTheRest(selected, data, hints, closureSet);
        ReturnToTheirBlock(selected, data.ColumnNames, hints.Columns, closureSet);
        PlaceLeftovers(selected, data, hints, closureSet);
        var returned = BackToTheirOwner(selected, data.ColumnNames, hints.Columns, closureSet, hints.DeclaredKeys);
        // A column returned to its owner can be the neighbour a leftover waited for (MakeFlag, then FinishedGoodsFlag).
        PlaceLeftovers(selected, data, hints, closureSet, except: returned);
        StampsToTheirNamesake(selected, data.ColumnNames, hints.Columns, closureSet);

        foreach (var (fd, score) in plausible)
        {
            cancellation.ThrowIfCancellationRequested();
            if (selected.Any(s => s.Lhs == fd.Lhs && s.Rhs.Contains(fd.Rhs))) continue;
            var by = selected.FirstOrDefault(s => s.Rhs.Contains(fd.Rhs) || s.Lhs.Contains(fd.Rhs));
            candidates.Add(new(fd, returned.Contains(fd.Rhs) && (by is null || by.Lhs.Contains(fd.Rhs))
                ? $"{data.ColumnNames[fd.Rhs]} is listed among the table's own columns, away from the other columns of {fd.Lhs.Format(data.ColumnNames)}"
                : by is null
                ? "its right side is part of a chosen determinant"
                : $"a better determinant explains the same column ({by.Lhs.Format(data.ColumnNames)})", score.Score));
        }

        return new DesignDependencySelection(selected, candidates
            .OrderByDescending(c => c.Score ?? -1).ThenBy(c => c.Fd.Lhs.Count).ThenBy(c => c.Fd.Lhs).ThenBy(c => c.Fd.Rhs).ToList());

        bool IsUnique(AttributeSet lhs)
        {
            if (!uniqueLhs.TryGetValue(lhs, out bool unique))
                uniqueLhs[lhs] = unique = observed.IsSubsetOf(closureSet.Closure(lhs));
            return unique;
        }
    }

    /// <summary>
    /// The determinants in their order, except that one determined by another (ProductID -> SupplierID, and
    /// not the other way) comes before it: SupplierID then takes SupplierName, and ProductID takes SupplierID.
    /// Each column goes to its nearest determinant, as in 3NF synthesis, rather than to whichever
    /// determinant of the chain scores higher (ProductID -> SupplierName would hide the supplier table).
    /// </summary>
    private static List<(AttributeSet Lhs, PlausibilityScore Score)> InnermostFirst(
        List<(AttributeSet Lhs, PlausibilityScore Score)> ordered, FunctionalDependencySet fds, IReadOnlyCollection<AttributeSet> foreignKeys,
        CancellationToken cancellation)
    {
        int n = ordered.Count;
        var closures = ordered.Select(d => fds.Closure(d.Lhs)).ToList();
        var isForeignKey = ordered.Select(d => foreignKeys.Contains(d.Lhs)).ToList();
        // Below(i, j): j is strictly determined by i (i -> j, not j -> i), so j goes first; but a foreign key
        // keeps its place before other determinants: what it determines belongs to the table it references.
        bool Below(int i, int j) =>
            i != j && (isForeignKey[j] || !isForeignKey[i])
            && ordered[j].Lhs.IsSubsetOf(closures[i]) && !ordered[i].Lhs.IsSubsetOf(closures[j]);
        var waitsFor = new int[n];
        var above = new List<int>[n];
        for (int j = 0; j < n; j++)
        {
            cancellation.ThrowIfCancellationRequested();
            above[j] = [];
            for (int i = 0; i < n; i++)
                if (Below(i, j)) { above[j].Add(i); waitsFor[i]++; }
        }
        // Kahn's topological sort, taking the earliest determinant in the given order that waits for none.
        var ready = new SortedSet<int>(Enumerable.Range(0, n).Where(i => waitsFor[i] == 0));
        var result = new List<(AttributeSet, PlausibilityScore)>(n);
        while (ready.Count > 0)
        {
            int next = ready.Min;
            ready.Remove(next);
            result.Add(ordered[next]);
            foreach (var i in above[next])
                if (--waitsFor[i] == 0) ready.Add(i);
        }
        return result;
    }

    /// <summary>
    /// Columns named as one family (ShipName, ShipCity, ShipVia: the same first word) are facts of one
    /// entity. When a determinant took a family member whose name is not its own (CustomerID took ShipCity,
    /// because in these rows orders ship to their customer's city) while another determinant holds the rest
    /// of the family (OrderID holds ShipVia) and determines the member too, the member joins its family:
    /// that CustomerID tells ShipCity is an accident of the sample; that OrderID does is the design.
    /// </summary>
    private static void KeepNameFamiliesTogether(
        List<DesignFd> selected, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns, FunctionalDependencySet fds,
        IReadOnlyList<DiscoveredFd> nullRiders)
    {
        for (int i = 0; i < selected.Count; i++)
        {
            var stems = OwnStems(selected[i].Lhs, names, columns);
            if (stems.Count == 0) continue;
            foreach (var a in selected[i].Rhs)
            {
                if (stems.Any(stem => NamedFor(names[a], stem)) || FirstWord(names[a]) is not { } word) continue;
                for (int j = 0; j < selected.Count; j++)
                {
                    if (j == i) continue;
                    var held = (selected[j].Lhs | selected[j].Rhs) - selected[i].Rhs;
                    bool holdsFamily = held.ToArray().Any(b => b != a && string.Equals(FirstWord(names[b]), word, StringComparison.OrdinalIgnoreCase));
                    bool determines = fds.Closure(selected[j].Lhs).Contains(a)
                        || nullRiders.Any(r => r.Rhs == a && r.Lhs.IsSubsetOf(selected[j].Lhs)); // ShipRegion, mostly NULL
                    // The holder is an identifier outside the family (OrderID), not a member of it (ShipName).
                    bool outside = OwnStems(selected[j].Lhs, names, columns).Count > 0
                        && !selected[j].Lhs.ToArray().Any(b => string.Equals(FirstWord(names[b]), word, StringComparison.OrdinalIgnoreCase));
                    if (!holdsFamily || !determines || !outside) continue;
                    selected[i] = selected[i] with { Rhs = selected[i].Rhs.Without(a) };
                    selected[j] = selected[j] with { Rhs = selected[j].Rhs.With(a) };
                    break;
                }
            }
        }
        selected.RemoveAll(s => s.Rhs.IsEmpty);
    }

    /// <summary>
    /// A column that a determinant Y took from the middle of another determinant X's columns goes back to X
    /// when X determines it too, both its neighbours in the table belong to X, it is not named for Y, and Y
    /// keeps columns of its own elsewhere. In an address's territory columns (TerritoryID, Name,
    /// CountryRegionCode, Group, SalesYTD) the rows may let CountryRegionCode tell Group, but Group is listed
    /// with the territory, and the country's own columns (CountryRegionCodeName) sit apart. A determinant whose
    /// columns sit beside its identifier (DeptID, DeptName, Budget) keeps them.
    /// </summary>
    private static void ReturnToTheirBlock(
        List<DesignFd> selected, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns, FunctionalDependencySet exact)
    {
        var home = new int[names.Count];
        Array.Fill(home, -1);
        for (int j = 0; j < selected.Count; j++)
            foreach (var c in selected[j].Rhs) home[c] = j;
        var closures = selected.Select(s => exact.Closure(s.Lhs)).ToList();
        for (int a = 1; a + 1 < names.Count; a++)
        {
            int y = home[a], x = home[a - 1];
            if (y < 0 || x < 0 || x == y || home[a + 1] != x || !closures[x].Contains(a) || selected[x].Lhs.Contains(a)) continue;
            if (OwnStems(selected[y].Lhs, names, columns).Any(stem => KeyLikeness.StartsWithStem(names[a], stem))) continue;
            var rest = selected[y].Rhs.Without(a);
            if (rest.IsEmpty) continue;
            selected[y] = selected[y] with { Rhs = rest };
            selected[x] = selected[x] with { Rhs = selected[x].Rhs.With(a) };
            home[a] = x;
        }
    }

    /// <summary>
    /// Columns that a determinant Y took from among another entity's columns go back to it: a run of columns
    /// that Y holds, whose neighbours on both sides belong to one other owner X (a determinant that determines
    /// the run, or the table itself: columns no determinant took), not beside Y's identifier, none of them
    /// named for Y, while Y keeps columns of its own elsewhere. A neighbour that is itself an identifier
    /// (a reference of the table listed beside it) belongs to any owner. In a product's columns (Size,
    /// SizeUnitMeasureCode, WeightUnitMeasureCode, Weight) the rows may let the subcategory tell the size
    /// unit, but the subcategory's own columns sit apart, under its name. A run made only of references
    /// (ProductSubcategoryID before ProductModelID) is no description beside its identifier, and a neighbour no
    /// determinant took (a flag constant in the sample) counts for the owner on the other side that
    /// determines it. Returns the columns given back to the table itself.
    /// </summary>
    private static AttributeSet BackToTheirOwner(
        List<DesignFd> selected, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns, FunctionalDependencySet exact,
        IReadOnlyList<AttributeSet> declaredKeys)
    {
        var keyColumns = AttributeSet.Empty;
        foreach (var k in declaredKeys) keyColumns |= k;
        const int Table = -1, Any = -2;
        var toTable = AttributeSet.Empty;
        var home = new int[names.Count];
        Array.Fill(home, Table);
        var identifiers = AttributeSet.Empty;
        for (int j = 0; j < selected.Count; j++)
        {
            foreach (var c in selected[j].Rhs) home[c] = j;
            identifiers |= selected[j].Lhs;
        }
        var closures = selected.Select(s => exact.Closure(s.Lhs)).ToList();
        var runs = new List<(int Owner, int Start, int End)>();
        for (int a = 0; a < names.Count;)
        {
            int end = a;
            while (end + 1 < names.Count && home[end + 1] == home[a]) end++;
            if (home[a] >= 0) runs.Add((home[a], a, end));
            a = end + 1;
        }
        foreach (var (y, start, end) in runs)
        {
            int before = start - 1, after = end + 1;
            if (before < 0 || after >= names.Count) continue;
            // A reference beside its description keeps it (ProductID, ProductName; Phone, CustomerID; EmployeeID,
            // TerritoryID, LastName: other identifiers between them do not count).
            // A run of references (ProductSubcategoryID before ProductModelID) is listed with the table's other
            // references, so standing beside Y's identifier says nothing of whose it is.
            bool references = Enumerable.Range(start, end - start + 1).All(c => IsIdentifier(c));
            if (!references && (BesideIdentifierOf(y, before, -1) || BesideIdentifierOf(y, after, +1))) continue;
            int left = Owner(before), right = Owner(after);
            // A column no determinant took (a flag constant in the sample) sides with a neighbouring owner that
            // determines it: it does not break the owner's block.
            if (left >= 0 && right == Table && Unclaimed(after, left)) right = left;
            if (right >= 0 && left == Table && Unclaimed(before, right)) left = right;
            int x = left == Any ? right : right == Any || right == left ? left : Any;
            if (x == Any || x == y) continue;
            var run = AttributeSet.Empty;
            for (int c = start; c <= end; c++) run = run.With(c);
            var rest = selected[y].Rhs - run;
            if (rest.IsEmpty) continue;
            if (x >= 0 && (!run.IsSubsetOf(closures[x]) || run.Overlaps(selected[x].Lhs))) continue;
            var stems = OwnStems(selected[y].Lhs, names, columns);
            if (run.ToArray().Any(c => stems.Any(stem => NamedFor(names[c], stem)))) continue;
            selected[y] = selected[y] with { Rhs = rest };
            if (x >= 0) selected[x] = selected[x] with { Rhs = selected[x].Rhs | run };
            else toTable |= run;
            foreach (var c in run) home[c] = x;
        }
        selected.RemoveAll(s => s.Rhs.IsEmpty);
        return toTable;

        int Owner(int c) => identifiers.Contains(c) ? Any : home[c];

        bool IsIdentifier(int c) => KeyLikeness.Role(names[c], columns is not null && c < columns.Count ? columns[c] : null) == ColumnRole.Identifier;

        bool Unclaimed(int c, int owner) => home[c] == Table && !keyColumns.Contains(c) && !IsIdentifier(c) && closures[owner].Contains(c);

        bool BesideIdentifierOf(int y, int c, int step)
        {
            for (; c >= 0 && c < names.Count; c += step)
            {
                if (selected[y].Lhs.Contains(c)) return true;
                var column = columns is not null && c < columns.Count ? columns[c] : null;
                if (KeyLikeness.Role(names[c], column) != ColumnRole.Identifier) return false;
            }
            return false;
        }
    }

    /// <summary>
    /// A column no determinant took, such as a value constant in the sample (TPC-H's o_shippriority: every
    /// set of columns determines it, so no FD can show whose fact it is), joins its name family when exactly
    /// one chosen determinant holds other members of the family and determines it in the rows. Key, computed
    /// and the table's own audit columns stay.
    /// </summary>
    private static void JoinFamiliesFromTheRest(List<DesignFd> selected, TableData data, SchemaHints hints, FunctionalDependencySet exact)
    {
        var names = data.ColumnNames;
        var placed = AttributeSet.Empty;
        foreach (var s in selected) placed |= s.Lhs | s.Rhs;
        foreach (var k in hints.DeclaredKeys) placed |= k;
        var closures = selected.Select(s => exact.Closure(s.Lhs)).ToList();
        foreach (var a in data.ObservedColumns - placed - hints.Computed)
        {
            if (FirstWord(names[a]) is not { } word) continue;
            var homes = Enumerable.Range(0, selected.Count).Where(j =>
                    closures[j].Contains(a)
                    && OwnStems(selected[j].Lhs, names, hints.Columns).Count > 0
                    && !selected[j].Lhs.ToArray().Any(b => string.Equals(FirstWord(names[b]), word, StringComparison.OrdinalIgnoreCase))
                    && selected[j].Rhs.ToArray().Any(b => string.Equals(FirstWord(names[b]), word, StringComparison.OrdinalIgnoreCase))
                    && (!IsAudit(data, a) || AuditOf(data, selected[j].Lhs, a, hints.Columns)))
                .ToList();
            if (homes.Count != 1) continue;
            selected[homes[0]] = selected[homes[0]] with { Rhs = selected[homes[0]].Rhs.With(a) };
        }
    }

    /// <summary>
    /// A column no determinant took, because every column determines it in the rows (a value constant in
    /// the sample: a parent's ModifiedDate, a cost of 0, a date never set) or because too few rows repeat it
    /// to tell (a flag, a state), joins a chosen determinant that determines it in the rows when
    /// <list type="bullet">
    /// <item>it is a row stamp whose name carries the stem of the determinant's identifier
    /// (StateProvinceCountryRegionCodeModifiedDate with StateProvinceCountryRegionCode; the longest stem wins
    /// over StateProvinceID);</item>
    /// <item>any other column: it sits among that determinant's columns: the nearest taken columns before and after it (or the
    /// one before, at the end of the table) belong to it, or the one before is a row stamp and the one after
    /// belongs to it (an entity's stamps come last: an order's date constant in the sample, listed after the
    /// product's ModifiedDate and before the order's ShipDate, is the order's). A table lists an entity's
    /// columns together; a column between two entities' columns stays where it is.</item>
    /// </list>
    /// Key and computed columns stay, and so do the table's own audit columns, which name no entity.
    /// </summary>
    private static void PlaceLeftovers(List<DesignFd> selected, TableData data, SchemaHints hints, FunctionalDependencySet exact,
        AttributeSet except = default)
    {
        if (selected.Count == 0) return;
        var names = data.ColumnNames;
        // A determinant's own column that no right side took (pub_id beside a title's columns) is placed too.
        var taken = AttributeSet.Empty;
        foreach (var s in selected) taken |= s.Rhs;
        foreach (var k in hints.DeclaredKeys) taken |= k;
        var leftovers = data.ObservedColumns - taken - hints.Computed - except;
        if (leftovers.IsEmpty) return;
        var closures = selected.Select(s => exact.Closure(s.Lhs)).ToList();
        // The determinant whose right side holds each column, -1 for the rest (keys, the table's own columns).
        var home = new int[names.Count];
        Array.Fill(home, -1);
        for (int j = 0; j < selected.Count; j++)
            foreach (var c in selected[j].Rhs) home[c] = j;

        var moves = new List<(int Column, int To)>();
        foreach (var a in leftovers)
        {
            var homes = Enumerable.Range(0, selected.Count).Where(j => closures[j].Contains(a) && !selected[j].Lhs.Contains(a)).ToList();
            if (homes.Count == 0) continue;
            int to = -1;
            if (IsAudit(data, a)) to = NamedHome(names[a], homes, selected, names, hints.Columns);
            else
            {
                int before = Neighbour(a, -1), after = Neighbour(a, +1);
                int left = before < 0 ? -1 : home[before];
                int right = after < 0 ? -1 : home[after];
                bool rightAgrees = after < 0 || right == left;
                if (left >= 0 && rightAgrees && homes.Contains(left)) to = left;
                // A row stamp closes its entity's columns: what follows it opens the next entity's. Not a column
                // that is NULL in every row (nothing says whose it is) or that is named for another identifier.
                else if (before >= 0 && IsAudit(data, before) && right >= 0 && !IsAudit(data, after) && homes.Contains(right)
                         && data.Columns[a].DistinctCount > 0 && !NamedForAnotherIdentifier(a, selected[right].Lhs)) to = right;
            }
            if (to >= 0) moves.Add((a, to));
        }
        foreach (var (a, to) in moves)
            selected[to] = selected[to] with { Rhs = selected[to].Rhs.With(a) };

        bool NamedForAnotherIdentifier(int column, AttributeSet lhs)
        {
            for (int c = 0; c < names.Count; c++)
                if (c != column && !lhs.Contains(c) && KeyLikeness.Role(names[c], hints.Columns is { } cols && c < cols.Count ? cols[c] : null) == ColumnRole.Identifier
                    && KeyLikeness.Stem(names[c]) is { Length: > 4 } stem && KeyLikeness.StartsWithStem(names[column], stem))
                    return true;
            return false;
        }

        // The nearest column on one side that is not itself left over (-1 past the table's edge).
        int Neighbour(int column, int step)
        {
            for (int c = column + step; c >= 0 && c < names.Count; c += step)
                if (!leftovers.Contains(c)) return c;
            return -1;
        }
    }

    /// <summary>The determinant among <paramref name="homes"/> whose identifier's stem names the stamp (<see cref="StampNaming"/>), the longest stem first; -1 when none.</summary>
    private static int NamedHome(string name, List<int> homes, List<DesignFd> selected, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns)
    {
        int best = -1, bestLength = 0;
        foreach (var j in homes)
            if (StampNaming(name, selected[j].Lhs, names, columns) is var length && length > bestLength)
                (best, bestLength) = (j, length);
        return best;
    }

    /// <summary>
    /// How closely a stamp's name names a determinant: the length of the longest stem of the determinant's
    /// identifiers that starts the name (ProductModifiedDate with ProductID) or, five letters or more, ends the
    /// entity it is named for (SalesPersonTerritoryModifiedDate with TerritoryID; StateProvinceCountryRegionCodeModifiedDate,
    /// named for a reference CountryRegionCode under its role, with CountryRegionCode); 0 when none does.
    /// </summary>
    private static int StampNaming(string name, AttributeSet lhs, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns)
    {
        if (StampOwner(name) is not { Length: > 0 } owner) return 0;
        var ownerStem = KeyLikeness.Role(owner, null) == ColumnRole.Identifier ? KeyLikeness.Stem(owner) : null;
        // An entity with an identifier of its own in the table (SizeUnitMeasureCode) is that row, not another
        // reference to the same kind of entity (UnitMeasureCode).
        bool ownIdentifier = names.Any(n => StampOwner(n) is null && KeyLikeness.Role(n, null) == ColumnRole.Identifier
            && (n.Equals(owner, StringComparison.OrdinalIgnoreCase) || string.Equals(KeyLikeness.Stem(n), owner, StringComparison.OrdinalIgnoreCase)));
        int best = 0;
        foreach (var stem in OwnStems(lhs, names, columns))
        {
            bool starts = KeyLikeness.StartsWithStem(name, stem);
            bool ends = stem.Length > 4 && !ownIdentifier && (owner.EndsWith(stem, StringComparison.OrdinalIgnoreCase)
                                                             || ownerStem?.EndsWith(stem, StringComparison.OrdinalIgnoreCase) == true);
            if ((starts || ends) && stem.Length > best) best = stem.Length;
        }
        return best;
    }

    /// <summary>
    /// A parent's stamp placed with one determinant goes to another that determines it in the rows and whose
    /// identifier names it more closely (<see cref="StampNaming"/>): a stamp constant in the sample
    /// (SalesPersonTerritoryModifiedDate) may have joined TerritoryID's columns by its first word, but
    /// SalesPersonTerritoryID is its row. Only a one-column determinant takes it: a joined parent is referenced
    /// by its identifier alone, and a pair such as (ProductSubcategoryID, Status) is the sample's, not a row's.
    /// </summary>
    private static void StampsToTheirNamesake(
        List<DesignFd> selected, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns, FunctionalDependencySet exact)
    {
        if (selected.Count < 2) return;
        var closures = selected.Select(s => exact.Closure(s.Lhs)).ToList();
        for (int j = 0; j < selected.Count; j++)
            foreach (var a in selected[j].Rhs)
            {
                if (StampOwner(names[a]) is not { Length: > 0 }) continue;
                int to = j, best = StampNaming(names[a], selected[j].Lhs, names, columns);
                for (int k = 0; k < selected.Count; k++)
                    if (k != j && selected[k].Lhs.Count == 1 && closures[k].Contains(a) && !selected[k].Lhs.Contains(a)
                        && StampNaming(names[a], selected[k].Lhs, names, columns) is var length && length > best)
                        (to, best) = (k, length);
                if (to == j) continue;
                selected[j] = selected[j] with { Rhs = selected[j].Rhs.Without(a) };
                selected[to] = selected[to] with { Rhs = selected[to].Rhs.With(a) };
            }
        selected.RemoveAll(s => s.Rhs.IsEmpty);
    }

    /// <summary>The stems of the identifiers in a determinant (Customer of CustomerID, c of c_custkey).</summary>
    private static List<string> OwnStems(AttributeSet lhs, IReadOnlyList<string> names, IReadOnlyList<Model.Column>? columns) =>
        lhs.ToArray()
            .Where(c => KeyLikeness.Role(names[c], columns is not null && c < columns.Count ? columns[c] : null) == ColumnRole.Identifier)
            .Select(c => KeyLikeness.Stem(names[c]))
            .OfType<string>()
            .ToList();

    /// <summary>Whether a name carries the stem: as its prefix for short stems (c_name), anywhere for words (SalesTerritoryName).</summary>
    private static bool NamedFor(string name, string stem) =>
        stem.Length <= 4 ? KeyLikeness.HasStem(name, stem) : name.Contains(stem, StringComparison.OrdinalIgnoreCase);

    private static string? FirstWord(string name) => KeyLikeness.Words(name) is { Count: > 1 } words ? words[0] : null;

    /// <summary>
    /// Among determinants equivalent in the rows (each determines the other: CustomerID and Phone), the one
    /// that reads as an identifier (<see cref="KeyLikeness"/>) takes the place of the first of them, so that it
    /// is the one chosen and the others fold into it. A declared foreign key stays the choice of its class.
    /// </summary>
    private static List<(AttributeSet Lhs, PlausibilityScore Score)> IdentifierFirst(
        List<(AttributeSet Lhs, PlausibilityScore Score)> ordered, FunctionalDependencySet fds,
        IReadOnlyCollection<AttributeSet> foreignKeys, Func<AttributeSet, double> keyLike, Func<AttributeSet, int> namePenalty)
    {
        var closures = ordered.Select(d => fds.Closure(d.Lhs)).ToList();
        var placed = new bool[ordered.Count];
        var result = new List<(AttributeSet, PlausibilityScore)>(ordered.Count);
        for (int i = 0; i < ordered.Count; i++)
        {
            if (placed[i]) continue;
            var members = Enumerable.Range(i, ordered.Count - i)
                .Where(j => !placed[j] && ordered[j].Lhs.IsSubsetOf(closures[i]) && ordered[i].Lhs.IsSubsetOf(closures[j]))
                .ToList();
            int best = members
                .OrderByDescending(j => foreignKeys.Contains(ordered[j].Lhs))
                .ThenBy(j => namePenalty(ordered[j].Lhs))
                .ThenByDescending(j => keyLike(ordered[j].Lhs))
                .ThenBy(j => ordered[j].Lhs.Count)
                .ThenBy(j => j)
                .First();
            foreach (var j in members) placed[j] = true;
            result.Add(ordered[best]);
            foreach (var j in members.Where(j => j != best)) result.Add(ordered[j]);
        }
        return result;
    }

    /// <summary>A part of the left side that determines the right side but for a few rows, if any.</summary>
    private static (AttributeSet Lhs, double Error)? Exceptions(RowGroupCache groups, DiscoveredFd fd)
    {
        if (fd.Lhs.Count < 2) return null;
        foreach (var b in fd.Lhs)
        {
            var smaller = fd.Lhs.Without(b);
            double g3 = groups.Counts(smaller, fd.Rhs).Error;
            if (g3 > 0 && g3 <= MaxExceptionShare) return (smaller, g3);
        }
        return null;
    }

    /// <summary>
    /// The entity a row stamp (rowguid, ModifiedDate) is named for: "" for the table's own stamps,
    /// "Employee" for Employee_rowguid and EmployeeModifiedDate; null for a column that is no stamp.
    /// </summary>
    public static string? StampOwner(string name)
    {
        var lower = name.ToLowerInvariant();
        int at = AuditNameParts.Select(part => lower.IndexOf(part, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return at < 0 ? null : name[..at].TrimEnd('_');
    }

    private static bool IsAudit(TableData data, int column) => StampOwner(data.ColumnNames[column]) is not null;

    /// <summary>
    /// Whether an audit column is named for the entity an identifier on the left stands for: a wide table
    /// that joined a parent keeps the parent's row stamps under its name (ProductModifiedDate, Product_rowguid,
    /// SalesTerritoryModifiedDate beside TerritoryID), and they belong to the parent's table like its other
    /// columns. The table's own stamps (ModifiedDate) name no entity and stay.
    /// </summary>
    private static bool AuditOf(TableData data, AttributeSet lhs, int column, IReadOnlyList<Model.Column>? columns)
    {
        if (StampOwner(data.ColumnNames[column]) is not { Length: > 0 } owner) return false;
        foreach (var c in lhs)
        {
            var column0 = columns is not null && c < columns.Count ? columns[c] : null;
            if (KeyLikeness.Role(data.ColumnNames[c], column0) != ColumnRole.Identifier) continue;
            if (KeyLikeness.Stem(data.ColumnNames[c]) is not { Length: > 1 } stem) continue;
            if (owner.StartsWith(stem, StringComparison.OrdinalIgnoreCase) || owner.EndsWith(stem, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>1 when a column on the left has a name that never serves as a design key, else 0.</summary>
    private static int NamePenalty(TableData data, AttributeSet lhs)
    {
        foreach (var c in lhs)
        {
            var name = data.ColumnNames[c].ToLowerInvariant();
            if (NonKeyNameParts.Any(name.Contains)) return 1;
        }
        return 0;
    }
}
