using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;
using Identifier = SchemaNorm.Analyzer.Model.Identifier;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// Records the statements that put rows into tables (INSERT ... VALUES, BULK INSERT) as data sources;
/// their rows are read once every script has been read and the tables' final columns are known.
/// </summary>
internal sealed class DataStatements(IngestSession session, PreparedScript script)
{
    /// <summary>INSERT read by the fast scanner.</summary>
    public void FastInsert(FastInsert insert, int repeat)
    {
        var parts = Identifier.SplitMultipart(insert.TargetName);
        if (parts.Count == 0 || parts[^1].StartsWith('#')) return;
        var name = new QualifiedName(parts.Count >= 2 ? parts[^2] : QualifiedName.DefaultSchema, parts[^1]);
        session.AddData(name, new FastInsertSource(script, insert, repeat, script.Locate(insert.Start)));
    }

    public void Insert(InsertStatement statement, int repeat)
    {
        var spec = statement.InsertSpecification;
        if (spec.Target is not NamedTableReference { SchemaObject: { } target } || Fragments.IsTemporary(target)) return;
        var name = Fragments.Name(target);
        var location = script.Location(statement);
        switch (spec.InsertSource)
        {
            case ValuesInsertSource values:
            {
                var columns = spec.Columns.Count == 0 ? null : spec.Columns.Select(Fragments.ColumnName).ToList();
                var rows = values.IsDefaultValues
                    ? [new ParsedRow(statement.StartOffset, [])]
                    : values.RowValues.Select(r => new ParsedRow(r.StartOffset, r.ColumnValues.Select(LiteralValues.Of).ToArray())).ToList();
                // DEFAULT VALUES: every column takes its default, as if the statement listed none.
                session.AddData(name, new ParsedInsertSource(script, values.IsDefaultValues ? [] : columns, rows, repeat, location));
                break;
            }
            case SelectInsertSource:
                session.QueryInsert(name, "INSERT ... SELECT", location);
                break;
            case ExecuteInsertSource:
                session.QueryInsert(name, "INSERT ... EXEC", location);
                break;
        }
    }

    public void BulkInsert(BulkInsertStatement statement)
    {
        if (Fragments.IsTemporary(statement.To)) return;
        var name = Fragments.Name(statement.To);
        var location = script.Location(statement);
        var written = statement.From?.Value ?? (statement.From?.ValueExpression as StringLiteral)?.Value;
        if (string.IsNullOrEmpty(written))
        {
            session.Diagnostics.Warning($"BULK INSERT into {name} does not name its file as a string; its rows are not read", location);
            return;
        }
        var format = Format(statement.Options);
        var folder = script.FolderAt(statement.StartOffset);
        string? path = ScriptPaths.Resolve(written, folder);
        // Only a file inside the script's tree (or a folder the user allows) is read, by its real path.
        var what = $"the data file of BULK INSERT into {name}";
        var verdict = session.Scope.Admit(path, script.Tree, what, location, session.Diagnostics, out var real);
        if (verdict == ReadVerdict.Missing)
        {
            // Sample scripts name the folder they were installed from (C:\Samples\...); the files
            // usually sit beside the script instead.
            var beside = Path.Combine(folder, ScriptPaths.FileName(written));
            verdict = session.Scope.Admit(beside, script.Tree, what, location, session.Diagnostics, out real);
            if (verdict == ReadVerdict.Allowed) ReportRelocated(written, folder, location);
            else if (verdict == ReadVerdict.Missing)
            {
                session.Diagnostics.Warning(
                    $"data file {ScriptPaths.FileName(written)} for BULK INSERT into {name} was not found (looked for '{written}' and in {folder}); the table has no sample rows from it",
                    location);
            }
        }
        path = verdict == ReadVerdict.Allowed ? real : null;
        session.AddData(name, new BulkInsertSource(written, path, format, location));
    }

    private readonly HashSet<string> _relocatedFolders = new(StringComparer.OrdinalIgnoreCase);

    private void ReportRelocated(string written, string folder, SourceLocation location)
    {
        var writtenFolder = ScriptPaths.Folder(written);
        if (_relocatedFolders.Add(writtenFolder))
            session.Diagnostics.Info(
                $"BULK INSERT files under '{writtenFolder}' do not exist here; files of that name in the script's folder ({folder}) are read instead",
                location);
    }

    private BulkFileFormat Format(IList<BulkInsertOption> options)
    {
        var format = new BulkFileFormat();
        foreach (var option in options)
        {
            if (option is not LiteralBulkInsertOption { Value: { } literal }) continue;
            var value = literal.Value;
            switch (option.OptionKind)
            {
                case BulkInsertOptionKind.FieldTerminator: format = format with { FieldTerminator = Terminator.Parse(value) }; break;
                case BulkInsertOptionKind.RowTerminator: format = format with { RowTerminator = Terminator.Parse(value) }; break;
                case BulkInsertOptionKind.FirstRow: format = format with { FirstRow = Int(value) ?? 1 }; break;
                case BulkInsertOptionKind.LastRow: format = format with { LastRow = Int(value) }; break;
                case BulkInsertOptionKind.CodePage: format = format with { CodePage = value }; break;
                case BulkInsertOptionKind.DataFileType: format = format with { DataFileType = value }; break;
                case BulkInsertOptionKind.DataFileFormat: format = format with { Csv = value.Equals("CSV", StringComparison.OrdinalIgnoreCase) }; break;
                case BulkInsertOptionKind.FieldQuote when value.Length == 1: format = format with { FieldQuote = value[0] }; break;
                case BulkInsertOptionKind.FormatFile: format = format with { FormatFile = value }; break;
            }
        }
        return format;
    }

    private static int? Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
