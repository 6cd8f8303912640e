using System.Reflection;

namespace SchemaNorm.Cli;

internal static class ToolInfo
{
    /// <summary>The version the project file sets (x.y.z), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
