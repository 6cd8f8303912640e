using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Analyzer.Discovery;

/// <summary>
/// A wide table's row stamps (rowguid, ModifiedDate; <see cref="DesignDependencies.StampOwner"/>) grouped by
/// the entity they are named for: the table's own stamps unprefixed, a parent's under its name
/// (<c>Employee_rowguid</c>, <c>EmployeeModifiedDate</c>). Each group stands for one source row. Used to
/// tell entities that share a key apart and to read a too-small sample's design from its layout.
/// </summary>
public static class StampGroups
{
    /// <summary>Prefixes of a stamp that name no entity (LastModifiedDate is the table's own).</summary>
    private static readonly HashSet<string> NoEntity = new(StringComparer.OrdinalIgnoreCase)
        { "last", "first", "latest", "previous", "row", "record", "audit", "date", "created", "modified", "updated" };

    /// <summary>The stamp groups among <paramref name="columns"/> by the entity they are named for ("" for the table's own).</summary>
    public static Dictionary<string, AttributeSet> Of(AttributeSet columns, IReadOnlyList<string> names)
    {
        var groups = new Dictionary<string, AttributeSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in columns)
        {
            if (DesignDependencies.StampOwner(names[c]) is not { } owner) continue;
            if (owner.Length > 0 && !NamesEntity(owner, names)) owner = "";
            groups[owner] = groups.TryGetValue(owner, out var g) ? g.With(c) : AttributeSet.Single(c);
        }
        return groups;
    }

    /// <summary>
    /// Whether a stamp's prefix names an entity rather than saying which stamp it is: not a word such as
    /// Last, and some other column is named for it too (a rowguid of its own, a name, an identifier).
    /// </summary>
    private static bool NamesEntity(string owner, IReadOnlyList<string> names)
    {
        if (NoEntity.Contains(owner)) return false;
        for (int c = 0; c < names.Count; c++)
        {
            var name = names[c];
            if (DesignDependencies.StampOwner(name) is { } other && other.Equals(owner, StringComparison.OrdinalIgnoreCase)
                && name.Contains("rowguid", StringComparison.OrdinalIgnoreCase)) return true;
            if (DesignDependencies.StampOwner(name) is null && (KeyLikeness.StartsWithStem(name, owner) || name.Equals(owner, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }
}
