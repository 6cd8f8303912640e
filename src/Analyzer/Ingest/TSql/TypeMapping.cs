using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>ScriptDom data type references to <see cref="SqlType"/>.</summary>
internal static class TypeMapping
{
    /// <summary>System types that ScriptDom reads as user types: they need no CREATE TYPE.</summary>
    private static readonly HashSet<string> SystemUserTypes = new(StringComparer.OrdinalIgnoreCase)
        { "sysname", "hierarchyid", "geography", "geometry" };

    /// <summary>
    /// The type a column is declared with. For a user-defined (alias) type, returns a placeholder and
    /// sets <paramref name="alias"/>; the caller resolves it once every CREATE TYPE has been read.
    /// </summary>
    public static SqlType Map(DataTypeReference reference, out QualifiedName? alias)
    {
        alias = null;
        var parameters = (reference as ParameterizedDataTypeReference)?.Parameters ?? [];
        switch (reference)
        {
            case SqlDataTypeReference sql:
                return WithParameters(sql.SqlDataTypeOption.ToString().ToLowerInvariant(), parameters);
            case XmlDataTypeReference:
                return new SqlType("xml");
            // sys.hierarchyid names the same system type.
            case UserDataTypeReference user when (user.Name.SchemaIdentifier is null || string.Equals(user.Name.SchemaIdentifier.Value, "sys", StringComparison.OrdinalIgnoreCase))
                                                 && SystemUserTypes.Contains(user.Name.BaseIdentifier.Value):
                return new SqlType(user.Name.BaseIdentifier.Value.ToLowerInvariant());
            default:
                var name = reference.Name;
                alias = new QualifiedName(name.SchemaIdentifier?.Value ?? QualifiedName.DefaultSchema, name.BaseIdentifier.Value);
                return WithParameters(name.BaseIdentifier.Value.ToLowerInvariant(), parameters);
        }
    }

    private static SqlType WithParameters(string name, IList<Literal> parameters)
    {
        int? First() => parameters.Count > 0 ? Size(parameters[0]) : null;
        int? Second() => parameters.Count > 1 ? Size(parameters[1]) : null;
        return name switch
        {
            // Without a length these mean length 1 in a declaration.
            "char" or "varchar" or "nchar" or "nvarchar" or "binary" or "varbinary" => new SqlType(name, Length: First() ?? 1),
            "decimal" or "numeric" => new SqlType(name, Precision: First() ?? 18, Scale: Second() ?? 0),
            "float" => new SqlType(name, Precision: First()),
            "time" or "datetime2" or "datetimeoffset" => new SqlType(name, Scale: First()),
            _ => new SqlType(name, Length: First()),
        };
    }

    private static int? Size(Literal literal) => literal switch
    {
        MaxLiteral => -1,
        _ when int.TryParse(literal.Value, out var n) => n,
        _ => null,
    };
}
