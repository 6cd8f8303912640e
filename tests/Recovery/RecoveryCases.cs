using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Recovery;

/// <summary>A normalized database read by the tool's own ingest, and the name used for its wide tables.</summary>
public sealed record SourceDatabase(string Name, SchemaModel Model)
{
    /// <summary>Which foreign keys the wide tables follow (all unless a database says otherwise).</summary>
    public Func<Table, ForeignKey, bool>? Follow { get; init; }

    /// <summary>The child tables whose wide tables the benchmark builds, or null for every table with two or more levels of parents.</summary>
    public IReadOnlyList<string>? Children { get; init; }

    /// <summary>The wide table of every table with rows and two or more levels of parents with rows (or of <see cref="Children"/>).</summary>
    public IReadOnlyList<WideTable> WideTables() =>
        Children is { } children ? children.Select(Wide).ToList()
        : WideTableBuilder.TablesWithTwoLevelsOfParents(Model, Follow).Select(Wide).ToList();

    public WideTable Wide(Table child) => WideTableBuilder.Build(Model, child, WideName(child), Follow);

    public WideTable Wide(string table) =>
        Wide(Model.Find(table) ?? throw new ArgumentException($"{Name} has no table {table}", nameof(table)));

    /// <summary>northwind_OrderDetails, adventureworks_Purchasing_PurchaseOrderDetail.</summary>
    public string WideName(Table child)
    {
        var schema = child.Name.Schema is null or "dbo" ? "" : child.Name.Schema + "_";
        return Name + "_" + new string((schema + child.Name.Name).Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
    }
}

/// <summary>The real sample databases of ../shared/real-schemas, read as the tool reads them.</summary>
public static class RealDatabases
{
    public static readonly string[] Names = ["northwind", "pubs", "adventureworkslt", "adventureworks"];

    /// <summary>The databases whose wide tables are small enough for the test suite (AdventureWorks's are in the benchmark).</summary>
    public static readonly string[] Small = ["northwind", "pubs", "adventureworkslt"];

    public static SourceDatabase Load(string realSchemas, string name)
    {
        string path = name switch
        {
            "northwind" => Path.Combine(realSchemas, "northwind", "instnwnd.sql"),
            "pubs" => Path.Combine(realSchemas, "pubs", "instpubs.sql"),
            "adventureworkslt" => Path.Combine(realSchemas, "adventureworkslt", "AdventureWorksLT.sql"),
            "adventureworks" => Path.Combine(realSchemas, "adventureworks", "instawdb.sql"),
            _ => throw new ArgumentException($"no real database {name}", nameof(name)),
        };
        var result = Ingestor.Ingest([path], new IngestOptions());
        if (result.HasErrors)
            throw new InvalidOperationException($"{path} does not ingest: " + string.Join("; ", result.Diagnostics.Take(3)));
        return new SourceDatabase(name, result.Model);
    }
}
