namespace SchemaNorm.Databases.Common;

/// <summary>Small helpers for building statement text.</summary>
internal static class SqlText
{
    public static string List(IEnumerable<string> items) => string.Join(", ", items);
}
