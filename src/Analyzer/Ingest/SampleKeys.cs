using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// Sample rows must be rows the database would accept: two rows with the same primary key, UNIQUE
/// constraint or (unfiltered) unique index value are an error, and that table's rows are set aside rather
/// than analysed as if the key held. A row with NULL in the key is not compared: in the sample NULL also
/// stands for a value only the database computes (a computed column, a default such as NEWID()). Keys
/// on an identity column are not compared either: the reader numbers rows that leave it out as the
/// database would, and a number it made up can meet a value another source gives.
/// </summary>
internal static class SampleKeys
{
    private const int MaxShownLength = 40;

    public static void Check(IngestSession session, IReadOnlyList<(Table table, IReadOnlyList<DataEntry> sources)> tables)
    {
        foreach (var (table, sources) in tables)
        {
            if (table.Data is not { } data) continue;
            foreach (var (label, columns) in Keys(table))
            {
                var positions = columns.Select(c => IndexOf(data.ColumnNames, c)).ToList();
                if (positions.Any(p => p < 0) || columns.Any(c => table.FindColumn(c) is not { IsComputed: false, IsIdentity: false })) continue;
                if (FirstDuplicate(data, positions) is not var (first, second)) continue;
                var value = string.Join(", ", positions.Select(p => Show(data.Value(second, p))));
                session.Diagnostics.Error(
                    $"the sample rows of {table.Name} break its {label} ({string.Join(", ", columns)}): rows {first + 1} and {second + 1} " +
                    $"both have ({value}); the table's rows are set aside, not analysed",
                    LocateRow(session, table, sources, second));
                table.Data = null;
                break;
            }
        }
    }

    private static IEnumerable<(string label, IReadOnlyList<string> columns)> Keys(Table table)
    {
        if (table.PrimaryKey is { } pk) yield return (pk.Name is null ? "primary key" : $"primary key {pk.Name}", pk.Columns);
        foreach (var u in table.UniqueConstraints) yield return (u.Name is null ? "UNIQUE constraint" : $"UNIQUE constraint {u.Name}", u.Columns);
        foreach (var i in table.UniqueIndexes.Where(i => !i.IsFiltered)) yield return ($"unique index {i.Name}", i.Columns);
    }

    private static int IndexOf(IReadOnlyList<string> names, string column)
    {
        for (int i = 0; i < names.Count; i++)
            if (Identifier.AreEqual(names[i], column)) return i;
        return -1;
    }

    /// <summary>The first row that repeats an earlier row's key, with that earlier row; values compare by the column's codes (its collation).</summary>
    private static (int first, int second)? FirstDuplicate(Analyzer.Data.TableData data, IReadOnlyList<int> positions)
    {
        var codes = positions.Select(p => data.Columns[p].Codes).ToList();
        if (codes.Count == 1)
        {
            var seen = new Dictionary<int, int>();
            for (int r = 0; r < data.RowCount; r++)
                if (codes[0][r] != Analyzer.Data.ColumnData.NullCode && !seen.TryAdd(codes[0][r], r)) return (seen[codes[0][r]], r);
            return null;
        }
        var seenTuples = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new string[codes.Count];
        for (int r = 0; r < data.RowCount; r++)
        {
            if (codes.Any(c => c[r] == Analyzer.Data.ColumnData.NullCode)) continue;
            for (int c = 0; c < codes.Count; c++) parts[c] = codes[c][r].ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = string.Join(',', parts);
            if (!seenTuples.TryAdd(key, r)) return (seenTuples[key], r);
        }
        return null;
    }

    private static string Show(string? value) => value is null ? "NULL"
        : value.Length > MaxShownLength ? $"'{value[..MaxShownLength]}...'" : $"'{value}'";

    /// <summary>The statement or file that put row <paramref name="row"/> in: each source is read again on its own to count its rows.</summary>
    private static SourceLocation LocateRow(IngestSession session, Table table, IReadOnlyList<DataEntry> sources, int row)
    {
        if (sources.Count == 1) return sources[0].Source.Location;
        int seen = 0;
        foreach (var entry in sources)
        {
            seen += TableLoader.Load(table, [entry], session.DefaultOf, session.Options.CaseSensitive, session.Options.Limits, new DiagnosticBag())?.RowCount ?? 0;
            if (seen > row) return entry.Source.Location;
        }
        return sources[^1].Source.Location;
    }
}
