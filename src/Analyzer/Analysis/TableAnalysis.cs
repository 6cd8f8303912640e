using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis;

/// <summary>Everything the analysis established about one table.</summary>
public sealed class TableAnalysis
{
    public required Table Table { get; init; }

    /// <summary>Column names in table order (the attribute numbering of every set below).</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }

    /// <summary>
    /// Every dependency the table holds or is suspected to hold, in source order (key, declared, schema,
    /// data). Schema inferences contradicted by the sample rows are left out (see <see cref="Notes"/>).
    /// </summary>
    public required IReadOnlyList<TableDependency> Dependencies { get; init; }

    /// <summary>Every minimal key, sorted by (size, column order).</summary>
    public required IReadOnlyList<AttributeSet> CandidateKeys { get; init; }

    /// <summary>False when the key search stopped at a limit: <see cref="CandidateKeys"/> is then a part of them.</summary>
    public required bool KeysComplete { get; init; }

    /// <summary>Columns in some candidate key (of those found).</summary>
    public required AttributeSet PrimeAttributes { get; init; }

    /// <summary>
    /// The highest normal form the table is established to satisfy under the dependencies it holds.
    /// UNF means a 1NF finding. Where a search hit a limit, this is the highest form that could be
    /// established, and <see cref="Notes"/> says which one could not.
    /// </summary>
    public required NormalForm NormalForm { get; init; }

    /// <summary>Findings, most important first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Findings set aside by a suppression.</summary>
    public IReadOnlyList<Finding> Suppressed { get; init; } = [];

    /// <summary>Limits reached, inferences dropped, and other remarks a reader should see.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The normal form that could not be established because a search hit a limit, if any.</summary>
    public NormalForm? Undetermined { get; init; }

    /// <summary>Sample rows read for the table (0 when none).</summary>
    /// <summary>
    /// For a table that declares no key, the key it was analysed with: found in its rows (source
    /// <see cref="DependencySource.Data"/>) or implied by its declared dependencies (<see cref="DependencySource.Declared"/>).
    /// </summary>
    public AttributeSet? AssumedKey { get; init; }

    public DependencySource? AssumedKeySource { get; init; }

    public int SampleRows => Table.Data?.RowCount ?? 0;

    public bool Meets(NormalForm target) => NormalForm >= target;

    public override string ToString() => $"{Table.Name}: {NormalForm.Display()}, {Findings.Count} finding(s)";
}

/// <summary>The analysis of every table of a schema, in model order.</summary>
public sealed class SchemaAnalysis
{
    public required NormalForm Target { get; init; }
    public required IReadOnlyList<TableAnalysis> Tables { get; init; }

    public IEnumerable<Finding> Findings => Tables.SelectMany(t => t.Findings);

    public TableAnalysis? Find(QualifiedName name) => Tables.FirstOrDefault(t => t.Table.Name.Equals(name));
}
