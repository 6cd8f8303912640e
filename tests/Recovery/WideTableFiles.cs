using System.Text;

namespace SchemaNorm.Recovery;

/// <summary>How the wide table is given to analyze.</summary>
public enum RecoverySetting
{
    /// <summary>DDL declaring the child table's primary key, and the rows as CSV.</summary>
    DeclaredKey,
    /// <summary>The same DDL without any key, and the rows.</summary>
    NoKey,
    /// <summary>The CSV file alone: column names from its header, no types, no key.</summary>
    CsvOnly,
}

/// <summary>Writes a wide table as a T-SQL script (Name.sql) and a CSV file of its rows (Name.csv).</summary>
public static class WideTableFiles
{
    /// <summary>Writes the files of <paramref name="setting"/> into <paramref name="folder"/> (created) and returns the folder.</summary>
    public static string Write(WideTable wide, RecoverySetting setting, string folder)
    {
        Directory.CreateDirectory(folder);
        if (setting != RecoverySetting.CsvOnly)
            File.WriteAllText(Path.Combine(folder, wide.Name + ".sql"), Ddl(wide, setting == RecoverySetting.DeclaredKey));
        using var csv = new StreamWriter(Path.Combine(folder, wide.Name + ".csv"), false, new UTF8Encoding(false), 1 << 16);
        WriteCsv(wide, csv);
        return folder;
    }

    public static string Ddl(WideTable wide, bool primaryKey)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE [dbo].[").Append(wide.Name).Append("] (\n");
        for (int i = 0; i < wide.Columns.Count; i++)
        {
            var c = wide.Columns[i];
            bool key = primaryKey && wide.Key.Contains(c.Name, StringComparer.OrdinalIgnoreCase);
            sql.Append("    [").Append(c.Name).Append("] ").Append(c.Type).Append(c.IsNullable && !key ? " NULL" : " NOT NULL");
            if (i < wide.Columns.Count - 1 || primaryKey) sql.Append(',');
            sql.Append('\n');
        }
        if (primaryKey)
            sql.Append("    CONSTRAINT [PK_").Append(wide.Name).Append("] PRIMARY KEY (")
                .Append(string.Join(", ", wide.Key.Select(k => "[" + k + "]"))).Append(")\n");
        sql.Append(");\n");
        return sql.ToString();
    }

    /// <summary>RFC 4180: a header, comma-separated fields, quoted when they hold a comma, a quote or a line break. NULL is an empty field.</summary>
    public static void WriteCsv(WideTable wide, TextWriter w)
    {
        w.Write(string.Join(",", wide.Columns.Select(c => Field(c.Name))));
        w.Write('\n');
        foreach (var row in wide.Rows())
        {
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0) w.Write(',');
                if (row[i] is { } v) w.Write(Field(v));
            }
            w.Write('\n');
        }
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Length == 0 || value.Trim().Length != value.Length
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
