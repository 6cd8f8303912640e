using System.Text.Json;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Tests;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>One case of ../shared/cases/textbook-cases.json, with attribute sets and dependencies over its attribute positions.</summary>
internal sealed class TextbookCase
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Cases)));

    public static IEnumerable<JsonElement> All => Document.Value.RootElement.GetProperty("cases").EnumerateArray();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    public static TextbookCase Load(string id) => new(All.Single(c => c.GetProperty("id").GetString() == id));

    private TextbookCase(JsonElement json)
    {
        Json = json;
        Id = json.GetProperty("id").GetString()!;
        Expected = json.GetProperty("expected");
        Names = json.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToList();
        Universe = AttributeSet.Range(Names.Count);
        Fds = Items("fds").Select(Fd).ToList();
        Mvds = Items("mvds").Select(m => new MultivaluedDependency(Set(m.GetProperty("lhs")), Set(m.GetProperty("rhs")))).ToList();
        Jds = Items("jds").Select(j => new JoinDependency(j.EnumerateArray().Select(Set))).ToList();
    }

    public JsonElement Json { get; }
    public string Id { get; }
    public JsonElement Expected { get; }
    public IReadOnlyList<string> Names { get; }
    public AttributeSet Universe { get; }
    public List<FunctionalDependency> Fds { get; }
    public List<MultivaluedDependency> Mvds { get; }
    public List<JoinDependency> Jds { get; }

    public bool FdOnly => Mvds.Count == 0 && Jds.Count == 0;

    public FunctionalDependencySet FdSet => new(Names.Count, Fds);

    private IEnumerable<JsonElement> Items(string name) =>
        Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public AttributeSet Set(JsonElement names) => AttributeSet.Of(names.EnumerateArray().Select(n =>
    {
        int i = Names.ToList().IndexOf(n.GetString()!);
        Assert.True(i >= 0, $"{Id}: unknown attribute {n}");
        return i;
    }));

    public FunctionalDependency Fd(JsonElement fd) => new(Set(fd.GetProperty("lhs")), Set(fd.GetProperty("rhs")));

    public List<AttributeSet> Sets(JsonElement list) => list.EnumerateArray().Select(Set).ToList();

    public bool TryExpected(string name, out JsonElement value) => Expected.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The relation as a table: every attribute a column, no declared key, the dependencies as declarations.</summary>
    public Table Table(bool withPrimaryKey = false)
    {
        var table = new Table(new QualifiedName("dbo", Json.GetProperty("relation").GetString()!), new SourceLocation("case.sql", 1, 1));
        foreach (var n in Names) table.Columns.Add(new Column(n, new SqlType("nvarchar", Length: 50), new SourceLocation("case.sql", 2, 1)) { IsNullable = false });
        if (withPrimaryKey && Expected.TryGetProperty("candidateKeys", out var keys) && keys.GetArrayLength() > 0)
            table.PrimaryKey = new KeyConstraint("PK_" + table.Name.Name, true, keys[0].EnumerateArray().Select(k => k.GetString()!).ToList(), new SourceLocation("case.sql", 3, 1));
        return table;
    }

    public List<TableDependency> Dependencies() =>
    [
        .. Fds.Select(f => TableDependency.Functional(f, DependencySource.Declared)),
        .. Mvds.Select(m => TableDependency.Multivalued(m, DependencySource.Declared)),
        .. Jds.Select(j => TableDependency.Join(j, DependencySource.Declared)),
    ];

    public static HashSet<AttributeSet> AsSet(IEnumerable<AttributeSet> sets) => sets.ToHashSet();
}
