using System.Globalization;
using SchemaNorm.Bench.Ingest;
using SchemaNorm.Recovery;
using SchemaNorm.Recovery.Tpch;

namespace SchemaNorm.Bench.Recovery;

/// <summary>
/// The recovery benchmark: every wide table of the real sample databases and the TPC-H wide table, through
/// analyze in the three settings (declared key, DDL without a key, CSV alone), scored against the
/// original tables, with analyze's time and peak memory.
/// <code>
/// dotnet run -c Release --project bench -- recovery [--tpch-scale 0.1] [--databases northwind,pubs,adventureworkslt,adventureworks,tpch]
///     [--settings key,nokey,csv] [--details] [--in-process] [--write FOLDER]
/// </code>
/// Each analyze runs in a process of its own (the built tool), whose time and peak resident memory are
/// reported; --in-process runs them in this one, as the tests do.
/// </summary>
public static class RecoveryCheck
{
    public static int Run(string[] args)
    {
        double scale = 0.1;
        var databases = new List<string>([.. RealDatabases.Names, "tpch"]);
        var settings = RecoveryRun.AllSettings.ToList();
        bool details = false, isolated = true;
        string? writeTo = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tpch-scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--databases": databases = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--settings":
                    settings = [.. args[++i].Split(',').Select(s => s.Trim() switch
                    {
                        "key" => RecoverySetting.DeclaredKey,
                        "nokey" => RecoverySetting.NoKey,
                        "csv" => RecoverySetting.CsvOnly,
                        _ => throw new ArgumentException($"unknown setting {s}: key, nokey or csv"),
                    })];
                    break;
                case "--details": details = true; break;
                case "--in-process": isolated = false; break;
                // Only writes each wide table's folder per setting, to run analyze on by hand (profiling).
                case "--write": writeTo = Path.GetFullPath(args[++i]); break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}");
                    return 2;
            }
        }

        var work = Directory.CreateTempSubdirectory("schemanorm-recovery").FullName;
        var results = new List<RecoveryResult>();
        try
        {
            foreach (var name in databases)
            {
                SourceDatabase source;
                if (name == "tpch")
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    source = TpchGenerator.Load(TpchGenerator.Write(Path.Combine(work, "tpch-source"), scale));
                    Console.Error.WriteLine($"TPC-H scale {scale.ToString(CultureInfo.InvariantCulture)} generated and read in {clock.Elapsed.TotalSeconds:0.0} s");
                }
                else source = RealDatabases.Load(IngestInputs.RealSchemas, name);

                foreach (var wide in source.WideTables())
                    foreach (var setting in settings)
                    {
                        if (writeTo is not null)
                        {
                            Console.WriteLine(WideTableFiles.Write(wide, setting, Path.Combine(writeTo, wide.Name, setting.ToString())));
                            continue;
                        }
                        Console.Error.WriteLine($"{wide}: {RecoveryRun.Label(setting)} ...");
                        var result = RecoveryRun.Run(wide, setting, work, isolated);
                        results.Add(result);
                        if (details) Console.Error.Write(RecoveryRun.Details(result));
                    }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        Console.Write(RecoveryRun.Table(results));
        Console.WriteLine();
        Console.WriteLine(RecoveryRun.Totals(results));
        if (details)
        {
            Console.WriteLine();
            foreach (var r in results) Console.Write(RecoveryRun.Details(r));
        }
        return 0;
    }
}
