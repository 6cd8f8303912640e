using System.Text.RegularExpressions;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest;

/// <summary>
/// The order in which the files of a folder run, as migration tools run them:
/// <list type="bullet">
/// <item>A folder holding Flyway migrations (<c>V&lt;version&gt;__description.sql</c>) runs them by version,
/// compared number by number (V2 before V10, V1.2 before V1.10), then the repeatable ones (<c>R__</c>)
/// by description, then any other file. Undo scripts (<c>U&lt;version&gt;__</c>) do not run: they are left
/// out with a note.</item>
/// <item>Otherwise files run in natural order of their paths, folder by folder: runs of digits compare as
/// numbers, so numbered prefixes (<c>001_</c>, <c>2-</c>, <c>10-</c>) run in numeric order.</item>
/// </list>
/// </summary>
internal static partial class ScriptOrder
{
    [GeneratedRegex(@"^[Vv](?<version>\d+(?:[._]\d+)*)__.*\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Versioned();

    [GeneratedRegex(@"^[Uu]\d+(?:[._]\d+)*__.*\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Undo();

    [GeneratedRegex(@"^[Rr]__(?<description>.*)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Repeatable();

    /// <summary>The files of the folder <paramref name="root"/> in the order they run.</summary>
    public static IEnumerable<string> InRunOrder(this IEnumerable<string> files, string root, DiagnosticBag diagnostics)
    {
        var all = files.ToList();
        bool flyway = all.Any(f => Versioned().IsMatch(Path.GetFileName(f)));
        if (!flyway) return all.OrderBy(f => Relative(root, f), PathComparer.Instance).ToList();

        var kept = new List<string>();
        foreach (var f in all.OrderBy(f => Relative(root, f), PathComparer.Instance))
        {
            if (Undo().IsMatch(Path.GetFileName(f)))
                diagnostics.Info("an undo migration (U<version>__): it does not run when the migrations are applied, so it is not read",
                    new SourceLocation(f, 1, 1));
            else kept.Add(f);
        }
        return kept
            .Select(f => (file: f, name: Path.GetFileName(f)))
            .OrderBy(x => Versioned().IsMatch(x.name) ? 0 : Repeatable().IsMatch(x.name) ? 1 : 2)
            .ThenBy(x => Versioned().Match(x.name) is { Success: true } m ? m.Groups["version"].Value : "", VersionComparer.Instance)
            .ThenBy(x => Repeatable().Match(x.name) is { Success: true } m ? m.Groups["description"].Value : "", NaturalComparer.Instance)
            .ThenBy(x => Relative(root, x.file), PathComparer.Instance)
            .Select(x => x.file)
            .ToList();
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file);

    /// <summary>Flyway versions: numbers separated by '.' or '_', compared number by number; missing numbers are 0 (1 = 1.0).</summary>
    internal sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.', '_');
            var b = (y ?? "").Split('.', '_');
            for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                int c = CompareNumbers(i < a.Length ? a[i] : "0", i < b.Length ? b[i] : "0");
                if (c != 0) return c;
            }
            return 0;
        }
    }

    /// <summary>Paths compared folder by folder, each name in natural order.</summary>
    internal sealed class PathComparer : IComparer<string>
    {
        public static readonly PathComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var b = (y ?? "").Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int c = NaturalComparer.Instance.Compare(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }

    /// <summary>Names with their runs of digits compared as numbers (file2 before file10); ties broken by ordinal order.</summary>
    internal sealed class NaturalComparer : IComparer<string>
    {
        public static readonly NaturalComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            x ??= "";
            y ??= "";
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int si = i, sj = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                    while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                    int c = CompareNumbers(x[si..i], y[sj..j]);
                    if (c != 0) return c;
                }
                else
                {
                    int c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                    if (c != 0) return c;
                    i++;
                    j++;
                }
            }
            int rest = (x.Length - i).CompareTo(y.Length - j);
            return rest != 0 ? rest : string.CompareOrdinal(x, y);
        }
    }

    /// <summary>Two runs of digits as numbers of any length.</summary>
    private static int CompareNumbers(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        int c = a.Length.CompareTo(b.Length);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }
}
