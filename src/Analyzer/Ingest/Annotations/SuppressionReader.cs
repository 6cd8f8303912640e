using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Annotations;

/// <summary>
/// Finds <c>-- schemanorm-disable</c> comments in a parsed batch's token stream (the same tokens the
/// annotations come from, so a suppression inside a string literal or a block comment is never read):
/// <list type="bullet">
/// <item>inside a CREATE TABLE, or in the comment lines directly above it: the table;</item>
/// <item>after code on a line: that line; alone on a line elsewhere: the line below it;</item>
/// <item><c>-- schemanorm-disable-file</c> anywhere: the whole file.</item>
/// </list>
/// </summary>
internal static class SuppressionReader
{
    public const string Directive = "schemanorm-disable";
    public const string FileDirective = "schemanorm-disable-file";

    public static void Read(TSqlFragment batch, IReadOnlyList<(CreateTableStatement statement, Table table)> created,
        PreparedScript script, IngestSession session)
    {
        var tokens = batch.ScriptTokenStream;
        if (tokens is null) return;
        CommentOwners? owners = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.TokenType != TSqlTokenType.SingleLineComment) continue;
            if (Parse(token.Text) is not var (wholeFile, ruleIds, reason)) continue;
            var location = script.Locate(token.Offset);
            if (wholeFile)
            {
                session.Model.Suppressions.Add(new SuppressionComment(SuppressionScope.File, ruleIds, location) { Reason = reason });
                continue;
            }
            owners ??= new CommentOwners(tokens, created);
            var owner = owners.Of(i);
            if (owner is not null)
            {
                owner.Suppressions.Add(new SuppressionComment(SuppressionScope.Table, ruleIds, location) { Reason = reason });
                continue;
            }
            int line = EndsCodeLine(tokens, i) ? location.Line : location.Line + 1;
            session.Model.Suppressions.Add(new SuppressionComment(SuppressionScope.Line, ruleIds, location) { Line = line, Reason = reason });
        }
    }

    /// <summary>
    /// Reads "-- schemanorm-disable[-file] [ids] [reason]": null when the comment is not a suppression.
    /// Rule ids are the leading words of letters then digits (SN2001), or words that start like one
    /// (SN20O1, SN-2001: read as ids so that they are reported, never as a reason that silences every
    /// rule), separated by commas or spaces; a colon after an id ends the ids ("SN1001: staging only").
    /// The rest, without a leading "--" or ":", is the reason.
    /// </summary>
    internal static (bool wholeFile, IReadOnlyList<string> ruleIds, string? reason)? Parse(string comment)
    {
        var s = comment.AsSpan();
        if (!s.StartsWith("--")) return null;
        s = s[2..].TrimStart();
        bool wholeFile = s.StartsWith(FileDirective, StringComparison.OrdinalIgnoreCase);
        if (!wholeFile && !s.StartsWith(Directive, StringComparison.OrdinalIgnoreCase)) return null;
        s = s[(wholeFile ? FileDirective : Directive).Length..];
        if (s.Length > 0 && !char.IsWhiteSpace(s[0]) && s[0] != ':') return null; // "schemanorm-disabled", "schemanorm-disable-next"
        if (s.Length > 0 && s[0] == ':') s = s[1..];

        var ids = new List<string>();
        while (true)
        {
            s = s.TrimStart();
            if (s.Length > 0 && s[0] == ',') { s = s[1..]; continue; }
            int end = 0;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] != ',' && s[end] != ':') end++;
            if (end == 0 || !(IsRuleId(s[..end]) || LooksMeantAsRuleId(s[..end]))) break;
            ids.Add(s[..end].ToString().ToUpperInvariant());
            s = s[end..];
            if (s.Length > 0 && s[0] == ':') { s = s[1..]; break; }
        }
        var reason = s.Trim().TrimStart("--").TrimStart(':').Trim();
        return (wholeFile, ids, reason.Length == 0 ? null : reason.ToString());
    }

    /// <summary>Letters then digits (SN2001): what a rule id looks like, so that a mistyped one is reported, not read as the reason.</summary>
    private static bool IsRuleId(ReadOnlySpan<char> word)
    {
        int letters = 0;
        while (letters < word.Length && char.IsAsciiLetter(word[letters])) letters++;
        if (letters == 0 || letters == word.Length) return false;
        foreach (var c in word[letters..])
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>SN followed by a digit or a dash, as a mistyped id of this tool's rules would be (SN10O1, SN-1001, sn1001x).</summary>
    private static bool LooksMeantAsRuleId(ReadOnlySpan<char> word) =>
        word.Length > 2 && word.StartsWith("SN", StringComparison.OrdinalIgnoreCase) && (char.IsAsciiDigit(word[2]) || word[2] is '-' or '_');

    /// <summary>True when code comes before the comment on its line (a trailing comment).</summary>
    private static bool EndsCodeLine(IList<TSqlParserToken> tokens, int comment)
    {
        int line = tokens[comment].Line;
        for (int j = comment - 1; j >= 0 && tokens[j].Line == line; j--)
            if (tokens[j].TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment))
                return true;
        return false;
    }
}
