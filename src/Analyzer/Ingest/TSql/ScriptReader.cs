using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Annotations;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Ingest.TSql.Catalog;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// Reads one prepared script batch by batch, in order: batches of plain INSERT ... VALUES go through
/// <see cref="FastInsertScanner"/>, the rest through ScriptDom (TSql180Parser, quoted identifiers on).
/// A batch that does not parse is reported with the parser's messages and skipped; the next batch is
/// read as usual. Trees are dropped after each batch. Parsing runs on a <see cref="LargeStack"/> thread,
/// and a batch nested past <see cref="NestingLimits"/> is reported at the token that passes the limit.
/// </summary>
internal sealed class ScriptReader
{
    private readonly IngestSession _session;
    private readonly PreparedScript _script;
    private readonly SchemaStatements _schema;
    private readonly DataStatements _data;
    private readonly TSql180Parser _parser = new(initialQuotedIdentifiers: true);

    /// <summary>EXEC ('EXEC (''...'')') nests; deeper than this is not a real script.</summary>
    private const int MaxDynamicDepth = 16;

    private readonly int _depth;
    private readonly ScriptRole _role;
    private bool _definitionsReported;

    public ScriptReader(IngestSession session, PreparedScript script, ScriptRole role = ScriptRole.Schema) : this(session, script, role, 0)
    {
    }

    private ScriptReader(IngestSession session, PreparedScript script, ScriptRole role, int depth)
    {
        _depth = depth;
        _role = role;
        _session = session;
        _script = script;
        _schema = new SchemaStatements(session, script);
        _data = new DataStatements(session, script);
    }

    public void Read() => LargeStack.Run(ReadBatches);

    private void ReadBatches()
    {
        var inserts = new List<FastInsert>();
        var text = _script.Text;
        foreach (var batch in _script.Batches)
        {
            // Plain INSERT statements go through the fast reader; where it stops, ScriptDom reads up to the
            // next INSERT, so that one odd statement in a long data batch does not send the whole batch
            // to ScriptDom. A piece that does not parse on its own (a cut through IF ... INSERT, a MERGE)
            // is read again together with the rest of the batch.
            int pos = batch.Start;
            while (true)
            {
                bool complete = FastInsertScanner.TryScan(text, pos, batch.End, inserts, out int stop);
                foreach (var insert in inserts) _data.FastInsert(insert, batch.Repeat);
                inserts.Clear();
                if (complete) break;
                int next = FastInsertScanner.StartsModule(text, stop, batch.End) ? -1 : FastInsertScanner.NextInsert(text, stop + 1, batch.End);
                if (next >= 0 && Parse(batch, stop, next, reportErrors: false))
                {
                    pos = next;
                    continue;
                }
                Parse(batch, stop, batch.End, reportErrors: true);
                break;
            }
        }
    }

    /// <summary>Parses [start, end) of a batch and applies its statements; false (nothing applied) when it does not parse.</summary>
    private bool Parse(ScriptBatch batch, int start, int end, bool reportErrors)
    {
        var reader = new StringReader(_script.Text.Substring(start, end - start));
        int line = _script.Map.LineOf(start) + 1;
        int column = start - _script.Map.LineStart(line - 1) + 1;
        var tokens = _parser.GetTokenStream(reader, out var errors, start, line, column);
        if (errors.Count == 0 && NestingLimits.Check(tokens) is { } tooDeep)
        {
            if (reportErrors) _session.Diagnostics.Error(tooDeep.message, _script.Locate(Math.Clamp(tooDeep.token.Offset, start, end)));
            return false;
        }
        var fragment = errors.Count == 0 ? _parser.Parse(tokens, out errors) : null;
        if (errors.Count > 0 || fragment is null)
        {
            if (reportErrors)
                foreach (var e in errors)
                    _session.Diagnostics.Error($"SQL syntax error: {e.Message}", _script.Locate(Math.Clamp(e.Offset, start, end)));
            return false;
        }
        var created = new List<(CreateTableStatement, Table)>();
        if (fragment is TSqlScript script)
            foreach (var b in script.Batches)
                foreach (var statement in b.Statements)
                    Dispatch(statement, batch.Repeat, created);
        AnnotationReader.Read(fragment, created, _script, _session);
        SuppressionReader.Read(fragment, created, _script, _session);
        return true;
    }

