using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Annotations;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
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

    public ScriptReader(IngestSession session, PreparedScript script)
    {
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
            case ExecuteStatement s: _schema.Execute(s); break;
            case InsertStatement s: _data.Insert(s, repeat); break;
            case BulkInsertStatement s: _data.BulkInsert(s); break;
            case ViewStatementBody s: _session.AddView(Fragments.Name(s.SchemaObjectName)); break;
            // Statements that run as part of the script (not bodies of procedures or triggers).
            case BeginEndBlockStatement s:
                foreach (var inner in s.StatementList.Statements) Dispatch(inner, repeat, created);
                break;
            case TryCatchStatement s:
                foreach (var inner in s.TryStatements.Statements) Dispatch(inner, repeat, created);
                break;
            case IfStatement s:
                // IF NOT EXISTS (...) CREATE TABLE / INSERT: the script's intent is the THEN branch.
                Dispatch(s.ThenStatement, repeat, created);
                break;
        }
    }
}
