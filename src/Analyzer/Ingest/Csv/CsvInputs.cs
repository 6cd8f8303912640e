using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Ingest.Data;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Csv;

/// <summary>
/// CSV/TSV files among the inputs. A file gives rows to the table --data maps it to, or to the table
/// its name names (Orders.csv, dbo.Orders.csv); header names match column names case-insensitively
/// and values compare as the column's type says. A file that matches no table becomes a table of its
/// own, with its header as columns, compared exactly as written (the FD-discovery convention).
/// </summary>
internal sealed class CsvInputs(IngestSession session)
{
    public void Read(IReadOnlyList<InputFile> files, IReadOnlySet<string> bulkLoaded)
    {
        var wanted = new List<(InputFile file, Table? table)>();
        foreach (var file in files)
        {
            if (bulkLoaded.Contains(file.RealPath))
            {
                // A BULK INSERT already reads it, with the terminators its statement gives.
                if (file.Explicit)
                    session.Diagnostics.Info("this file is the data file of a BULK INSERT and is read as such, not again as a CSV file",
                        new SourceLocation(file.Path, 1, 1));
                continue;
            }
            Table? table = null;
            if (file.Table is { } mapped)
            {
                table = session.Find(mapped);
                if (table is null)
                {
                    session.Diagnostics.Error($"--data maps this file to table {mapped}, which no script creates", new SourceLocation(file.Path, 1, 1));
                    continue;
                }
            }
            else table = ByFileName(file.Path);
            wanted.Add((file, table));
        }

        // Files are independent: parse them in parallel, then attach them in input order.
        var read = new (CsvTable? csv, int[]? positional)[wanted.Count];
        Parallel.For(0, wanted.Count, i => read[i] = Parse(wanted[i].file, wanted[i].table));
        for (int i = 0; i < wanted.Count; i++)
        {
            var (file, table) = wanted[i];
            var (csv, positional) = read[i];
            if (csv is null) continue;
            if (csv.Header.Count > TSql.ColumnLimits.MaxWideTableColumns)
            {
                // Every later stage costs at least a pass per column; a file this wide is no table SQL Server could hold.
                session.Diagnostics.Error($"this file has {csv.Header.Count:N0} fields per row, more than the {TSql.ColumnLimits.MaxWideTableColumns:N0} columns SQL Server allows in a wide table: the file is not read",
                    new SourceLocation(file.Path, 1, 1));
                continue;
            }
            table ??= ByFileName(file.Path) ?? CreateTable(file.Path, csv);
            table.CsvFirstLines.Add(FirstLine(csv));
            var mapping = positional ?? MapHeader(csv, table, file.Path);
            session.AddCsvSource(table, new CsvSource(csv, mapping, new SourceLocation(file.Path, 1, 1)));
        }
    }

    private Table? ByFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.Length == 0) return null;
        try
        {
            return session.Model.Find(name) ?? session.Find(new QualifiedName(null, name));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private (CsvTable?, int[]?) Parse(InputFile file, Table? table)
    {
        var options = session.Options;
        var csvOptions = new CsvOptions { Delimiter = options.CsvDelimiter, HasHeader = options.CsvHasHeader, Encoding = options.Encoding, Limits = options.Limits };
        if (table is null) return (ReadOnItsOwn(file.Path, csvOptions), null);

        int[]? positional = null;
        bool headerless = false;
        csvOptions = csvOptions with
        {
            // A first line that names none of the table's columns but has one field per column is data:
            // bcp and BULK files have no header.
            IsHeader = fields =>
            {
                if (!options.CsvDetectHeader || fields.Any(f => table.FindColumn(f) is not null)) return true;
                positional = PositionalColumns(table, fields.Count);
                headerless = positional is not null;
                return !headerless;
            },
            Semantics = header =>
            {
                if (!options.CsvHasHeader) positional = PositionalColumns(table, header.Count);
                return header.Select((h, i) =>
                {
                    var column = positional is not null ? table.Columns[positional[i]] : table.FindColumn(h);
                    return column is null ? ValueSemantics.Exact : ValueSemantics.For(column.Type, options.CaseSensitive);
                }).ToList();
            },
        };
        var csv = CsvReader.Read(file.Path, csvOptions, session.Diagnostics);
        if (csv is null) return (null, null);
        if (!options.CsvHasHeader && positional is null)
        {
            session.Diagnostics.Error($"this file has {csv.Header.Count} fields per row, but {table.Name} has {table.Columns.Count} columns (the file has no header to match them by name)",
                new SourceLocation(file.Path, 1, 1));
            return (null, null);
        }
        if (headerless)
            session.Diagnostics.Info($"the first line names none of {table.Name}'s columns, so it is read as data, one field per column in table order",
                new SourceLocation(file.Path, 1, 1));
        return (csv, positional);
    }

    /// <summary>A file that maps to no table: unless an option says, its rows decide whether its first line is a header.</summary>
    private CsvTable? ReadOnItsOwn(string path, CsvOptions csvOptions)
    {
        var csv = CsvReader.Read(path, csvOptions with { DetectHeader = session.Options.CsvDetectHeader }, session.Diagnostics);
        if (csv?.DetectionReason is { } reason)
            session.Diagnostics.Info(csv.FirstLineIsHeader
                    ? $"the first line is read as the header: {reason} (--no-header reads it as data)"
                    : $"the first line is read as data, not as a header: {reason}; the columns are named column1 ... column{csv.Header.Count} (--header reads it as names)",
                new SourceLocation(path, 1, 1));
        return csv;
    }

    private CsvFirstLine FirstLine(CsvTable csv)
    {
        var options = session.Options;
        string decidedBy = !options.CsvHasHeader ? "--no-header" : !options.CsvDetectHeader ? "--header" : csv.DetectionReason is not null ? "detected" : "table columns";
        return new CsvFirstLine(csv.Path, csv.FirstLineIsHeader, decidedBy, csv.DetectionReason);
    }

    /// <summary>Fields by position: every column, or every column that takes a value in an INSERT without a column list.</summary>
    private static int[]? PositionalColumns(Table table, int fields)
    {
        if (fields == table.Columns.Count) return Enumerable.Range(0, fields).ToArray();
        var insertable = Enumerable.Range(0, table.Columns.Count).Where(i => TableLayout.TakesImplicitValue(table.Columns[i]) || table.Columns[i].IsIdentity).ToArray();
        return insertable.Length == fields ? insertable : null;
    }

    private int[] MapHeader(CsvTable csv, Table table, string path)
    {
        var mapping = new int[csv.Header.Count];
        for (int i = 0; i < mapping.Length; i++)
        {
            mapping[i] = table.IndexOf(csv.Header[i]);
            if (mapping[i] < 0)
                session.Diagnostics.Error($"column '{csv.Header[i]}' in the header is not a column of {table.Name}; its values are not read",
                    new SourceLocation(path, 1, 1));
        }
        return mapping;
    }

    /// <summary>A table for a CSV file that matches none: its header as nvarchar(max) NULL columns.</summary>
    private Table CreateTable(string path, CsvTable csv)
    {
        var location = new SourceLocation(path, 1, 1);
        var table = new Table(new QualifiedName(null, Path.GetFileNameWithoutExtension(path)), location) { FromDataOnly = true, NumberedColumnNames = !csv.FirstLineIsHeader };
        foreach (var name in csv.Header) table.Columns.Add(new Column(name, new SqlType("nvarchar", Length: -1), location));
        session.Model.Add(table);
        return table;
    }
}
