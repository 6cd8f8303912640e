using System.Security.Cryptography;
using System.Text;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A finding's identity across runs: a hash of its rule id, its table and the columns it names (the
/// dependency's sides, and the finding's columns), case-folded and in name order. Line numbers, files,
/// wording and column order are left out, so a finding keeps its fingerprint when the script around it
/// is edited or moved; it changes only when the problem itself does. A finding about the table as a whole
/// (SN1001, no key) is identified by its rule and table alone: the columns it lists are all of them, and a
/// column added to a keyless table does not make its missing key a new problem.
/// </summary>
internal static class FindingFingerprint
{
    /// <summary>The SARIF partialFingerprints key (versioned: a change of the recipe is a new key).</summary>
    public const string SarifKey = "schemanorm/v1";

    /// <summary>
    /// Every finding of the analysis (reported and suppressed), by reference. Two findings with the same
    /// identity in one run (rare) are told apart by their order: the second gets "#2" in its hash input.
    /// </summary>
    public static Dictionary<Finding, string> Compute(SchemaAnalysis analysis)
    {
        var result = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in analysis.Tables)
            foreach (var f in t.Findings.Concat(t.Suppressed))
            {
                var identity = Identity(f, t.ColumnNames);
                int n = seen[identity] = seen.GetValueOrDefault(identity) + 1;
                result[f] = Hash(n == 1 ? identity : $"{identity}#{n}");
            }
        return result;
    }

    /// <summary>The text that is hashed: "SN2001|dbo.empproj|fd:ssn->ename|ename,ssn".</summary>
    public static string Identity(Finding f, IReadOnlyList<string> names)
    {
        if (IsAboutWholeTable(f.RuleId)) return WholeTableIdentity(f.RuleId, f.Table.ToString());
        string Names(AttributeSet set) => string.Join(",", set.Names(names).Select(Fold).Order(StringComparer.Ordinal));
        var dependency = f.Dependency switch
        {
            null => "",
            { Kind: Analyzer.Model.DependencyKind.Fd } d => $"fd:{Names(d.Lhs)}->{Names(d.Rhs)}",
            { Kind: Analyzer.Model.DependencyKind.Mvd } d => $"mvd:{Names(d.Lhs)}->>{Names(d.Rhs - d.Lhs)}",
            var d => "jd:" + string.Join(";", d.Components.Select(Names).Order(StringComparer.Ordinal)),
        };
        return $"{f.RuleId.ToUpperInvariant()}|{Fold(f.Table.ToString())}|{dependency}|{Names(f.Columns)}";
    }

    /// <summary>Rules whose finding is about the table as a whole, not some of its columns.</summary>
    public static bool IsAboutWholeTable(string ruleId) => string.Equals(ruleId, Analyzer.Analysis.Rules.NoKeyRule.Id, StringComparison.OrdinalIgnoreCase);

    /// <summary>The fingerprint of a whole-table finding, from its rule and table: also how a baseline written with columns in it is read.</summary>
    public static string OfWholeTable(string ruleId, string table) => Hash(WholeTableIdentity(ruleId, table));

    private static string WholeTableIdentity(string ruleId, string table) => $"{ruleId.ToUpperInvariant()}|{Fold(table)}||";

    private static string Fold(string name) => name.ToLowerInvariant();

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
