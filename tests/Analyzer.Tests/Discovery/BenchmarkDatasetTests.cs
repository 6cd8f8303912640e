using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Analyzer.Ingest.Csv;
using SchemaNorm.Tests;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>
/// The small FD-discovery benchmark tables: the minimal FDs found equal the expected lists FD for FD
/// (null = null, and null ≠ null where a list exists). The large ones (adult, letter, horse, mushroom,
/// CIPublicHighway50k, ncvoter, hepatitis, uniprot) are checked by bench/Discovery (discovery-check).
/// </summary>
public class BenchmarkDatasetTests
{
    // name, separator, header (README table of datasets/fd)
    public static TheoryData<string, char, bool> Small => new()
    {
        { "iris", ',', false }, { "balance-scale", ',', false }, { "abalone", ',', false },
        { "breast-cancer-wisconsin", ',', false }, { "bridges", ',', false }, { "echocardiogram", ',', false },
        { "nursery", ',', false }, { "chess", ',', false },
        { "CIPublicHighway700", ',', true }, { "CIPublicHighway10k", ',', true }, { "neighbors10k", ',', true },
        { "LineItem", '|', true }, { "WDC_age", ',', true }, { "WDC_appearances", ',', true },
        { "WDC_astrology", ',', true }, { "WDC_astronomical", ',', true }, { "WDC_game", ',', true },
        { "WDC_kepler", ',', true }, { "WDC_satellites", ',', true }, { "WDC_science", ',', true },
        { "WDC_symbols", ',', true }, { "TestFD", ',', true }, { "TestLong", ',', true }, { "TestWide", ',', true },
    };

    public static TheoryData<string, char, bool> WithNullsDistinctList => new()
    {
        { "CIPublicHighway700", ',', true }, { "CIPublicHighway10k", ',', true }, { "WDC_appearances", ',', true },
        { "WDC_astronomical", ',', true }, { "WDC_satellites", ',', true }, { "TestFD", ',', true },
    };

    internal static TableData Load(string name, char separator, bool header, bool withHeaderCopy = false)
    {
        var path = withHeaderCopy
            ? Path.Combine(TestPaths.Datasets, "with-header", name + ".csv")
            : Path.Combine(TestPaths.Datasets, name + ".csv");
        var diagnostics = new DiagnosticBag();
        var options = withHeaderCopy ? new CsvOptions { Delimiter = ',', HasHeader = true } : new CsvOptions { Delimiter = separator, HasHeader = header };
        var table = CsvReader.Read(path, options, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return table!.Data;
    }

    internal static List<string> Expected(string name, bool nullsDistinct) =>
        File.ReadLines(Path.Combine(TestPaths.Datasets, "expected", nullsDistinct ? "nulls-distinct" : "", name + ".fds.txt"))
            .Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();

    private static void AssertSame(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"expected {expected.Count} FDs, found {actual.Count}; missing {string.Join(" ", missing)}; extra {string.Join(" ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void Finds_exactly_the_published_minimal_fds(string name, char separator, bool header)
    {
        var result = DependencyDiscovery.Discover(Load(name, separator, header));
        AssertSame(Expected(name, false), BruteForce.Fds(result));
        Assert.Empty(result.Limits);
    }

    [Theory]
    [MemberData(nameof(WithNullsDistinctList))]
    public void Finds_exactly_the_minimal_fds_under_nulls_distinct(string name, char separator, bool header)
    {
        var result = DependencyDiscovery.Discover(Load(name, separator, header), new DiscoveryOptions { Nulls = NullSemantics.Distinct });
        AssertSame(Expected(name, true), BruteForce.Fds(result));
    }

    [Theory]
    [InlineData("echocardiogram", ',', false)]
    [InlineData("LineItem", '|', true)]
    [InlineData("bridges", ',', false)]
    [InlineData("CIPublicHighway700", ',', true)]
    public void Sampling_and_validation_agree_with_the_list_on_short_tables_too(string name, char separator, bool header)
    {
        // Short tables normally compare all pairs; force the hybrid path, whose validation does the work here.
        var result = DependencyDiscovery.Discover(Load(name, separator, header), new DiscoveryOptions { Strategy = FdStrategy.Hybrid });
        AssertSame(Expected(name, false), BruteForce.Fds(result));
        var distinct = DependencyDiscovery.Discover(Load(name, separator, header), new DiscoveryOptions { Strategy = FdStrategy.Hybrid, Nulls = NullSemantics.Distinct });
        if (File.Exists(Path.Combine(TestPaths.Datasets, "expected", "nulls-distinct", name + ".fds.txt")))
            AssertSame(Expected(name, true), BruteForce.Fds(distinct));
    }

    [Theory]
    [InlineData("abalone")]
    [InlineData("iris")]
    public void Reading_the_comma_separated_copy_with_a_header_gives_the_same_fds(string name)
    {
        var result = DependencyDiscovery.Discover(Load(name, ',', true, withHeaderCopy: true));
        AssertSame(Expected(name, false), BruteForce.Fds(result));
    }

    [Theory]
    [InlineData("abalone", ',', false)]
    [InlineData("LineItem", '|', true)]
    public void Sampling_then_comparing_all_pairs_gives_the_list(string name, char separator, bool header)
    {
        var result = DependencyDiscovery.Discover(Load(name, separator, header), new DiscoveryOptions { Strategy = FdStrategy.SampleThenAllPairs });
        AssertSame(Expected(name, false), BruteForce.Fds(result));
        Assert.Equal("sampling, then all pairs", result.Statistics.Strategy);
    }

    [Fact]
    public void Two_threads_give_the_same_fds()
    {
        var data = Load("CIPublicHighway10k", ',', true);
        var result = DependencyDiscovery.Discover(data, new DiscoveryOptions { Threads = 2, Strategy = FdStrategy.Hybrid });
        AssertSame(Expected("CIPublicHighway10k", false), BruteForce.Fds(result));
        var lineItem = DependencyDiscovery.Discover(Load("LineItem", '|', true), new DiscoveryOptions { Threads = 2, Strategy = FdStrategy.Hybrid });
        AssertSame(Expected("LineItem", false), BruteForce.Fds(lineItem));
    }

    [Fact]
    public void Keys_of_a_benchmark_table_are_unique_and_minimal()
    {
        var data = Load("bridges", ',', false);
        var result = DependencyDiscovery.Discover(data);
        Assert.NotEmpty(result.UniqueColumnCombinations);
        foreach (var key in result.UniqueColumnCombinations)
        {
            var cols = key.ToArray();
            Assert.True(BruteForce.Unique(data, cols, NullSemantics.Equal));
            foreach (var c in cols)
                Assert.False(BruteForce.Unique(data, cols.Where(x => x != c).ToArray(), NullSemantics.Equal));
        }
    }
}
