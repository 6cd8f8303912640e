using System.Text.Json;
using SchemaNorm.Cli.Output.Json;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Cli.Output;

/// <summary>Writes the <see cref="DecompositionDocument"/> (`decompose --format json`).</summary>
internal static class DecompositionJsonWriter
{
    public static string Document(Decomposition d) =>
        JsonOutput.Write(w => JsonSerializer.Serialize(w, DecompositionDocument.Of(d), ReportJsonContext.Default.DecompositionDocument));
}
