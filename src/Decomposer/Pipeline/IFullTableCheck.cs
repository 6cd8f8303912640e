using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Pipeline;

/// <summary>
/// A source that can count a dependency found in a sample on every row of its table (a live database):
/// given the sample's dependencies of a table, the ones to keep, restated with the full-table figures.
/// </summary>
public interface IFullTableCheck
{
    IReadOnlyList<TableDependency> Confirm(Table table, IReadOnlyList<TableDependency> fromSample);
}
