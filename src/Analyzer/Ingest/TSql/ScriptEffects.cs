using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>Whether a statement, run at the top of a script, changes the schema or the sample rows the model holds.</summary>
internal static class ScriptEffects
{
    public static bool ChangesModel(TSqlStatement statement) => statement switch
    {
        CreateTableStatement s => !Fragments.IsTemporary(s.SchemaObjectName),
        AlterTableStatement s => !Fragments.IsTemporary(s.SchemaObjectName),
        DropTableStatement s => s.Objects.Any(o => !Fragments.IsTemporary(o)),
        CreateIndexStatement s => !Fragments.IsTemporary(s.OnName),
        DropIndexStatement => true,
        CreateTypeStatement or CreateSchemaStatement => true,
        InsertStatement { InsertSpecification.Target: NamedTableReference { SchemaObject: { } target } } => !Fragments.IsTemporary(target),
        BulkInsertStatement s => !Fragments.IsTemporary(s.To),
        ExecuteStatement s => DynamicSql.Literals(s, out _) is not null || SchemaStatements.ChangesModel(s),
        BeginEndBlockStatement s => s.StatementList.Statements.Any(ChangesModel),
        TryCatchStatement s => s.TryStatements.Statements.Any(ChangesModel),
        IfStatement s => ChangesModel(s.ThenStatement) || s.ElseStatement is { } e && ChangesModel(e),
        _ => false,
    };
}
