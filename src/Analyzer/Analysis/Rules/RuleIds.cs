namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// The stable rule ids. The first digit is the normal form a rule protects (SN1xxx 1NF, SN2xxx 2NF,
/// SN3xxx 3NF, SN35xx BCNF, SN4xxx 4NF, SN5xxx 5NF). An id is never reused for another meaning.
/// </summary>
public static class RuleIds
{
    public const string NoKey = "SN1001";
    public const string RepeatingGroup = "SN1002";
    public const string MultiValuedColumn = "SN1003";
    public const string EntityAttributeValue = "SN1004";
    public const string PartialDependency = "SN2001";
    public const string TransitiveDependency = "SN3001";
    public const string NonKeyDeterminant = "SN3501";
    public const string MultivaluedDependency = "SN4001";
    public const string JoinDependency = "SN5001";
}
