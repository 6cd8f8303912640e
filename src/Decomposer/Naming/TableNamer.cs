using System.Text;
using Humanizer;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Naming;

/// <summary>
/// Names new tables after what they hold, as a designer would:
/// <list type="number">
/// <item>the table that keeps the source's primary key takes the source's name in the other number
/// (Employee → Employees, authors → author), as the source's own name goes to the compatibility view;</item>
/// <item>a table keyed by the columns of one of the source's foreign keys takes the referenced table's
/// name, and one keyed like another table of the schema takes that table's name;</item>
/// <item>otherwise the key columns' names without their identifier suffix: CustomerID gives Customer,
/// DeptCode gives Dept, (OrderID, ProductID) gives OrderProduct; an all-key table joins all its column
/// names (Course, Teacher gives CourseTeacher);</item>
/// <item>when a key column says nothing on its own (Ssn, Pnumber), the source's name and the key columns:
/// EmpProj_Ssn.</item>
/// </list>
/// Names are regular T-SQL identifiers (letters, digits, underscores; not a reserved word), at most 128
/// characters, and unique in the schema: a name in use (including the source's own, which the migration
/// gives to a compatibility view) is tried in the other number (Customers, Customer), then with a number.
/// </summary>
public sealed class TableNamer
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Table _source;
    private readonly SchemaModel? _model;

    public TableNamer(Table source, SchemaModel? model)
    {
        _source = source;
        _model = model;
        _used.Add(source.Name.Name);
        if (model is not null)
            foreach (var t in model.Tables)
                if (string.Equals(t.Name.Schema, source.Name.Schema, StringComparison.OrdinalIgnoreCase))
                    _used.Add(t.Name.Name);
    }

    /// <summary>Reserves a name without proposing it (e.g. one chosen elsewhere).</summary>
    public void Reserve(string name) => _used.Add(name);

    /// <summary>A unique name from a given one (an entity's name the columns carry).</summary>
    public string Named(string name) => Sanitize(name) is { Length: > 0 } n ? Unique(n) : Unique(Sanitize(_source.Name.Name) + "_Part");

    /// <summary>A unique name for a table with the given columns and primary key (positions in the source).</summary>
    public string Name(AttributeSet columns, AttributeSet primaryKey, bool keepsSourceKey = false)
    {
        var names = _source.ColumnNames;
        var pkNames = primaryKey.Names(names);
        // The table that keeps the source's primary key is the same entity: the source's name, in the other
        // number (the source's own name goes to the compatibility view).
        if (keepsSourceKey && Sanitize(OtherNumber(_source.Name.Name)) is { Length: > 0 } same && Available(same)) return Take(same);
        string? fromReference = null;
        foreach (var fk in _source.ForeignKeys)
            if (SameNames(fk.Columns, pkNames)) { fromReference = fk.ReferencedTable.Name; break; }
        if (fromReference is null && _model is not null)
            foreach (var t in _model.Tables)
                if (!ReferenceEquals(t, _source) && t.PrimaryKey is { } pk && SameNames(pk.Columns, pkNames))
                {
                    fromReference = t.Name.Name;
                    break;
                }

        string baseName;
        if (fromReference is not null) baseName = Sanitize(fromReference);
        else if (primaryKey == columns || primaryKey.IsEmpty)
        {
            var words = columns.Names(names).Select(Word).ToList();
            baseName = words.Count <= 4 && words.All(w => w is not null) ? string.Concat(words) : Fallback(columns.Names(names));
        }
        else
        {
            var stems = pkNames.Select(Stem).ToList();
            baseName = stems.Count <= 3 && stems.All(s => s is not null)
                ? string.Concat(stems.Select(s => Pascal(s!)))
                : Fallback(pkNames);
        }
        if (baseName.Length == 0) baseName = Sanitize(_source.Name.Name) + "_Part";
        return Unique(baseName);
    }

    private string Fallback(IReadOnlyList<string> keyNames)
    {
        var parts = new List<string> { Sanitize(_source.Name.Name) };
        parts.AddRange(keyNames.Take(3).Select(Sanitize));
        return Trim(string.Join("_", parts.Where(p => p.Length > 0)));
    }

    private string Unique(string baseName)
    {
        foreach (var candidate in new[] { baseName, OtherNumber(baseName) })
            if (Available(candidate)) return Take(candidate);
        for (int i = 2; ; i++)
        {
            var candidate = Trim(baseName, 120) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Available(candidate)) return Take(candidate);
        }
    }

    private bool Available(string name) => name.Length > 0 && !_used.Contains(name) && !ReservedWords.Contains(name);

    private string Take(string name)
    {
        _used.Add(name);
        return name;
    }

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => Identifier.AreEqual(Identifier.Unquote(x), y)));

    /// <summary>
    /// The name without an identifier suffix (ID, Code, No, Nr, Num, Number, Nbr, Key, Name, #) when what is
    /// left is a word of three or more letters: CustomerID → Customer, County_name → County, Lot# → Lot.
    /// Null when there is no such suffix or nothing meaningful is left (Ssn, i_ID, S#).
    /// </summary>
    public static string? Stem(string column)
    {
        var words = Words(column, out bool hash);
        if (words.Count == 0) return null;
        bool stripped = hash;
        if (words.Count > 1 && KeySuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
            stripped = true;
        }
        if (!stripped) return null;
        var stem = string.Concat(words.Select(Pascal));
        return stem.Count(char.IsLetter) >= 3 ? stem : null;
    }

    /// <summary>
    /// What a column of an all-key table contributes to its name: its stem, or the name itself when it is
    /// one word of letters (Course, Teacher), or the letters before a # (S# gives S). Null otherwise.
    /// </summary>
    private static string? Word(string column)
    {
        if (Stem(column) is { } stem) return stem;
        var words = Words(column, out bool hash);
        if (words.Count == 1 && words[0].All(char.IsLetter) && (words[0].Length >= 2 || hash)) return Pascal(words[0]);
        return null;
    }

    /// <summary>Whether the name ends in an identifier suffix as a separate word (CustomerID, Dept_Code, Lot#); a name (CompanyName) is not an identifier.</summary>
    public static bool HasKeySuffix(string column)
    {
        var words = Words(column, out bool hash);
        return hash || (words.Count > 1 && IdentifierSuffixes.Contains(words[^1])) || (words.Count == 1 && words[0].Equals("id", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly HashSet<string> IdentifierSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "code", "no", "nr", "num", "number", "nbr", "key",
    };

    private static readonly HashSet<string> KeySuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "code", "no", "nr", "num", "number", "nbr", "key", "name",
    };

    /// <summary>The name's words (<see cref="NameWords.Split"/>), and whether it holds a '#'.</summary>
    private static List<string> Words(string name, out bool hash)
    {
        hash = name.Contains('#');
        return NameWords.Split(name);
    }

    private static string Pascal(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Letters, digits and underscores; starts with a letter or underscore.</summary>
    public static string Sanitize(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_') sb.Append(c);
            else if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        var s = sb.ToString().Trim('_');
        if (s.Length > 0 && char.IsDigit(s[0])) s = "_" + s;
        return Trim(s);
    }

    private static string Trim(string s, int max = 128) => s.Length <= max ? s : s[..max];

    /// <summary>
    /// The name in the other grammatical number, by an English inflector that knows the irregular and
    /// uncountable words: Customers ↔ Customer, Categories ↔ Category, Address ↔ Addresses, Status ↔
    /// Statuses, Analysis ↔ Analyses, People ↔ Person. A name it cannot inflect (Series, News, Equipment)
    /// comes back unchanged, so it is never mangled into a word that is not one.
    /// </summary>
    internal static string OtherNumber(string name)
    {
        if (name.Length == 0 || !char.IsLetter(name[^1])) return name;
        var singular = name.Singularize(inputIsKnownToBePlural: false);
        var other = !string.Equals(singular, name, StringComparison.Ordinal) ? singular : name.Pluralize(inputIsKnownToBeSingular: false);
        // ORDERS -> ORDER, not ORDERs: keep a name written in capitals in capitals.
        return name.Any(char.IsLower) ? other : other.ToUpperInvariant();
    }

    /// <summary>T-SQL reserved keywords: not used as table names, even though the scripts bracket every name.</summary>
    public static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUTHORIZATION", "BACKUP", "BEGIN", "BETWEEN", "BREAK",
        "BROWSE", "BULK", "BY", "CASCADE", "CASE", "CHECK", "CHECKPOINT", "CLOSE", "CLUSTERED", "COALESCE",
        "COLLATE", "COLUMN", "COMMIT", "COMPUTE", "CONSTRAINT", "CONTAINS", "CONTAINSTABLE", "CONTINUE", "CONVERT",
        "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR",
        "DATABASE", "DBCC", "DEALLOCATE", "DECLARE", "DEFAULT", "DELETE", "DENY", "DESC", "DISK", "DISTINCT",
        "DISTRIBUTED", "DOUBLE", "DROP", "DUMP", "ELSE", "END", "ERRLVL", "ESCAPE", "EXCEPT", "EXEC", "EXECUTE",
        "EXISTS", "EXIT", "EXTERNAL", "FETCH", "FILE", "FILLFACTOR", "FOR", "FOREIGN", "FREETEXT", "FREETEXTTABLE",
        "FROM", "FULL", "FUNCTION", "GOTO", "GRANT", "GROUP", "HAVING", "HOLDLOCK", "IDENTITY", "IDENTITY_INSERT",
        "IDENTITYCOL", "IF", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "KEY", "KILL",
        "LEFT", "LIKE", "LINENO", "LOAD", "MERGE", "NATIONAL", "NOCHECK", "NONCLUSTERED", "NOT", "NULL", "NULLIF",
        "OF", "OFF", "OFFSETS", "ON", "OPEN", "OPENDATASOURCE", "OPENQUERY", "OPENROWSET", "OPENXML", "OPTION", "OR",
        "ORDER", "OUTER", "OVER", "PERCENT", "PIVOT", "PLAN", "PRECISION", "PRIMARY", "PRINT", "PROC", "PROCEDURE",
        "PUBLIC", "RAISERROR", "READ", "READTEXT", "RECONFIGURE", "REFERENCES", "REPLICATION", "RESTORE", "RESTRICT",
        "RETURN", "REVERT", "REVOKE", "RIGHT", "ROLLBACK", "ROWCOUNT", "ROWGUIDCOL", "RULE", "SAVE", "SCHEMA",
        "SECURITYAUDIT", "SELECT", "SEMANTICKEYPHRASETABLE", "SEMANTICSIMILARITYDETAILSTABLE",
        "SEMANTICSIMILARITYTABLE", "SESSION_USER", "SET", "SETUSER", "SHUTDOWN", "SOME", "STATISTICS", "SYSTEM_USER",
        "TABLE", "TABLESAMPLE", "TEXTSIZE", "THEN", "TO", "TOP", "TRAN", "TRANSACTION", "TRIGGER", "TRUNCATE",
        "TRY_CONVERT", "TSEQUAL", "UNION", "UNIQUE", "UNPIVOT", "UPDATE", "UPDATETEXT", "USE", "USER", "VALUES",
        "VARYING", "VIEW", "WAITFOR", "WHEN", "WHERE", "WHILE", "WITH", "WITHIN", "WRITETEXT",
    };
}
