using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Analyzer.Ingest.TSql.Catalog;

/// <summary>
/// Evaluates an IF condition against the catalog the scripts built so far, in SQL's three-valued logic:
/// true, false, or null when the scripts alone cannot tell (a variable, a user table's rows, a function
/// the catalog does not answer). OBJECT_ID, COL_LENGTH, COLUMNPROPERTY, SCHEMA_ID, SCHEMA_NAME, TYPE_ID,
/// OBJECT_NAME, OBJECTPROPERTY, INDEXPROPERTY, and EXISTS / COUNT(*) over the catalog views are known.
/// </summary>
internal sealed class ConditionEvaluator(CatalogSnapshot catalog)
{
    /// <summary>More joined catalog rows than this is not a guard: the condition is left unknown.</summary>
    private const int MaxJoinedRows = 1_000_000;

    private sealed record Source(string Alias, string View, CatalogRow Row);

    private sealed record Scope(IReadOnlyList<Source> Sources, Scope? Outer);

    public bool? Evaluate(BooleanExpression condition) => Truth(condition, null);

    private bool? Truth(BooleanExpression e, Scope? scope) => e switch
    {
        BooleanParenthesisExpression p => Truth(p.Expression, scope),
        BooleanNotExpression n => Truth(n.Expression, scope) is bool b ? !b : null,
        BooleanBinaryExpression b when b.BinaryExpressionType == BooleanBinaryExpressionType.And =>
            And(Truth(b.FirstExpression, scope), Truth(b.SecondExpression, scope)),
        BooleanBinaryExpression b when b.BinaryExpressionType == BooleanBinaryExpressionType.Or =>
            Or(Truth(b.FirstExpression, scope), Truth(b.SecondExpression, scope)),
        BooleanIsNullExpression n => Value(n.Expression, scope) is { IsUnknown: false } v ? v.IsNull != n.IsNot : null,
        BooleanComparisonExpression c => Compare(c.ComparisonType, Value(c.FirstExpression, scope), Value(c.SecondExpression, scope)),
        InPredicate i when i.Subquery is null => In(i, scope),
        ExistsPredicate x => Exists(x.Subquery.QueryExpression, scope),
        _ => null,
    };

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

    private static bool? Compare(BooleanComparisonType type, CatalogValue a, CatalogValue b)
    {
        if (a.IsNull || b.IsNull) return a.IsUnknown || b.IsUnknown ? null : false;
        if (CatalogValue.Compare(a, b) is not int c) return null;
        return type switch
        {
            BooleanComparisonType.Equals => c == 0,
            BooleanComparisonType.NotEqualToBrackets or BooleanComparisonType.NotEqualToExclamation => c != 0,
            BooleanComparisonType.GreaterThan => c > 0,
            BooleanComparisonType.NotLessThan or BooleanComparisonType.GreaterThanOrEqualTo => c >= 0,
            BooleanComparisonType.LessThan => c < 0,
            BooleanComparisonType.NotGreaterThan or BooleanComparisonType.LessThanOrEqualTo => c <= 0,
            _ => null,
        };
    }

    private bool? In(InPredicate predicate, Scope? scope)
    {
        var value = Value(predicate.Expression, scope);
        bool? result = false;
        foreach (var candidate in predicate.Values)
            result = Or(result, Compare(BooleanComparisonType.Equals, value, Value(candidate, scope)));
        return predicate.NotDefined ? result is bool b ? !b : null : result;
    }

    private bool? Exists(QueryExpression query, Scope? scope)
    {
        if (Matches(query, scope) is not { } truths) return null;
        return truths.Any(t => t == true) ? true : truths.All(t => t == false) ? false : null;
    }

    /// <summary>For each row of the query's FROM, whether its WHERE holds; null when the query is not one over the catalog.</summary>
    private List<bool?>? Matches(QueryExpression query, Scope? outer)
    {
        while (query is QueryParenthesisExpression p) query = p.QueryExpression;
        if (query is not QuerySpecification spec || spec.GroupByClause is not null || spec.HavingClause is not null) return null;
        var rows = new List<List<Source>> { new() };
        foreach (var reference in spec.FromClause?.TableReferences ?? [])
        {
            rows = Join(rows, reference, outer);
            if (rows is null) return null;
        }
        var condition = spec.WhereClause?.SearchCondition;
        return rows.Select(r => condition is null ? true : Truth(condition, new Scope(r, outer))).ToList();
    }

