using Microsoft.SqlServer.Dac.Model;
using SchemaNorm.Analyzer.Model;
using DacColumn = Microsoft.SqlServer.Dac.Model.Column;

namespace SchemaNorm.Analyzer.Ingest.Dacpac;

/// <summary>
/// A column's type in a package's model to <see cref="SqlType"/>, as the script ingest maps the same
/// declaration: system types by name with their length, precision or scale; alias types resolved to their
/// base type (keeping the alias); sysname, hierarchyid, geography and geometry as the system types they
/// are; CLR types by name, compared as written.
/// </summary>
internal static class DacpacTypes
{
    private const string SystemSchema = "sys";

    public static SqlType Of(TSqlObject column)
    {
        var dataType = column.GetReferenced(DacColumn.DataType).FirstOrDefault();
        // A computed column's type follows from its expression, which only the database evaluates.
        if (dataType is null) return new SqlType("sql_variant");
        var parts = dataType.Name.Parts;
        var name = parts[^1].ToLowerInvariant();
        var collation = column.GetProperty<string>(DacColumn.Collation) is { Length: > 0 } c ? c : null;
        SqlType type;
        if (parts.Count == 1)
        {
            type = Sized(name, column.GetProperty<int>(DacColumn.Length), column.GetProperty<bool>(DacColumn.IsMax),
                column.GetProperty<int>(DacColumn.Precision), column.GetProperty<int>(DacColumn.Scale));
        }
        else if (string.Equals(parts[0], SystemSchema, StringComparison.OrdinalIgnoreCase) || dataType.ObjectType != DataType.TypeClass)
        {
            type = new SqlType(name);
        }
        else
        {
            // An alias type (CREATE TYPE ... FROM): its base type with the alias's size.
            var baseType = dataType.GetReferenced(DataType.Type).FirstOrDefault();
            var baseName = baseType?.Name.Parts[^1].ToLowerInvariant() ?? name;
            type = Sized(baseName, dataType.GetProperty<int>(DataType.UddtLength), dataType.GetProperty<bool>(DataType.UddtIsMax),
                dataType.GetProperty<int>(DataType.UddtPrecision), dataType.GetProperty<int>(DataType.UddtScale))
                with { Alias = new QualifiedName(parts[0], parts[1]) };
        }
        return collation is null ? type : type with { Collation = collation };
    }

    /// <summary>
    /// The model gives every size, T-SQL's default where the declaration left it out. The script ingest keeps
    /// what was written, so a default size of time, datetime2, datetimeoffset and float is left out here.
    /// </summary>
    private static SqlType Sized(string name, int length, bool isMax, int precision, int scale) => name switch
    {
        "char" or "varchar" or "nchar" or "nvarchar" or "binary" or "varbinary" => new SqlType(name, Length: isMax ? -1 : Math.Max(length, 1)),
        "decimal" or "numeric" => new SqlType(name, Precision: precision == 0 ? 18 : precision, Scale: scale),
        "float" => new SqlType(name, Precision: precision is 0 or DefaultFloatBits ? null : precision),
        "time" or "datetime2" or "datetimeoffset" => new SqlType(name, Scale: scale == DefaultFractionDigits ? null : scale),
        _ => new SqlType(name),
    };

    /// <summary>time, datetime2 and datetimeoffset without a scale have 7 fractional digits; float without one is float(53).</summary>
    private const int DefaultFractionDigits = 7, DefaultFloatBits = 53;
}
