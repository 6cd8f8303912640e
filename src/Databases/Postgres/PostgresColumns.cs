using System.Globalization;
using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>Column definitions for PostgreSQL's CREATE TABLE.</summary>
public static class PostgresColumns
{
    /// <summary>
    /// "Name" type [GENERATED ALWAYS AS IDENTITY (...)] [DEFAULT ...] [NOT NULL]. An identity is GENERATED
    /// ALWAYS, as SQL Server's IDENTITY refuses values unless told otherwise (the fills say OVERRIDING SYSTEM
    /// VALUE, as T-SQL says IDENTITY_INSERT); its sequence may go down to the type's lowest value, so that
    /// it can continue after any value copied into it. A default that is not a plain constant (or one of the
    /// few functions with an exact equivalent) is left off, with a note in <paramref name="notes"/>.
    /// </summary>
    /// <param name="table">The table's name for messages (schema.table).</param>
    /// <exception cref="PostgresMigrationException">A computed column, or an identity on a type PostgreSQL cannot number.</exception>
    public static string Definition(PlanColumn c, string table, ICollection<string>? notes)
    {
        var label = table + "." + c.Name;
        if (c.Computed is { } computed)
            throw new PostgresMigrationException($"{label} is a computed column ({computed.Trim()}): its expression is in the source's SQL, which SchemaNorm does not translate. No PostgreSQL script was written; make it a plain column first, or migrate with --dialect tsql");
        var type = PostgresTypes.Of(c.Type, label, notes: null);
        var text = PostgresNames.Quote(c.Name) + " " + type;
        if (c.Identity)
        {
            var range = PostgresTypes.IntegerRange(type)
                ?? throw new PostgresMigrationException($"{label} is an identity column of type {c.Type}: PostgreSQL numbers only smallint, integer and bigint columns. No PostgreSQL script was written");
            var bound = c.IdentityIncrement > 0 ? $"MINVALUE {range.Min}" : $"MAXVALUE {range.Max}";
            text += $" GENERATED ALWAYS AS IDENTITY (START WITH {Number(c.IdentitySeed)} INCREMENT BY {Number(c.IdentityIncrement)} {bound})";
        }
        else if (c.Default is { } def)
        {
            if (PostgresDefaults.Translate(def, type) is { } value) text += " DEFAULT " + value;
            else notes?.Add($"the default of {label} ({def.Trim()}) is not written: it is not a constant SchemaNorm can carry over to PostgreSQL; set it by hand if writers rely on it");
        }
        if (!c.Nullable) text += " NOT NULL";
        return text;
    }

    /// <summary>
    /// setval(...) that makes an identity continue after the values copied into <paramref name="table"/>
    /// (and never before its seed), as SQL Server's does after IDENTITY_INSERT.
    /// </summary>
    public static string ContinueIdentity(PostgresNames names, ObjectName table, PlanColumn c)
    {
        var col = PostgresNames.Quote(c.Name);
        var beforeSeed = Number(c.IdentitySeed - c.IdentityIncrement);
        var edge = c.IdentityIncrement > 0 ? $"GREATEST(max({col}), {beforeSeed})" : $"LEAST(min({col}), {beforeSeed})";
        return $"setval(pg_get_serial_sequence({names.RegClass(table)}, {PostgresNames.Literal(c.Name)}), (SELECT {edge} FROM {names.Qualified(table)}))";
    }

    private static string Number(decimal d) => d.ToString("0", CultureInfo.InvariantCulture);
}
