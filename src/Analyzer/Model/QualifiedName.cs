namespace SchemaNorm.Analyzer.Model;

/// <summary>
/// A schema-qualified object name, compared the way SQL Server compares identifiers under a
/// case-insensitive collation. <see cref="Schema"/> is null only for tables that came from a bare CSV file.
/// </summary>
public readonly record struct QualifiedName(string? Schema, string Name)
{
    public const string DefaultSchema = "dbo";

    public bool Equals(QualifiedName other) =>
        string.Equals(Schema, other.Schema, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(
        Schema is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Schema),
        StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";

    /// <summary>Parses "Name", "dbo.Name", "[dbo].[Order Details]" or "\"Order Details\"".</summary>
    public static QualifiedName Parse(string text, string? defaultSchema = DefaultSchema)
    {
        var parts = Identifier.SplitMultipart(text);
        return parts.Count switch
        {
            0 => throw new FormatException($"'{text}' is not a table name"),
            1 => new QualifiedName(defaultSchema, parts[0]),
            _ => new QualifiedName(parts[^2], parts[^1]),
        };
    }
}
