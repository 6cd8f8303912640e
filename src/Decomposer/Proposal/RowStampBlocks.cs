using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Inputs;

namespace SchemaNorm.Decomposer.Proposal;

/// <summary>
/// Separates entities that share a key by their row stamps. No dependency in the rows tells apart two
/// tables with one key (a salesperson and the employee it is), but each source row carries its own stamps
/// (rowguid, ModifiedDate), and a wide table keeps a parent's under the parent's name (Employee_rowguid,
/// EmployeeModifiedDate): two stamp groups in one proposed table are two source rows. The table's columns
/// are cut into blocks, each ending at a stamp group (a table lists an entity's columns together, its
/// stamps last), a column named for a group's entity going to that group wherever it is listed. A block
/// takes as key the identifier its stamps are named for (Address → AddressID, BillToAddress →
/// BillToAddressID) when that column determines the block in the rows, else the table's key; so every new
/// table is keyed by a key that determines it and the split is lossless. A block keyed by an identifier
/// that another table of the proposal is already keyed by joins that table.
/// </summary>
internal static class RowStampBlocks
{
    public sealed record Outcome(
        List<(AttributeSet Columns, ComponentOrigin Origin)> Components, List<FunctionalDependency> Added, List<string> Notes);

    /// <param name="keyOf">The key the proposal would give a table of these columns under these dependencies (with its preferred key).</param>
    public static Outcome Separate(
        IReadOnlyList<(AttributeSet Columns, ComponentOrigin Origin)> components, DependencySpace space, TableFacts facts,
        FunctionalDependencySet preserve, Func<DependencySpace, AttributeSet, AttributeSet?, AttributeSet> keyOf)
    {
        var state = new State(components.ToList(), space, facts, preserve, keyOf);
        // First the blocks of another table's stamped row that a split left behind go to that table (a vendor's
        // BusinessEntity stamps beside the order, while VendorID keys the vendor's table); then every table
        // with two stamp groups is cut into its blocks.
        for (int round = 0; round < 4 * components.Count && state.MoveOne(); round++) { }
        for (int i = 0; i < state.Components.Count; i++)
            i += state.Cut(i) - 1;
        return new Outcome(state.Components, state.Added, state.Notes);
    }

