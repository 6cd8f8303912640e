using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.SqlServer;

/// <summary>
/// Small constructors for ScriptDom syntax-tree nodes, so that the emitter reads like the SQL it builds.
/// Every name is bracketed; every string literal is national (N'...').
/// </summary>
internal static class Ast
{
    public static Identifier Id(string name) => new() { Value = name, QuoteType = QuoteType.SquareBracket };

    public static Identifier Plain(string name) => new() { Value = name, QuoteType = QuoteType.NotQuoted };

    public static SchemaObjectName Name(ObjectName name)
    {
        var n = new SchemaObjectName();
        if (name.Schema is not null) n.Identifiers.Add(Id(name.Schema));
        n.Identifiers.Add(Id(name.Name));
        return n;
    }

    public static SchemaObjectName SystemName(string schema, string name)
    {
        var n = new SchemaObjectName();
        n.Identifiers.Add(Plain(schema));
        n.Identifiers.Add(Plain(name));
        return n;
    }

    /// <summary>"[dbo].[Orders]" as text, for OBJECT_ID and sp_rename arguments.</summary>
    public static string Quoted(ObjectName name) =>
        (name.Schema is null ? "" : Analyzer.Model.Identifier.Quote(name.Schema) + ".") + Analyzer.Model.Identifier.Quote(name.Name);

    public static StringLiteral Text(string value) => new() { Value = value, IsNational = true };

    public static IntegerLiteral Int(long value) => new() { Value = value.ToString(CultureInfo.InvariantCulture) };

    public static VariableReference Var(string name) => new() { Name = name };

    public static ColumnReferenceExpression Column(string name, string? qualifier = null)
    {
        var c = new ColumnReferenceExpression { ColumnType = ColumnType.Regular, MultiPartIdentifier = new MultiPartIdentifier() };
        if (qualifier is not null) c.MultiPartIdentifier.Identifiers.Add(Id(qualifier));
        c.MultiPartIdentifier.Identifiers.Add(Id(name));
        return c;
    }

    public static ColumnReferenceExpression Star() => new() { ColumnType = ColumnType.Wildcard };

    public static FunctionCall Call(string function, params ScalarExpression[] args)
    {
        var f = new FunctionCall { FunctionName = Plain(function) };
        foreach (var a in args) f.Parameters.Add(a);
        return f;
    }

    public static FunctionCall CountBig() => Call("COUNT_BIG", Star());

    public static NamedTableReference Table(ObjectName name, string? alias = null) =>
        new() { SchemaObject = Name(name), Alias = alias is null ? null : Id(alias) };

    public static SelectScalarExpression Select(ScalarExpression e, string? alias = null) =>
        new() { Expression = e, ColumnName = alias is null ? null : new IdentifierOrValueExpression { Identifier = Id(alias) } };

    public static QuerySpecification Query(IEnumerable<SelectElement> elements, TableReference? from = null, BooleanExpression? where = null, bool distinct = false)
    {
        var q = new QuerySpecification { UniqueRowFilter = distinct ? UniqueRowFilter.Distinct : UniqueRowFilter.NotSpecified };
        foreach (var e in elements) q.SelectElements.Add(e);
        if (from is not null)
        {
            q.FromClause = new FromClause();
            q.FromClause.TableReferences.Add(from);
        }
        if (where is not null) q.WhereClause = new WhereClause { SearchCondition = where };
        return q;
    }

    public static QueryDerivedTable Derived(QueryExpression query, string alias) => new() { QueryExpression = query, Alias = Id(alias) };

    public static SelectSetVariable Assign(string variable, ScalarExpression e) =>
        new() { Variable = Var(variable), Expression = e, AssignmentKind = AssignmentKind.Equals };

    public static SelectStatement SelectInto(string variable, ScalarExpression e, TableReference? from, BooleanExpression? where = null) =>
        new() { QueryExpression = Query([Assign(variable, e)], from, where) };

    public static BooleanComparisonExpression Compare(ScalarExpression a, BooleanComparisonType type, ScalarExpression b) =>
        new() { FirstExpression = a, ComparisonType = type, SecondExpression = b };

    public static BooleanExpression And(IEnumerable<BooleanExpression> parts) => Combine(parts, BooleanBinaryExpressionType.And);

    public static BooleanExpression Or(IEnumerable<BooleanExpression> parts) => Combine(parts, BooleanBinaryExpressionType.Or);

