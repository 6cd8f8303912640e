using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Csv;

namespace SchemaNorm.Bench.Discovery;

/// <summary>The FD-discovery benchmark tables in ../shared/datasets/fd, with how to read each (README table).</summary>
public static class BenchmarkDatasets
{
    public sealed record Dataset(string Name, char Delimiter, bool HasHeader)
    {
        public string Path => System.IO.Path.Combine(Folder, Name + ".csv");
        public string Expected(bool nullsDistinct) =>
            System.IO.Path.Combine(Folder, "expected", nullsDistinct ? "nulls-distinct" : "", Name + ".fds.txt");
        public override string ToString() => Name;
    }

    public static readonly Dataset[] All =
    [
        new("iris", ',', false), new("balance-scale", ',', false), new("chess", ',', false),
        new("abalone", ',', false), new("nursery", ',', false), new("breast-cancer-wisconsin", ',', false),
        new("bridges", ',', false), new("echocardiogram", ',', false), new("adult", ';', false),
        new("letter", ',', false), new("ncvoter_1001r_19c", ',', true), new("hepatitis", ',', false),
        new("horse", ',', false), new("mushroom", ',', true), new("uniprot_1001r_223c", ',', true),
        new("CIPublicHighway700", ',', true), new("CIPublicHighway10k", ',', true), new("CIPublicHighway50k", ',', true),
        new("neighbors10k", ',', true), new("neighbors50k", ',', true), new("LineItem", '|', true),
        new("WDC_age", ',', true), new("WDC_appearances", ',', true), new("WDC_astrology", ',', true),
        new("WDC_astronomical", ',', true), new("WDC_game", ',', true), new("WDC_kepler", ',', true),
        new("WDC_satellites", ',', true), new("WDC_science", ',', true), new("WDC_symbols", ',', true),
        new("TestFD", ',', true), new("TestLong", ',', true), new("TestWide", ',', true),
    ];

    /// <summary>../shared/datasets/fd from the repository root (found upwards from the binaries), or SCHEMANORM_SHARED.</summary>
    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SCHEMANORM_SHARED") is { Length: > 0 } s) return System.IO.Path.Combine(s, "datasets", "fd");
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SchemaNorm.sln"))) dir = dir.Parent;
            var root = dir?.FullName ?? Directory.GetCurrentDirectory();
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "datasets", "fd"));
        }
    }

    public static Dataset Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown dataset '{name}'");

    public static TableData Load(Dataset d)
    {
        var diagnostics = new DiagnosticBag();
        var table = CsvReader.Read(d.Path, new CsvOptions { Delimiter = d.Delimiter, HasHeader = d.HasHeader }, diagnostics)
                    ?? throw new InvalidOperationException(string.Join("; ", diagnostics.Items));
        return table.Data;
    }

    /// <summary>The expected FDs as "[i,j]->k" lines, or null when the file has no list.</summary>
    public static HashSet<string>? Expected(Dataset d, bool nullsDistinct)
    {
        var path = d.Expected(nullsDistinct);
        return File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0).ToHashSet() : null;
    }

    public static string Format(SchemaNorm.Analyzer.Discovery.DiscoveredFd fd) =>
        "[" + string.Join(",", fd.Lhs.ToArray()) + "]->" + fd.Rhs;
}
