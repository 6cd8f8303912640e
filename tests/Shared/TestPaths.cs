namespace SchemaNorm.Tests;

/// <summary>Where the repository and the shared material beside it (../shared) are, seen from a test.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchemaNorm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find SchemaNorm.sln above the test binaries");
    });

    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>../shared beside the repository, or SCHEMANORM_SHARED when set.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("SCHEMANORM_SHARED") is { Length: > 0 } s
            ? s
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static string Datasets => SharedFile("datasets", "fd");
    public static string RealSchemas => SharedFile("real-schemas");
    public static string Cases => SharedFile("cases", "textbook-cases.json");
    public static string SampleSchemas => Path.Combine(RepoRoot, "sample-schemas");
}
