namespace SchemaNorm.Analyzer.Model;

/// <summary>A column as the script leaves it: type, nullability, identity, default, computed expression.</summary>
public sealed class Column(string name, SqlType type, SourceLocation location)
{
    public string Name
    {
        get;
        set
        {
            field = value;
            Interlocked.Increment(ref s_renames);
        }
    } = name;

    private static long s_renames;

    /// <summary>How many times any column was renamed: tables' name indexes are rebuilt when it changes.</summary>
    internal static long Renames => Interlocked.Read(ref s_renames);
    public SqlType Type { get; set; } = type;
    public bool IsNullable { get; set; } = true;
    public bool IsIdentity { get; set; }
    /// <summary>IDENTITY(seed, increment); meaningful when <see cref="IsIdentity"/>.</summary>
    public decimal IdentitySeed { get; set; } = 1;
    public decimal IdentityIncrement { get; set; } = 1;
    public string? DefaultExpression { get; set; }
    /// <summary>The expression of a computed column (AS ...), or null for a stored column.</summary>
    public string? ComputedExpression { get; set; }
    public bool IsPersisted { get; set; }
    public bool IsComputed => ComputedExpression is not null;
    public SourceLocation Location { get; set; } = location;

    public override string ToString() => $"{Name} {Type}{(IsNullable ? "" : " NOT NULL")}";
}
