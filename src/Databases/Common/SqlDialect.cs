using System.Data;
using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.Postgres;
using SchemaNorm.Databases.SqlServer;

namespace SchemaNorm.Databases.Common;

/// <summary>
/// What differs between the servers: quoting, the catalog queries, how a value is read as text, how a
/// column is grouped, how a query is limited, how a session is made read-only. Every statement SchemaNorm
/// sends is built here from constant text and quoted identifiers; values travel as parameters.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgresDialect(),
        _ => new SqlServerDialect(),
    };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>A delimited identifier: "name" or [name], with the closing quote doubled inside.</summary>
    public string Quote(string identifier)
    {
        // No database's delimited identifier can hold a NUL, and a driver may cut the statement at one.
        if (identifier.Contains('\0')) throw new ArgumentException("an identifier cannot hold a NUL character", nameof(identifier));
        return Delimit(identifier);
    }

    /// <summary>The database's own quoting of an identifier already known to hold no NUL.</summary>
    protected abstract string Delimit(string identifier);

    public string Table(string schema, string name) => Quote(schema) + "." + Quote(name);

    public string Table(Table table) => Table(table.Name.Schema ?? throw new ArgumentException($"{table.Name} has no schema: it is not a database table"), table.Name.Name);

    // ---- the session ----

    /// <summary>Statements run once after the connection opens, before the transaction begins.</summary>
    public abstract IReadOnlyList<string> SessionSetup { get; }

    /// <summary>Statements run first inside the transaction.</summary>
    public abstract IReadOnlyList<string> TransactionSetup { get; }

    /// <summary>One row: the database's name, whether the session is read-only, its default collation (SQL Server), whether SNAPSHOT isolation is allowed (SQL Server).</summary>
    public abstract string SessionFacts { get; }

    // ---- the catalog ----

    public abstract string TablesQuery { get; }
    public abstract string ColumnsQuery { get; }
    public abstract string KeysQuery { get; }
    public abstract string ForeignKeysQuery { get; }

    /// <summary>The column's type in the model (SQL Server names, so that the analysis and the T-SQL emitter read it as usual).</summary>
    public abstract SqlType MapType(CatalogColumn column);

    /// <summary>How the sample compares the column's values: as the server's GROUP BY does.</summary>
    public abstract ValueSemantics Semantics(CatalogColumn column, SqlType type, bool caseSensitiveDefault);

    // ---- queries over rows ----

    /// <summary>The expression a column is read through in a sample or an example (text where the client cannot read the type).</summary>
    public abstract string ValueExpression(SqlType type, string column);

    /// <summary>The expression a column is grouped by (a text form for types without equality).</summary>
    public abstract string GroupExpression(SqlType type, string column);

    /// <summary>How a grouped column (see <see cref="GroupExpression"/>), selected under an alias, is read back as a value.</summary>
    public abstract string GroupedValueExpression(SqlType type, string alias);

    /// <summary>COUNT(*) as a 64-bit number.</summary>
    public abstract string CountRows { get; }

    /// <summary>SELECT [TOP (@limit)] select FROM from [ORDER BY] [LIMIT @limit].</summary>
    public abstract string Limited(string select, string from, string? orderBy, string limitParameter);

    /// <summary>The value of a sample column as the text TableDataBuilder takes.</summary>
    public abstract string? ReadText(IDataRecord record, int ordinal);

    /// <summary>"a = b" that also holds when both are NULL.</summary>
    public static string NullSafeEquals(string a, string b) => $"({a} = {b} OR ({a} IS NULL AND {b} IS NULL))";

    /// <summary>A typed value from a client library as text that <see cref="ValueSemantics"/> canonicalises.</summary>
    public static string FormatValue(object value) => value switch
    {
        string s => s,
        bool b => b ? "1" : "0",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        Guid g => g.ToString("D"),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        char[] chars => new string(chars),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
