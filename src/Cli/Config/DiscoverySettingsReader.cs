using SchemaNorm.Cli.Options;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Config;

/// <summary>The discovery settings of a run: the command line over the config file's <c>discovery</c> section, and the config's rejections as data.</summary>
internal static class DiscoverySettingsReader
{
    public static DiscoverySettings Read(ParsedArguments args, SchemaNormConfig? config)
    {
        var d = config?.Discovery ?? new DiscoveryConfig();
        var nulls = args.Has("nulls") ? args.Choice("nulls", "equal", "equal", "distinct") : d.Nulls ?? "equal";
        return new DiscoverySettings
        {
            NullsEqual = nulls == "equal",
            SampleSize = args.Int("sample-size", min: 1) ?? d.SampleSize,
            MaxLhs = args.Int("max-lhs", min: 0) ?? d.MaxLhs,
            MaxError = args.Double("max-error", 0, 1) ?? d.MaxError,
            MinPlausibility = d.MinPlausibility,
            Timeout = (args.Int("discovery-timeout", min: 1, max: DiscoverySettings.MaxTimeoutSeconds) ?? d.TimeoutSeconds) is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : null,
            Rejected = config?.RejectedDependencies
                .Select(r => new RejectedDependency(r.Table, r.Dependency.Kind, r.Dependency.Lhs, r.Dependency.Rhs, r.Reason, r.Location))
                .ToList() ?? [],
        };
    }
}
