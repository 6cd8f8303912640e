namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// One normalization rule. Rules run in the order of <see cref="AnalysisRules.All"/> (weakest normal form
/// first) over one table, and may look at what earlier rules reported.
/// <para>
/// The contract that makes a table's normal form exact: a rule for form F must, whenever the table
/// violates F but not the forms below it, either report a finding or call
/// <see cref="TableContext.Undetermined"/>; and it must never report a violation that does not hold.
/// </para>
/// </summary>
internal interface ITableRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<Finding> Check(TableContext context);
}
