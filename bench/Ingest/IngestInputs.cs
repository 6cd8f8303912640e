namespace SchemaNorm.Bench.Ingest;

/// <summary>The real schemas beside the repository (../shared/real-schemas, or $SCHEMANORM_SHARED/real-schemas).</summary>
internal static class IngestInputs
{
    public static string RealSchemas
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SCHEMANORM_SHARED") is { Length: > 0 } shared) return Path.Combine(shared, "real-schemas");
            // BenchmarkDotNet runs a copy of this assembly from a folder below bin/; walk up to the solution.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchemaNorm.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("cannot find SchemaNorm.sln; set SCHEMANORM_SHARED");
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "real-schemas"));
        }
    }

    public static string AdventureWorksLT => Path.Combine(RealSchemas, "adventureworkslt", "AdventureWorksLT.sql");

    public static string AdventureWorks => Path.Combine(RealSchemas, "adventureworks", "instawdb.sql");

    /// <summary>Bytes an AdventureWorks ingest reads: the script and the data files its BULK INSERTs name.</summary>
    public static long AdventureWorksBytes =>
        Directory.EnumerateFiles(Path.GetDirectoryName(AdventureWorks)!).Where(f => !f.EndsWith("AWBuildVersion.csv")).Sum(f => new FileInfo(f).Length);

    public static long AdventureWorksLTBytes => new FileInfo(AdventureWorksLT).Length;
}