    private sealed class State(
        List<(AttributeSet Columns, ComponentOrigin Origin)> components, DependencySpace space, TableFacts facts,
        FunctionalDependencySet preserve, Func<DependencySpace, AttributeSet, AttributeSet?, AttributeSet> keyOf)
    {
        private readonly IReadOnlyList<string> _names = facts.Names;
        private readonly DependencySpace _given = space;
        private DependencySpace _space = space;
        private FunctionalDependencySet _preserve = preserve;

        public List<(AttributeSet Columns, ComponentOrigin Origin)> Components { get; private set; } = components;
        public List<FunctionalDependency> Added { get; } = [];
        public List<string> Notes { get; } = [];

        /// <summary>
        /// Moves one block of a parent's stamped row, whose name gives no identifier of its table, to the other
        /// table whose key is in its table and determines it in the rows, repeated in at least two groups:
        /// the one holding the identifier the stamps are named for, else the only one. Whether anything moved.
        /// </summary>
        public bool MoveOne()
        {
            for (int i = 0; i < Components.Count; i++)
            {
                var (columns, origin) = Components[i];
                var groups = StampGroups.Of(columns, _names);
                if (groups.Count < 2) continue;
                var key = keyOf(_space, columns, origin.PreferredKey);
                foreach (var (owner, block) in Blocks(columns, groups, key, _names))
                {
                    if (owner.Length == 0 || BlockKey(owner, block, columns, key, out _) != key) continue;
                    var rest = columns - block;
                    var candidates = new List<(int Table, AttributeSet Key, bool Named)>();
                    for (int j = 0; j < Components.Count; j++)
                    {
                        if (j == i) continue;
                        var other = keyOf(_space, Components[j].Columns, Components[j].Origin.PreferredKey);
                        if (other.IsEmpty || other == key || !other.IsSubsetOf(rest)) continue;
                        if (!facts.HasData || !Supported(columns, other, block - other)) continue;
                        bool named = NamedIdentifier(owner, Components[j].Columns, _names) is { } id
                                     && DeterminesInRows(facts, AttributeSet.Single(id), block);
                        candidates.Add((j, other, named));
                    }
                    // The table that holds the identifier the stamps are named for; else the only one.
                    var chosen = candidates.Where(c => c.Named).ToList() is { Count: > 0 } withName ? withName : candidates;
                    if (chosen.Count != 1) continue;
                    var (best, bestKey, _) = chosen[0];
                    if (best < 0) continue;
                    var next = Components.ToList();
                    next[i] = (rest, origin);
                    next[best] = (Components[best].Columns | block, Components[best].Origin);
                    var fds = _space.Determines(bestKey, block) ? [] : new List<FunctionalDependency> { new(bestKey, block) };
                    if (!Accept(next, fds)) continue;
                    Notes.Add($"the row stamps {groups[owner].Format(_names)} and the columns listed with them ({block.Format(_names)}) belong to the row {bestKey.Format(_names)} identifies: moved to its table");
                    return true;
                }
            }
            return false;
        }

        /// <summary>Cuts the table at <paramref name="i"/> into one table per stamp group; how many tables took its place.</summary>
        public int Cut(int i)
        {
            var (columns, origin) = Components[i];
            var groups = StampGroups.Of(columns, _names);
            if (groups.Count < 2) return 1;
            var key = keyOf(_space, columns, origin.PreferredKey);

            var parts = new List<(string Owner, AttributeSet Key, AttributeSet Columns)>();
            var newFds = new List<FunctionalDependency>();
            foreach (var (owner, block) in Blocks(columns, groups, key, _names))
            {
                var blockKey = BlockKey(owner, block, columns, key, out bool fromRows);
                if (fromRows) newFds.Add(new FunctionalDependency(blockKey, block - blockKey));
                parts.Add((owner, blockKey, block | blockKey));
            }
            int main = parts.FindIndex(p => p.Owner.Length == 0 && p.Key == key);
            if (main < 0) main = parts.FindIndex(p => p.Key == key);
            if (main < 0) return 1;
            // An identifier keying a block stays, as the reference, in the table that keeps the key.
            for (int p = 0; p < parts.Count; p++)
                if (parts[p].Key != key && !parts.Any(q => q.Key == key && parts[p].Key.IsSubsetOf(q.Columns)))
                    parts[main] = parts[main] with { Columns = parts[main].Columns | parts[p].Key };

            var others = Components.Where((_, j) => j != i).ToList();
            var replaced = new Dictionary<int, AttributeSet>();
            var made = new List<(AttributeSet Columns, ComponentOrigin Origin)>();
            for (int p = 0; p < parts.Count; p++)
            {
                var (owner, partKey, partColumns) = parts[p];
                if (p == main)
                {
                    made.Insert(0, (partColumns, origin with { PreferredKey = key, NameHint = owner.Length > 0 && !origin.Remainder ? owner : origin.NameHint }));
                    continue;
                }
                // A block keyed like another table of the proposal (a parent's identifier) joins it, unless
                // that table holds another entity's stamps.
                int same = partKey == key ? -1 : others.FindIndex(o => keyOf(_space, o.Columns, o.Origin.PreferredKey) == partKey
                    && StampGroups.Of(o.Columns, _names).Keys.All(g => g.Equals(owner, StringComparison.OrdinalIgnoreCase)));
                if (same >= 0)
                {
                    replaced[same] = (replaced.TryGetValue(same, out var r) ? r : others[same].Columns) | partColumns;
                    continue;
                }
                made.Add((partColumns, new ComponentOrigin(
                    $"{groups[owner].Format(_names)} stamp a row of {(owner.Length == 0 ? "the table itself" : owner)}, one of the rows whose stamps ({columns.Format(_names)}) held",
                    partKey, false, null) { NameHint = owner.Length > 0 ? owner : null }));
            }
            var next = others.Select((o, j) => replaced.TryGetValue(j, out var c) ? (Columns: c, o.Origin) : o).ToList();
            next.InsertRange(Math.Min(i, next.Count), made);
            if (!Accept(next, newFds)) return 1;
            Notes.Add($"({columns.Format(_names)}) held the row stamps of {groups.Count} rows ({string.Join("; ", groups.Values.Select(g => g.Format(_names)))}): one table per stamped row");
            return made.Count;
        }

        /// <summary>
        /// The key of a stamp group's block: the identifier its entity names (<see cref="NamedIdentifier"/>) when
        /// it determines the block (with <paramref name="fromRows"/> when only the rows say so), else the table's key.
        /// </summary>
        private AttributeSet BlockKey(string owner, AttributeSet block, AttributeSet columns, AttributeSet key, out bool fromRows)
        {
            fromRows = false;
            if (owner.Length == 0 || NamedIdentifier(owner, columns, _names) is not { } id) return key;
            var x = AttributeSet.Single(id);
            if (x == key) return key;
            if (_space.Determines(x, block)) return x;
            if (!facts.HasData || !DeterminesInRows(facts, x, block - x)) return key;
            fromRows = true;
            return x;
        }

        /// <summary>Whether <paramref name="x"/> determines <paramref name="y"/> in the table's rows, with at least two repeated values of x.</summary>
        private bool Supported(AttributeSet columns, AttributeSet x, AttributeSet y)
        {
            var g = facts.Rows(columns).Groups(x, y);
            return g.RepeatedGroups >= 2 && g.ConsistentRepeatedGroups == g.RepeatedGroups && DeterminesInRows(facts, x, y);
        }

        /// <summary>Takes <paramref name="next"/> (with the FDs it rests on) unless it loses a dependency the proposal kept enforceable.</summary>
        private bool Accept(List<(AttributeSet Columns, ComponentOrigin Origin)> next, List<FunctionalDependency> fds)
        {
            var extended = fds.Count == 0 ? _preserve : new FunctionalDependencySet(_preserve.AttributeCount, [.. _preserve, .. fds]);
            var before = DependencyPreservation.LostDependencies(_preserve, Components.Select(c => c.Columns).ToList()).ToHashSet();
            if (DependencyPreservation.LostDependencies(extended, next.Select(c => c.Columns).ToList()).Any(fd => !before.Contains(fd))) return false;
            if (fds.Count > 0)
            {
                Added.AddRange(fds);
                _preserve = extended;
                _space = new DependencySpace(_given.AttributeCount, [.. _given.Fds, .. Added], _given.Mvds, _given.Jds, _given.Limits);
            }
            Components = next;
            return true;
        }
    }

