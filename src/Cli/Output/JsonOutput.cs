using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// Writes JSON with <see cref="Utf8JsonWriter"/> (no reflection, so the tool also runs as a native
/// binary): indented, UTF-8, non-ASCII characters kept readable.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the document straight into a stream (then a trailing newline), without building a string.</summary>
    public static void WriteTo(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    public static void WriteStringArray(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static void WriteStringArray(this Utf8JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>
    /// The version of the JSON documents' shape (analyze, discover, decompose). It goes up only when a field
    /// is removed, renamed or changes meaning; new fields are added without changing it.
    /// </summary>
    public const int FormatVersion = 1;

    /// <summary>The fields every JSON document starts with: the tool that wrote it and the format's version.</summary>
    public static void WriteTool(this Utf8JsonWriter w)
    {
        w.WriteStartObject("tool");
        w.WriteString("name", "schemanorm");
        w.WriteString("version", ToolInfo.Version);
        w.WriteEndObject();
        w.WriteNumber("formatVersion", FormatVersion);
    }
}
