using System.Text;

namespace SchemaNorm.Analyzer.Model;

/// <summary>The words of a column or table name, as the key ranking and the table namer both read them.</summary>
public static class NameWords
{
    /// <summary>Splits at underscores, spaces, other punctuation, case changes and digits (CustomerID → Customer, ID).</summary>
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c)) { Flush(); continue; }
            if (current.Length > 0)
            {
                char p = current[^1];
                bool lowerToUpper = char.IsLower(p) && char.IsUpper(c);
                bool acronymEnd = char.IsUpper(p) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && current.Length > 1;
                bool digitEdge = char.IsDigit(p) != char.IsDigit(c);
                if (lowerToUpper || acronymEnd || digitEdge) Flush();
            }
            current.Append(c);
        }
        Flush();
        return words;
    }
}