    private void Dispatch(TSqlStatement statement, int repeat, List<(CreateTableStatement, Table)> created)
    {
        var objects = _session.Objects;
        if (_role == ScriptRole.Deployment && IsDefinition(statement))
        {
            if (!_definitionsReported)
                _session.Diagnostics.Info("a deployment script's DDL is not part of the project's schema (its Build scripts are); only its rows are read",
                    _script.Location(statement));
            _definitionsReported = true;
            return;
        }
        switch (statement)
        {
            case CreateTableStatement s:
                if (ColumnLimits.Check(s) is { } wide)
                {
                    _session.Diagnostics.Error(wide.message, _script.Location(wide.column));
                    _session.AddSkippedTable(Fragments.Name(s.SchemaObjectName));
                }
                else if (_schema.CreateTable(s) is { } table) created.Add((s, table));
                break;
            case AlterTableAddTableElementStatement s when _session.Find(Fragments.Name(s.SchemaObjectName)) is { } table &&
                                                            ColumnLimits.Check(s, table.Columns.Count) is { } wider:
                _session.Diagnostics.Error(wider.message, _script.Location(wider.column));
                break;
            case AlterTableStatement s: _schema.AlterTable(s); break;
            case DropTableStatement s: _schema.DropTable(s); break;
            case CreateIndexStatement s: _schema.CreateIndex(s); break;
            case DropIndexStatement s: _schema.DropIndex(s); break;
            case CreateTypeUddtStatement s: _schema.CreateType(s); break;
            case CreateTypeUdtStatement s: _session.AddClrType(Fragments.Name(s.Name)); break;
            case CreateTypeTableStatement s: objects.AddModule(Fragments.Name(s.Name), "TT"); break;
            case ExecuteStatement s: Execute(s, repeat, created); break;
            case InsertStatement s: _data.Insert(s, repeat); break;
            case BulkInsertStatement s: _data.BulkInsert(s); break;
            case ViewStatementBody s:
                _session.AddView(Fragments.Name(s.SchemaObjectName));
                objects.AddModule(Fragments.Name(s.SchemaObjectName), "V");
                break;
            // Modules change nothing in the model, but guards ask whether they exist.
            case ProcedureStatementBody s: objects.AddModule(Fragments.Name(s.ProcedureReference.Name), "P"); break;
            case FunctionStatementBody s:
                objects.AddModule(Fragments.Name(s.Name), s.ReturnType switch
                {
                    SelectFunctionReturnType => "IF",
                    TableValuedFunctionReturnType => "TF",
                    _ => "FN",
                });
                break;
            case TriggerStatementBody s: objects.AddModule(Fragments.Name(s.Name), "TR"); break;
            case CreateSequenceStatement s: objects.AddModule(Fragments.Name(s.Name), "SO"); break;
            case CreateSynonymStatement s: objects.AddModule(Fragments.Name(s.Name), "SN"); break;
            case DropObjectsStatement s:
                foreach (var name in s.Objects) objects.DropModule(Fragments.Name(name));
                break;
            case DropTypeStatement s: objects.DropModule(Fragments.Name(s.Name)); break;
            case CreateSchemaStatement s: CreateSchema(s, repeat, created); break;
            case DropSchemaStatement s: objects.DropSchema(s.Schema.BaseIdentifier.Value); break;
            // Statements that run as part of the script (not bodies of procedures or triggers).
            case BeginEndBlockStatement s:
                foreach (var inner in s.StatementList.Statements) Dispatch(inner, repeat, created);
                break;
            case TryCatchStatement s:
                foreach (var inner in s.TryStatements.Statements) Dispatch(inner, repeat, created);
                break;
            case IfStatement s: If(s, repeat, created); break;
        }
    }

    private static bool IsDefinition(TSqlStatement statement) => statement is CreateTableStatement or AlterTableStatement or DropTableStatement
        or CreateIndexStatement or DropIndexStatement or CreateTypeStatement or CreateSchemaStatement
        || statement is ExecuteStatement e && SchemaStatements.ChangesModel(e);

    /// <summary>
    /// IF ... ELSE as it would run on the database the scripts built so far. A condition the scripts cannot
    /// decide takes the THEN branch (the ELSE branch when only it changes anything), and says so.
    /// </summary>
    private void If(IfStatement statement, int repeat, List<(CreateTableStatement, Table)> created)
    {
        var truth = new ConditionEvaluator(new CatalogSnapshot(_session, _session.Objects)).Evaluate(statement.Predicate);
        TSqlStatement? branch;
        if (truth is bool holds) branch = holds ? statement.ThenStatement : statement.ElseStatement;
        else
        {
            bool thenMatters = ScriptEffects.ChangesModel(statement.ThenStatement);
            bool elseMatters = statement.ElseStatement is { } e && ScriptEffects.ChangesModel(e);
            bool takeElse = !thenMatters && elseMatters;
            branch = takeElse ? statement.ElseStatement : statement.ThenStatement;
            if (thenMatters || elseMatters)
                _session.Diagnostics.Info(
                    $"the condition of this IF cannot be decided from the scripts ({_script.Text(statement.Predicate).ReplaceLineEndings(" ")}); " +
                    (takeElse ? "the ELSE branch is read, the only one that changes the schema or its rows"
                              : statement.ElseStatement is null ? "its statement is read as if the condition held" : "the THEN branch is read, the ELSE branch is not"),
                    _script.Location(statement));
        }
        if (branch is not null) Dispatch(branch, repeat, created);
    }

    /// <summary>CREATE SCHEMA s [AUTHORIZATION o] CREATE TABLE T ...: the elements are created in s.</summary>
    private void CreateSchema(CreateSchemaStatement statement, int repeat, List<(CreateTableStatement, Table)> created)
    {
        var schema = statement.Name.Value;
        _session.Objects.AddSchema(schema);
        foreach (var inner in statement.StatementList?.Statements ?? [])
        {
            var name = inner switch
            {
                CreateTableStatement t => t.SchemaObjectName,
                ViewStatementBody v => v.SchemaObjectName,
                _ => null,
            };
            if (name is not null && name.SchemaIdentifier is null) name.Identifiers.Insert(0, new Microsoft.SqlServer.TransactSql.ScriptDom.Identifier { Value = schema });
            Dispatch(inner, repeat, created);
        }
    }

    /// <summary>EXEC of literal text is read as the script it runs; EXEC of a procedure goes to the schema statements.</summary>
    private void Execute(ExecuteStatement statement, int repeat, List<(CreateTableStatement, Table)> created)
    {
        var literals = DynamicSql.Literals(statement, out bool dynamic);
        if (literals is null)
        {
            if (dynamic)
                _session.Diagnostics.Info("EXEC runs text built while the script runs; only literal text is read, so what it does is not in the model",
                    _script.Location(statement));
            else _schema.Execute(statement);
            return;
        }
        if (_depth >= MaxDynamicDepth)
        {
            _session.Diagnostics.Error($"EXEC of literal text nested more than {MaxDynamicDepth} deep is not read", _script.Location(statement));
            return;
        }
        var inner = new ScriptReader(_session, DynamicSql.Script(_script, literals), _role, _depth + 1);
        inner.Read();
    }
}
