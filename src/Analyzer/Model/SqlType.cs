namespace SchemaNorm.Analyzer.Model;

/// <summary>How values of a type are compared when the data is read (see Data/ValueSemantics).</summary>
public enum TypeCategory
{
    Integer,      // bit, tinyint, smallint, int, bigint
    Decimal,      // decimal, numeric, money, smallmoney: 1 = 1.00
    Float,        // float, real
    FixedText,    // char, nchar
    Text,         // varchar, nvarchar, text, ntext, sysname
    Binary,       // binary, varbinary, image, rowversion/timestamp
    DateTime,     // date, time, datetime, datetime2, smalldatetime, datetimeoffset
    Guid,         // uniqueidentifier
    Xml,
    Other,        // hierarchyid, geography, geometry, sql_variant, CLR types
}

/// <summary>
/// A column's type after alias types are resolved: the base SQL Server type name in lower case,
/// with length (-1 for MAX), precision and scale where the type has them.
/// </summary>
public sealed record SqlType(string Name, int? Length = null, int? Precision = null, int? Scale = null)
{
    /// <summary>The alias type the column was declared with (e.g. dbo.Name for nvarchar(50)), if any.</summary>
    public QualifiedName? Alias { get; init; }

    /// <summary>The collation named on the column (COLLATE ...), if any.</summary>
    public string? Collation { get; init; }

    public TypeCategory Category => Name switch
    {
        "bit" or "tinyint" or "smallint" or "int" or "bigint" => TypeCategory.Integer,
        "decimal" or "numeric" or "money" or "smallmoney" => TypeCategory.Decimal,
        "float" or "real" => TypeCategory.Float,
        "char" or "nchar" => TypeCategory.FixedText,
        "varchar" or "nvarchar" or "text" or "ntext" or "sysname" => TypeCategory.Text,
        "binary" or "varbinary" or "image" or "rowversion" or "timestamp" => TypeCategory.Binary,
        "date" or "time" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset" => TypeCategory.DateTime,
        "uniqueidentifier" => TypeCategory.Guid,
        "xml" => TypeCategory.Xml,
        _ => TypeCategory.Other,
    };

    public bool IsCharacter => Category is TypeCategory.FixedText or TypeCategory.Text;

    /// <summary>The type as T-SQL writes it: nvarchar(50), decimal(19,4), varbinary(max).</summary>
    public override string ToString()
    {
        if (Length is int len) return $"{Name}({(len < 0 ? "max" : len.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
        if (Precision is int p && Name is "decimal" or "numeric")
            return Scale is int s ? $"{Name}({p},{s})" : $"{Name}({p})";
        if (Scale is int sc && Name is "time" or "datetime2" or "datetimeoffset") return $"{Name}({sc})";
        if (Precision is int fp && Name is "float") return $"{Name}({fp})";
        return Name;
    }
}
