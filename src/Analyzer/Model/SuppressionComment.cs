namespace SchemaNorm.Analyzer.Model;

/// <summary>What a <c>-- schemanorm-disable</c> comment covers, decided by where it is written.</summary>
public enum SuppressionScope
{
    /// <summary>Inside a CREATE TABLE, or in the comment lines directly above it: every finding about that table.</summary>
    Table,
    /// <summary>At the end of a line, or alone on the line above it: findings located on that line.</summary>
    Line,
    /// <summary><c>-- schemanorm-disable-file</c>: findings located in the file, or about a table it creates.</summary>
    File,
}

/// <summary>
/// A suppression written in a script: <c>-- schemanorm-disable SN2001, SN3001 reason</c> or
/// <c>-- schemanorm-disable-file [rule ids] [reason]</c>. No rule ids means every rule.
/// </summary>
public sealed record SuppressionComment(SuppressionScope Scope, IReadOnlyList<string> RuleIds, SourceLocation Location)
{
    /// <summary>For <see cref="SuppressionScope.Line"/>: the 1-based line (in <see cref="SourceLocation.File"/>) whose findings it covers.</summary>
    public int Line { get; init; }

    /// <summary>The words after the rule ids, if any: why the finding is accepted.</summary>
    public string? Reason { get; init; }
}
