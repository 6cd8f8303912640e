using BenchmarkDotNet.Attributes;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Bench.Dependencies;
using SchemaNorm.Decomposer;
using SchemaNorm.Decomposer.Algebra;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Databases.SqlServer;

namespace SchemaNorm.Bench.Decomposer;

/// <summary>
/// The maximal BCNF subschemas (which decide whether a dependency-preserving BCNF decomposition exists):
/// the violation-guided search against closing every subset of the columns. Read the ratio.
/// </summary>
[MemoryDiagnoser]
public class MaximalBcnfSubschemaBenchmarks
{
    [Params(10, 14)]
    public int Width { get; set; }

    private DependencySpace _space = null!;
    private FunctionalDependencySet _fds = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fds = RandomSchemas.Table(new Random(Width), Width, Width);
        _space = new DependencySpace(Width, _fds);
    }

    [Benchmark(Baseline = true)]
    public int EverySubset()
    {
        var bcnf = new List<AttributeSet>();
        for (int mask = 1; mask < 1 << Width; mask++)
        {
            var s = AttributeSet.Of(Enumerable.Range(0, Width).Where(i => (mask >> i & 1) != 0));
            if (BcnfViolation.IsBcnf(_fds, s)) bcnf.Add(s);
        }
        return bcnf.Count(s => !bcnf.Any(o => o != s && s.IsSubsetOf(o)));
    }

    [Benchmark]
    public int ViolationGuidedSearch() => BcnfPreservation.MaximalBcnfSubschemas(_space, int.MaxValue).Count;
}

/// <summary>
/// Proposals for a denormalized table of a star of entities (a fact with four entity keys, each entity
/// with three attributes and a parent with two), with the entity FDs declared, or found in 5,000 rows by
/// discovery; and the T-SQL migration of the proposal.
/// </summary>
[MemoryDiagnoser]
public class ProposalBenchmarks
{
    private Table _table = null!;
    private List<TableDependency> _declared = null!;
    private List<TableDependency> _discovered = null!;
    private Decomposition _proposal = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var names = new List<string> { "LineID", "Quantity", "Price" };
        var declared = new List<FunctionalDependency>();
        var entityKeys = new List<int>();
        for (int e = 0; e < 4; e++)
        {
            int key = names.Count;
            entityKeys.Add(key);
            names.AddRange([$"Entity{e}ID", $"Entity{e}Name", $"Entity{e}Size", $"Parent{e}ID", $"Parent{e}Name"]);
            declared.Add(new FunctionalDependency(AttributeSet.Single(key), AttributeSet.Of(key + 1, key + 2, key + 3)));
            declared.Add(new FunctionalDependency(AttributeSet.Single(key + 3), AttributeSet.Single(key + 4)));
        }
        _table = new Table(new QualifiedName("dbo", "Facts"), new SourceLocation("bench.sql", 1, 1));
        foreach (var n in names)
            _table.Columns.Add(new Column(n, n.EndsWith("ID", StringComparison.Ordinal) ? new SqlType("int") : new SqlType("nvarchar", Length: 40), new SourceLocation("bench.sql", 2, 1)) { IsNullable = false });
        _table.PrimaryKey = new KeyConstraint("PK_Facts", true, ["LineID"], new SourceLocation("bench.sql", 3, 1));

        var builder = new TableDataBuilder(names);
        for (int r = 0; r < 5_000; r++)
        {
            builder.Add(r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.Add((rng.Next(1, 50)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.Add((rng.Next(100, 10_000) / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (int e = 0; e < 4; e++)
            {
                int id = rng.Next(1, 200);
                int parent = id % 17;
                builder.Add(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.Add($"name {e}-{id}");
                builder.Add($"size {(id * 7) % 5}");
                builder.Add(parent.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.Add($"parent {e}-{parent}");
            }
            builder.EndRow();
        }
        _table.Data = builder.Build();

        var universe = AttributeSet.Range(names.Count);
        _declared = [TableDependency.Functional(new FunctionalDependency(AttributeSet.Single(0), universe), DependencySource.Key),
            .. declared.Select(f => TableDependency.Functional(f, DependencySource.Declared))];
        _discovered = [_declared[0], .. DependencyDiscovery.Discover(_table.Data, new DiscoveryOptions { Uccs = false }).Fds
            .Select(f => TableDependency.Functional(f.ToDependency(), DependencySource.Data, evidence: new DataEvidence(5_000, 0)))];
        _proposal = Normalizer.Propose(_table, _declared);
    }

    [Benchmark(Baseline = true)]
    public int DeclaredDependencies() => Normalizer.Propose(_table, _declared).Tables.Count;

    [Benchmark]
    public int DiscoveredDependencies() => Normalizer.Propose(_table, _discovered).Tables.Count;

    [Benchmark]
    public int Synthesis3NF() => Normalizer.Propose(_table, _declared, options: new DecompositionOptions { Target = NormalForm.Third }).Tables.Count;

    [Benchmark]
    public int MigrationScript() => new TSqlMigrationEmitter().Emit([MigrationPlanner.Plan(_proposal, null)]).Forward.Length;
}
