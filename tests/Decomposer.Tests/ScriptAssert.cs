using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>Parses generated T-SQL with ScriptDom, including the SQL it runs dynamically (EXEC (N'...'), sp_executesql).</summary>
internal static class ScriptAssert
{
    public static TSqlScript Parses(string script)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(script), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + script);
        var parsed = Assert.IsType<TSqlScript>(fragment);
        foreach (var inner in DynamicSql(parsed)) Parses(inner);
        return parsed;
    }

    /// <summary>The SQL texts a script runs dynamically.</summary>
    public static List<string> DynamicSql(TSqlFragment script)
    {
        var v = new Collector();
        script.Accept(v);
        return v.Texts;
    }

    public static List<T> All<T>(TSqlFragment fragment) where T : TSqlFragment
    {
        var v = new Finder<T>();
        fragment.Accept(v);
        return v.Found;
    }

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(ExecutableStringList node) => Texts.AddRange(node.Strings.OfType<StringLiteral>().Select(s => s.Value));

        public override void Visit(ExecutableProcedureReference node)
        {
            var name = node.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value;
            if (string.Equals(name, "sp_executesql", StringComparison.OrdinalIgnoreCase) && node.Parameters.Count > 0 && node.Parameters[0].ParameterValue is StringLiteral s)
                Texts.Add(s.Value);
        }
    }

    private sealed class Finder<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment node)
        {
            if (node is T t) Found.Add(t);
        }
    }
}
