using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql.Catalog;

/// <summary>
/// What the scripts created that the model has no place for but a guard can ask about: schemas,
/// views, procedures, functions, triggers, sequences, synonyms, table types, and non-unique indexes.
/// </summary>
internal sealed class ScriptObjects
{
    private readonly HashSet<string> _schemas = new(Identifier.Comparer) { "dbo", "guest", "INFORMATION_SCHEMA", "sys" };
    private readonly Dictionary<QualifiedName, string> _modules = [];
    private readonly Dictionary<Table, HashSet<string>> _indexes = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<string> Schemas => _schemas;

    /// <summary>Objects by name with their sys.objects type code (V, P, FN, IF, TF, TR, SO, SN, TT).</summary>
    public IReadOnlyDictionary<QualifiedName, string> Modules => _modules;

    public void AddSchema(string name) => _schemas.Add(name);

    public void DropSchema(string name) => _schemas.Remove(name);

    public void AddModule(QualifiedName name, string type) => _modules[name] = type;

    public void DropModule(QualifiedName name) => _modules.Remove(name);

    /// <summary>Non-unique indexes by table (unique ones are in the model).</summary>
    public IReadOnlyCollection<string> IndexesOf(Table table) =>
        _indexes.TryGetValue(table, out var set) ? set : [];

    public void AddIndex(Table table, string name)
    {
        if (!_indexes.TryGetValue(table, out var set)) _indexes[table] = set = new HashSet<string>(Identifier.Comparer);
        set.Add(name);
    }

    public bool DropIndex(Table table, string name) => _indexes.TryGetValue(table, out var set) && set.Remove(name);
}
