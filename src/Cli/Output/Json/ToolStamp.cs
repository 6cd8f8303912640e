using System.ComponentModel;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>The program that wrote a JSON document.</summary>
internal sealed record ToolStamp(
    [property: Description("Always \"schemanorm\".")] string Name,
    [property: Description("The version of schemanorm that wrote the document.")] string Version)
{
    public static ToolStamp Current => new("schemanorm", ToolInfo.Version);
}
