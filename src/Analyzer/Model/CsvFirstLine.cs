namespace SchemaNorm.Analyzer.Model;

/// <summary>
/// How the first line of a CSV file read for a table was taken: as the header, or as data (columns then
/// numbered). <see cref="DecidedBy"/> is "detected", "--header", "--no-header" or "table columns" (a
/// file mapped to a table whose column names the first line does or does not hold).
/// </summary>
public sealed record CsvFirstLine(string Path, bool IsHeader, string DecidedBy, string? Reason);
