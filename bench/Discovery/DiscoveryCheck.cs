using System.Diagnostics;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Bench.Discovery;

/// <summary>
/// A Stopwatch harness: per dataset, the median of load (CSV → columns) and discovery over several runs,
/// the FD count, whether the FDs equal the expected list, and the process's peak working set. The
/// minimum total is printed too: on a shared machine it is the figure least disturbed by other work.
/// <code>
/// dotnet run -c Release --project bench -- discovery-check [--runs N] [--nulls distinct] [--max-lhs K]
///     [--threads T] [--time-limit S] [names...|all|small|big]
/// </code>
/// Peak working set is per process: check one dataset per run to read it for that dataset.
/// </summary>
public static class DiscoveryCheck
{
    public static readonly string[] Big =
        ["adult", "letter", "horse", "mushroom", "CIPublicHighway50k", "ncvoter_1001r_19c", "hepatitis"];

    public static int Run(string[] args)
    {
        int runs = 5;
        var options = new DiscoveryOptions();
        var names = new List<string>();
        bool verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i]); break;
                case "--nulls": options = options with { Nulls = args[++i] == "distinct" ? NullSemantics.Distinct : NullSemantics.Equal }; break;
                case "--max-lhs": options = options with { MaxLhs = int.Parse(args[++i]) }; break;
                case "--max-error": options = options with { MaxError = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) }; break;
                case "--threads": options = options with { Threads = int.Parse(args[++i]) }; break;
                case "--time-limit": options = options with { TimeLimit = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)) }; break;
                case "--memory-mb": options = options with { MemoryBudgetBytes = long.Parse(args[++i]) * 1024 * 1024 }; break;
                case "--no-uccs": options = options with { Uccs = false }; break;
                case "--mvds": options = options with { Mvds = true }; break;
                case "--strategy": options = options with { Strategy = Enum.Parse<FdStrategy>(args[++i], ignoreCase: true) }; break;
                case "--jds": options = options with { Jds = true }; break;
                case "-v": verbose = true; break;
                case "--tune":
                    var (key, value) = (args[++i].Split('=')[0], args[i].Split('=')[1]);
                    var v = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    if (key == "threshold") SchemaNorm.Analyzer.Discovery.Engine.Common.EngineTuning.SamplingThreshold = v;
                    else if (key == "resample") SchemaNorm.Analyzer.Discovery.Engine.Common.EngineTuning.ResampleShare = v;
                    else if (key == "allpairs") SchemaNorm.Analyzer.Discovery.Engine.Common.EngineTuning.AllPairsRowLimit = (int)v;
                    else throw new ArgumentException("--tune threshold|resample|allpairs=value");
                    break;
                default: names.Add(args[i]); break;
            }
        }
        IEnumerable<BenchmarkDatasets.Dataset> sets = names.Count == 0 || names.Contains("big")
            ? Big.Select(BenchmarkDatasets.Get)
            : names.Contains("all") ? BenchmarkDatasets.All.Where(d => d.Name != "uniprot_1001r_223c")
            : names.Contains("small") ? BenchmarkDatasets.All.Where(d => !Big.Contains(d.Name) && d.Name != "uniprot_1001r_223c")
            : names.Select(BenchmarkDatasets.Get);

        bool distinct = options.Nulls == NullSemantics.Distinct;
        Console.WriteLine($"{"dataset",-26} {"rows",7} {"cols",4} {"load ms",8} {"disc ms",9} {"total ms",9} {"min ms",8} {"FDs",8} {"UCCs",6} {"expected",9} match  strategy");
        int failures = 0;
        foreach (var d in sets)
        {
            var load = new List<double>();
            var disc = new List<double>();
            var total = new List<double>();
            DiscoveryResult? result = null;
            int rows = 0, cols = 0;
            for (int r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                var data = BenchmarkDatasets.Load(d);
                double l = sw.Elapsed.TotalMilliseconds;
                result = DependencyDiscovery.Discover(data, options);
                double t = sw.Elapsed.TotalMilliseconds;
                load.Add(l);
                disc.Add(t - l);
                total.Add(t);
                rows = data.RowCount;
                cols = data.ColumnCount;
            }
            var expected = BenchmarkDatasets.Expected(d, distinct);
            string match = "-";
            if (expected is not null && options.MaxLhs is null && options.MaxError == 0)
            {
                var found = result!.Fds.Select(BenchmarkDatasets.Format).ToHashSet();
                bool ok = found.SetEquals(expected);
                match = ok ? "yes" : $"NO (+{found.Except(expected).Count()} -{expected.Except(found).Count()})";
                if (!ok) failures++;
            }
            Console.WriteLine($"{d.Name,-26} {rows,7} {cols,4} {Median(load),8:0.0} {Median(disc),9:0.0} {Median(total),9:0.0} {total.Min(),8:0.0} {result!.Fds.Count,8} {result.UniqueColumnCombinations.Count,6} {expected?.Count.ToString() ?? "-",9} {match,-5}  {result.Statistics.Strategy}");
            foreach (var limit in result.Limits) Console.WriteLine($"    limit: {limit}");
            if (options.Mvds || options.Jds) Console.WriteLine($"    {result.Mvds.Count} MVDs, {result.Jds.Count} JDs");
            if (verbose)
            {
                var st = result.Statistics;
                Console.WriteLine($"    sampling {st.SamplingTime.TotalMilliseconds:0.0} ms ({st.SampledComparisons} pairs), induction {st.InductionTime.TotalMilliseconds:0.0} ms ({st.AgreeSets} agree sets), validation {st.ValidationTime.TotalMilliseconds:0.0} ms ({st.Validations} candidates, {st.ValidationComparisons} row compares, {st.Rounds} levels)");
            }
        }
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024):0.0} MB");
        return failures == 0 ? 0 : 1;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