    private List<List<Source>>? Join(List<List<Source>> left, TableReference reference, Scope? outer)
    {
        switch (reference)
        {
            case NamedTableReference named:
            {
                var parts = named.SchemaObject.Identifiers.Select(i => i.Value).ToList();
                if (catalog.Rows(parts) is not { } rows || (long)left.Count * rows.Count > MaxJoinedRows) return null;
                var alias = named.Alias?.Value ?? parts[^1];
                return left.SelectMany(l => rows.Select(r => new List<Source>(l) { new(alias, parts[^1], r) })).ToList();
            }
            case QualifiedJoin { QualifiedJoinType: QualifiedJoinType.Inner } join:
            {
                var both = Join(left, join.FirstTableReference, outer) is { } first ? Join(first, join.SecondTableReference, outer) : null;
                // A row whose ON is unknown may or may not be there: kept, with the ON folded into its WHERE below.
                return both?.Where(r => Truth(join.SearchCondition, new Scope(r, outer)) != false)
                    .Select(r => Truth(join.SearchCondition, new Scope(r, outer)) == true ? r : [.. r, Undecided]).ToList();
            }
            case JoinParenthesisTableReference p:
                return Join(left, p.Join, outer);
            default:
                return null;
        }
    }

    /// <summary>Marks a joined row whose join condition could not be evaluated: its WHERE is then unknown at best.</summary>
    private static readonly Source Undecided = new("", "", new CatalogRow());

    private CatalogValue Column(ColumnReferenceExpression column, Scope? scope)
    {
        if (column.MultiPartIdentifier is null) return CatalogValue.Unknown;
        var ids = column.MultiPartIdentifier.Identifiers;
        var name = ids[^1].Value;
        var qualifier = ids.Count >= 2 ? ids[^2].Value : null;
        for (var s = scope; s is not null; s = s.Outer)
        {
            if (s.Sources.Contains(Undecided)) return CatalogValue.Unknown;
            foreach (var source in s.Sources)
            {
                if (qualifier is not null && !string.Equals(qualifier, source.Alias, StringComparison.OrdinalIgnoreCase) &&
                    !string.Equals(qualifier, source.View, StringComparison.OrdinalIgnoreCase)) continue;
                if (source.Row.TryGetValue(name, out var v)) return v;
                if (qualifier is not null) return CatalogValue.Unknown;
            }
        }
        return CatalogValue.Unknown;
    }

