using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Analyzer.Ingest.Sqlcmd;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Data;

/// <summary>
/// Where some sample rows of a table come from. Scripts are read first (to learn the end-state
/// schema); the rows are read afterwards, table by table, from these records.
/// </summary>
internal abstract record DataSource(SourceLocation Location);

/// <summary>An INSERT ... VALUES statement that <see cref="FastInsertScanner"/> read; it is read again for its rows.</summary>
internal sealed record FastInsertSource(PreparedScript Script, FastInsert Insert, int Repeat, SourceLocation Location) : DataSource(Location);

/// <summary>An INSERT ... VALUES statement parsed by ScriptDom, with its values already taken from the tree.</summary>
internal sealed record ParsedInsertSource(PreparedScript Script, IReadOnlyList<string>? Columns, IReadOnlyList<ParsedRow> Rows, int Repeat, SourceLocation Location)
    : DataSource(Location);

internal sealed record ParsedRow(int Offset, ValueSlot[] Values);

/// <summary>BULK INSERT t FROM 'file' WITH (...): <see cref="Path"/> is the file found, or null when none was.</summary>
internal sealed record BulkInsertSource(string WrittenPath, string? Path, BulkFileFormat Format, SourceLocation Location) : DataSource(Location);

/// <summary>A CSV/TSV file mapped to a table; <see cref="Mapping"/>[i] is the table column of file column i, or -1.</summary>
internal sealed record CsvSource(CsvTable File, int[] Mapping, SourceLocation Location) : DataSource(Location);

/// <summary>A source with the table layout at the time it ran (null: the end-state layout).</summary>
internal sealed record DataEntry(int Sequence, DataSource Source, TableLayout? Layout);