    private static BooleanExpression Combine(IEnumerable<BooleanExpression> parts, BooleanBinaryExpressionType type)
    {
        BooleanExpression? result = null;
        foreach (var p in parts)
            result = result is null ? p : new BooleanBinaryExpression { FirstExpression = result, SecondExpression = p, BinaryExpressionType = type };
        return result ?? throw new ArgumentException("nothing to combine", nameof(parts));
    }

    public static BooleanParenthesisExpression Parens(BooleanExpression e) => new() { Expression = e };

    public static BooleanIsNullExpression IsNull(ScalarExpression e, bool not = false) => new() { Expression = e, IsNot = not };

    /// <summary>OBJECT_ID(N'[dbo].[X]'[, N'U']) IS [NOT] NULL.</summary>
    public static BooleanExpression ObjectExists(ObjectName name, string? type, bool exists)
    {
        var call = type is null ? Call("OBJECT_ID", Text(Quoted(name))) : Call("OBJECT_ID", Text(Quoted(name)), Text(type));
        return IsNull(call, not: exists);
    }

    public static PredicateSetStatement SetOption(SetOptions option, bool on) => new() { Options = option, IsOn = on };

    public static BeginEndBlockStatement Block(params TSqlStatement[] statements)
    {
        var b = new BeginEndBlockStatement { StatementList = new StatementList() };
        foreach (var s in statements) b.StatementList.Statements.Add(s);
        return b;
    }

    public static IfStatement If(BooleanExpression condition, TSqlStatement then) => new() { Predicate = condition, ThenStatement = then };

    /// <summary>A message for PRINT or THROW: names in it are shown on one line (see <see cref="Decomposer.Emit.DisplayText"/>).</summary>
    public static StringLiteral Message(string text) => Text(Decomposer.Emit.DisplayText.Escape(text));

    public static PrintStatement Print(string message) => new() { Expression = Message(message) };

    public static ThrowStatement Throw(int number, ValueExpression message) => new() { ErrorNumber = Int(number), Message = message, State = Int(1) };

    public static SetVariableStatement Set(string variable, ScalarExpression value) =>
        new() { Variable = Var(variable), Expression = value, AssignmentKind = AssignmentKind.Equals, SeparatorType = SeparatorType.NotSpecified };

    public static DeclareVariableStatement Declare(params (string Name, DataTypeReference Type)[] variables)
    {
        var d = new DeclareVariableStatement();
        foreach (var (name, type) in variables) d.Declarations.Add(new DeclareVariableElement { VariableName = Plain(name), DataType = type });
        return d;
    }

    public static SqlDataTypeReference Type(SqlDataTypeOption option, params Literal[] parameters)
    {
        var t = new SqlDataTypeReference { SqlDataTypeOption = option };
        foreach (var p in parameters) t.Parameters.Add(p);
        return t;
    }

    public static SqlDataTypeReference BigInt => Type(SqlDataTypeOption.BigInt);

    public static SqlDataTypeReference NVarChar(int length) => Type(SqlDataTypeOption.NVarChar, Int(length));

    public static SqlDataTypeReference MaxOf(SqlDataTypeOption option) => Type(option, new MaxLiteral { Value = "max" });

    /// <summary>EXEC schema.procedure @p1, @p2, ... (values positional; outputs as @name = @variable OUTPUT).</summary>
    public static ExecuteStatement Exec(SchemaObjectName procedure, IEnumerable<ScalarExpression> values, IEnumerable<(string Parameter, string Variable)>? outputs = null)
    {
        var entity = new ExecutableProcedureReference
        {
            ProcedureReference = new ProcedureReferenceName { ProcedureReference = new ProcedureReference { Name = procedure } },
        };
        foreach (var v in values) entity.Parameters.Add(new ExecuteParameter { ParameterValue = v });
        foreach (var (p, v) in outputs ?? []) entity.Parameters.Add(new ExecuteParameter { Variable = Var(p), ParameterValue = Var(v), IsOutput = true });
        return new ExecuteStatement { ExecuteSpecification = new ExecuteSpecification { ExecutableEntity = entity } };
    }

    /// <summary>EXEC (N'...'): runs text compiled only when it runs (CREATE VIEW must start a batch).</summary>
    public static ExecuteStatement ExecText(string sql)
    {
        var list = new ExecutableStringList();
        list.Strings.Add(Text(sql));
        return new ExecuteStatement { ExecuteSpecification = new ExecuteSpecification { ExecutableEntity = list } };
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
