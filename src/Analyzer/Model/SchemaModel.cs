namespace SchemaNorm.Analyzer.Model;

/// <summary>Every table that the inputs declare or hold data for, in the order they first appear.</summary>
public sealed class SchemaModel
{
    private readonly List<Table> _tables = [];
    private readonly Dictionary<QualifiedName, Table> _byName = [];

    public IReadOnlyList<Table> Tables => _tables;

    /// <summary>Alias types (CREATE TYPE ... FROM, sp_addtype) by name, resolved to their base types.</summary>
    public Dictionary<QualifiedName, AliasType> AliasTypes { get; } = [];

    /// <summary>
    /// <c>-- schemanorm-disable</c> comments that cover a line or a whole file (those that cover a table
    /// are in <see cref="Table.Suppressions"/>).
    /// </summary>
    public List<SuppressionComment> Suppressions { get; } = [];

    public void Add(Table table)
    {
        if (!_byName.TryAdd(table.Name, table))
            throw new InvalidOperationException($"table {table.Name} is already in the model");
        _tables.Add(table);
    }

    public bool Remove(QualifiedName name)
    {
        if (!_byName.Remove(name, out var t)) return false;
        _tables.Remove(t);
        return true;
    }

    /// <summary>
    /// Finds a table. A name without a schema matches dbo first, then any schema when exactly one
    /// table has that name (as a user who writes "Orders" means the one Orders table).
    /// </summary>
    public Table? Find(QualifiedName name)
    {
        if (_byName.TryGetValue(name, out var t)) return t;
        if (name.Schema is null || Identifier.AreEqual(name.Schema, QualifiedName.DefaultSchema))
        {
            if (name.Schema is null && _byName.TryGetValue(name with { Schema = QualifiedName.DefaultSchema }, out t)) return t;
            var matches = _tables.Where(x => Identifier.AreEqual(x.Name.Name, name.Name)).Take(2).ToList();
            if (matches.Count == 1 && (name.Schema is null || matches[0].Name.Schema is null)) return matches[0];
        }
        return null;
    }

    public Table? Find(string name) => Find(QualifiedName.Parse(name, defaultSchema: null));
}

/// <summary>A user-defined alias type: CREATE TYPE dbo.Name FROM nvarchar(50) NULL.</summary>
public sealed record AliasType(QualifiedName Name, SqlType BaseType, bool? Nullable, SourceLocation Location);