    private CatalogValue Value(ScalarExpression e, Scope? scope)
    {
        switch (e)
        {
            case ParenthesisExpression p: return Value(p.Expression, scope);
            case StringLiteral s: return CatalogValue.Of(s.Value);
            case IntegerLiteral i: return long.TryParse(i.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? CatalogValue.Of(n) : CatalogValue.Unknown;
            case NullLiteral: return CatalogValue.Null;
            case UnaryExpression { UnaryExpressionType: UnaryExpressionType.Negative } u when Value(u.Expression, scope) is { Kind: CatalogValueKind.Number } v:
                return CatalogValue.Of(-v.Number);
            case ColumnReferenceExpression c: return Column(c, scope);
            case FunctionCall f when f.CallTarget is null: return Function(f, scope);
            case ScalarSubquery q: return Count(q.QueryExpression, scope);
            default: return CatalogValue.Unknown;
        }
    }

    /// <summary>(SELECT COUNT(*) FROM catalog WHERE ...): the number of rows, when every row's WHERE is known.</summary>
    private CatalogValue Count(QueryExpression query, Scope? scope)
    {
        if (query is not QuerySpecification { SelectElements: [SelectScalarExpression { Expression: FunctionCall count }] } ||
            !count.FunctionName.Value.Equals("COUNT", StringComparison.OrdinalIgnoreCase) || count.UniqueRowFilter == UniqueRowFilter.Distinct)
            return CatalogValue.Unknown;
        if (Matches(query, scope) is not { } truths || truths.Any(t => t is null)) return CatalogValue.Unknown;
        return CatalogValue.Of(truths.Count(t => t == true));
    }

    private CatalogValue Function(FunctionCall call, Scope? scope)
    {
        var args = call.Parameters.Select(p => Value(p, scope)).ToList();
        string? Text(int i) => i < args.Count && args[i].Kind == CatalogValueKind.Text ? args[i].Text : null;
        long? Number(int i) => i < args.Count && args[i].Kind == CatalogValueKind.Number ? args[i].Number : null;
        // NULL in, NULL out (as these functions do); unknown in, unknown out.
        if (args.Any(a => a.IsUnknown)) return CatalogValue.Unknown;
        if (args.Any(a => a.IsNull)) return CatalogValue.Null;

        switch (call.FunctionName.Value.ToUpperInvariant())
        {
            case "OBJECT_ID" when Text(0) is { } name:
                return catalog.TryFindObject(name, Text(1), out var found) ? (found is null ? CatalogValue.Null : CatalogValue.Of(found.Id)) : CatalogValue.Unknown;
            case "COL_LENGTH" when Text(0) is { } table && Text(1) is { } column:
            {
                if (!catalog.TryFindObject(table, null, out var o)) return CatalogValue.Unknown;
                var t = o is null ? null : catalog.TableById(o.Id);
                // The length itself is not what guards ask; any number says the column exists.
                return t?.FindColumn(column) is { } c ? CatalogValue.Of(Math.Max(1, c.Type.Length ?? 1)) : CatalogValue.Null;
            }
            case "COLUMNPROPERTY" when Number(0) is { } id && Text(1) is { } column && Text(2) is { } property:
            {
                if (catalog.TableById(id) is not { } t || t.IndexOf(column) is var i && i < 0) return CatalogValue.Null;
                var c = t.Columns[i];
                return property.ToUpperInvariant() switch
                {
                    "COLUMNID" => CatalogValue.Of(i + 1),
                    "ALLOWSNULL" => CatalogValue.Of(c.IsNullable),
                    "ISIDENTITY" => CatalogValue.Of(c.IsIdentity),
                    "ISCOMPUTED" => CatalogValue.Of(c.ComputedExpression is not null),
                    _ => CatalogValue.Unknown,
                };
            }
            case "SCHEMA_ID":
                if (args.Count == 0) return CatalogValue.Of(catalog.SchemaId("dbo") ?? 1);
                return Text(0) is { } schema ? (catalog.SchemaId(schema) is int sid ? CatalogValue.Of(sid) : CatalogValue.Null) : CatalogValue.Unknown;
            case "SCHEMA_NAME" when Number(0) is { } schemaId:
                return CatalogValue.Of(catalog.SchemaName(schemaId));
            case "TYPE_ID" when Text(0) is { } type:
                return catalog.TypeExists(type) ? CatalogValue.Of(1) : CatalogValue.Null;
            case "OBJECT_NAME" when Number(0) is { } id:
                return CatalogValue.Of(catalog.ById(id)?.Name);
            case "OBJECT_SCHEMA_NAME" when Number(0) is { } id:
                return CatalogValue.Of(catalog.ById(id)?.Schema);
            case "OBJECTPROPERTY" or "OBJECTPROPERTYEX" when Number(0) is { } id && Text(1) is { } property:
                return catalog.ById(id) is { } obj ? ObjectProperty(obj, property) : CatalogValue.Null;
            case "INDEXPROPERTY" when Number(0) is { } id && Text(1) is { } index && Text(2) is { } property:
            {
                if (catalog.TableById(id) is not { } t) return CatalogValue.Null;
                var indexes = catalog.IndexesOf(t).ToList();
                int at = indexes.FindIndex(x => string.Equals(x.name, index, StringComparison.OrdinalIgnoreCase));
                if (at < 0) return CatalogValue.Null;
                return property.ToUpperInvariant() switch
                {
                    "INDEXID" => CatalogValue.Of(at + 1),
                    "ISUNIQUE" => CatalogValue.Of(indexes[at].unique),
                    _ => CatalogValue.Unknown,
                };
            }
            default:
                return CatalogValue.Unknown;
        }
    }

    private static CatalogValue ObjectProperty(CatalogObject o, string property) => property.ToUpperInvariant() switch
    {
        "ISUSERTABLE" or "ISTABLE" => CatalogValue.Of(o.Type == "U"),
        "ISVIEW" => CatalogValue.Of(o.Type == "V"),
        "ISPROCEDURE" => CatalogValue.Of(o.Type == "P"),
        "ISTRIGGER" => CatalogValue.Of(o.Type == "TR"),
        "ISFOREIGNKEY" => CatalogValue.Of(o.Type == "F"),
        "ISPRIMARYKEY" => CatalogValue.Of(o.Type == "PK"),
        "ISUNIQUECNST" => CatalogValue.Of(o.Type == "UQ"),
        "ISCHECKCNST" => CatalogValue.Of(o.Type == "C"),
        "ISDEFAULTCNST" => CatalogValue.Of(o.Type == "D"),
        "ISCONSTRAINT" => CatalogValue.Of(o.Type is "PK" or "UQ" or "F" or "C" or "D"),
        "ISSCALARFUNCTION" => CatalogValue.Of(o.Type == "FN"),
        "ISINLINEFUNCTION" => CatalogValue.Of(o.Type == "IF"),
        "ISTABLEFUNCTION" => CatalogValue.Of(o.Type is "IF" or "TF"),
        "ISMSSHIPPED" => CatalogValue.Of(false),
        _ => CatalogValue.Unknown,
    };
}
