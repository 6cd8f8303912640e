namespace SchemaNorm.Cli;

internal static partial class ToolInfo
{
    /// <summary>The version the project file sets (x.y.z), without build metadata.</summary>
    /// <remarks>Written into ToolInfo.g.cs at build time (the csproj): reading the assembly's attribute would start reflection on every run.</remarks>
    public static string Version => BuildVersion;
}