    /// <summary>
    /// The columns of each stamp group's block: a column named for a group's entity goes to that group (the
    /// longest name first); any other to the first group listed at or after it, past the last group to the last.
    /// Identifiers (AddressTypeID beside the Address columns) are references listed among their table's
    /// columns: they stay where they are listed.
    /// </summary>
    private static List<(string Owner, AttributeSet Block)> Blocks(
        AttributeSet columns, Dictionary<string, AttributeSet> groups, AttributeSet key, IReadOnlyList<string> names)
    {
        var order = groups.OrderBy(g => g.Value.ToArray().Max()).Select(g => g.Key).ToList();
        var blocks = order.ToDictionary(o => o, o => groups[o], StringComparer.OrdinalIgnoreCase);
        var stamped = groups.Values.Aggregate(AttributeSet.Empty, (a, b) => a | b);
        var namedIdentifiers = order.Where(o => o.Length > 0)
            .Select(o => NamedIdentifier(o, columns, names)).OfType<int>().ToHashSet();
        foreach (var c in columns - stamped)
        {
            string? to = null;
            if (!key.Contains(c) && !namedIdentifiers.Contains(c) && KeyLikeness.Role(names[c], null) != ColumnRole.Identifier)
                to = order.Where(o => o.Length > 0 && KeyLikeness.StartsWithStem(names[c], o)).OrderByDescending(o => o.Length).FirstOrDefault();
            to ??= order.FirstOrDefault(o => groups[o].ToArray().Max() >= c) ?? order[^1];
            blocks[to] = blocks[to].With(c);
        }
        return order.Select(o => (o, blocks[o])).ToList();
    }

    /// <summary>
    /// The identifier a stamp group's entity names: the column that is the name itself (StateProvinceCountryRegionCode)
    /// or the name with an identifier suffix (AddressID, BillToAddressID); then one whose stem ends the name
    /// (TerritoryID for SalesTerritory). Null when none.
    /// </summary>
    private static int? NamedIdentifier(string owner, AttributeSet columns, IReadOnlyList<string> names)
    {
        int? endsWith = null;
        foreach (var c in columns)
        {
            var name = names[c];
            if (DesignDependencies.StampOwner(name) is not null || KeyLikeness.Role(name, null) != ColumnRole.Identifier) continue;
            if (name.Equals(owner, StringComparison.OrdinalIgnoreCase)) return c;
            if (KeyLikeness.Stem(name) is not { Length: > 2 } stem) continue;
            if (stem.Equals(owner, StringComparison.OrdinalIgnoreCase)) return c;
            if (endsWith is null && owner.EndsWith(stem, StringComparison.OrdinalIgnoreCase)) endsWith = c;
        }
        return endsWith;
    }

    private static bool DeterminesInRows(TableFacts facts, AttributeSet x, AttributeSet y)
    {
        var rows = facts.Rows(x | y);
        return rows.GroupIds(x).Count == rows.Count;
    }
}
