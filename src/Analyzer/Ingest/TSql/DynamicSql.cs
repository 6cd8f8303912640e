using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// <c>EXEC ('...')</c> and <c>EXEC sp_executesql N'...'</c> with literal text: the text is a script of its
/// own, read like any other, with every position mapped back into the literal where it was written
/// (a doubled quote inside the literal counts as the two characters it is in the file).
/// </summary>
internal static class DynamicSql
{
    /// <summary>The literals an EXEC runs, or null when it runs a procedure or text built at run time.</summary>
    public static IReadOnlyList<StringLiteral>? Literals(ExecuteStatement statement, out bool dynamic)
    {
        dynamic = false;
        switch (statement.ExecuteSpecification?.ExecutableEntity)
        {
            case ExecutableStringList list:
                dynamic = true;
                return list.Strings.All(s => s is StringLiteral) ? list.Strings.Cast<StringLiteral>().ToList() : null;
            case ExecutableProcedureReference { ProcedureReference.ProcedureReference: { } procedure } call
                when procedure.Name.BaseIdentifier.Value.Equals("sp_executesql", StringComparison.OrdinalIgnoreCase):
                dynamic = true;
                var statementText = call.Parameters.FirstOrDefault(p => p.Variable is null || p.Variable.Name.Equals("@stmt", StringComparison.OrdinalIgnoreCase));
                return statementText?.ParameterValue is StringLiteral literal ? [literal] : null;
            default:
                return null;
        }
    }

    /// <summary>The literals' text as a one-batch script whose locations point into <paramref name="script"/>.</summary>
    public static PreparedScript Script(PreparedScript script, IReadOnlyList<StringLiteral> literals)
    {
        var text = new StringBuilder();
        var map = new SourceMap();
        int lineOutStart = 0;
        bool lineOpen = false;
        foreach (var literal in literals)
        {
            var source = script.Text;
            int pos = literal.StartOffset, end = literal.StartOffset + literal.FragmentLength - 1; // end: the closing quote
            if (pos < 0 || end <= pos) continue;
            if (source[pos] is 'N' or 'n') pos++;
            pos++; // the opening quote
            void StartLine(int at)
            {
                var l = script.Locate(at);
                lineOutStart = text.Length;
                map.AddLine(text.Length, map.FileIndex(l.File), l.Line);
                if (l.Column > 1) map.AddSubstitution(0, 0, 0, l.Column - 1);
                lineOpen = true;
            }
            if (!lineOpen) StartLine(pos);
            else map.AddSubstitution(text.Length - lineOutStart, 0, script.Locate(pos).Column - 1, 0);
            while (pos < end)
            {
                char c = source[pos];
                if (c == '\'' && pos + 1 < end && source[pos + 1] == '\'')
                {
                    map.AddSubstitution(text.Length - lineOutStart, 1, script.Locate(pos).Column - 1, 2);
                    text.Append('\'');
                    pos += 2;
                    continue;
                }
                text.Append(c);
                pos++;
                if (c == '\n' && pos < end) StartLine(pos);
            }
        }
        if (!lineOpen) map.AddLine(0, map.FileIndex(script.Path), 1);
        return new PreparedScript(script.Path, text.ToString(), map, [new ScriptBatch(0, text.Length, 0, 1)]) { Tree = script.Tree };
    }
}
